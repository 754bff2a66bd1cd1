#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's contract tests: Debian's package, a cluster of its own in
# a temporary folder, listening on 127.0.0.1 only. Meant to be sourced (it exports the connection
# string); it can also be run on its own and prints the exports.
#
# Idempotent: an installed package is not installed again, a running server on the port that this
# script started is reused, a cluster folder that exists is started rather than recreated.
#
#   TIDINGS_PG_PORT   the port (default 55432)
#   TIDINGS_PG_DIR    the cluster folder (default /tmp/tidings-pg-$PORT)
# Exports TIDINGS_TEST_DATABASE_URL and TIDINGS_REQUIRE_POSTGRES=1 (the PostgreSQL tests then fail
# instead of skipping when they cannot connect).
set -euo pipefail

pg_port="${TIDINGS_PG_PORT:-55432}"
pg_dir="${TIDINGS_PG_DIR:-/tmp/tidings-pg-$pg_port}"
# A test-only server on loopback: the password keeps the connection string honest, it guards nothing.
pg_password="tidings"
pg_database="tidings_test"

# The server's own binaries, not just a client: a machine may have psql without a server.
pg_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  done
}

if [ -z "$(pg_bin_dir)" ]; then
  echo "postgres-start: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Debian's post-install script may start a cluster of its own on 5432; this script does not use it.
  apt-get install -y -qq postgresql >/dev/null
fi
pg_bin="$(pg_bin_dir)"
if [ -z "$pg_bin" ]; then
  echo "postgres-start: no PostgreSQL binaries under /usr/lib/postgresql after installing" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: as root, run it as the package's postgres user.
if [ "$(id -u)" = "0" ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

if [ ! -f "$pg_dir/PG_VERSION" ]; then
  mkdir -p "$pg_dir"
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$pg_dir"
  chmod 700 "$pg_dir"
  pwfile="$(mktemp)"
  printf '%s\n' "$pg_password" >"$pwfile"
  chmod 644 "$pwfile"
  as_pg "$pg_bin/initdb" -D "$pg_dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
fi

if ! as_pg "$pg_bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
  # fsync off: a test database that a crash may lose; the unix socket lives in the cluster folder
  # so that nothing under /var/run is needed.
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 start \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null \
    || { echo "postgres-start: the server did not start; its log:" >&2; tail -n 20 "$pg_dir/server.log" >&2; exit 1; }
fi

if ! as_pg "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$pg_database'" | grep -q 1; then
  as_pg "$pg_bin/createdb" -h "$pg_dir" -p "$pg_port" -U postgres "$pg_database"
fi

export TIDINGS_TEST_DATABASE_URL="postgres://postgres:$pg_password@127.0.0.1:$pg_port/$pg_database"
export TIDINGS_REQUIRE_POSTGRES=1
echo "postgres-start: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port, cluster $pg_dir" >&2

# Run directly (not sourced): print the exports for the caller's shell.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "export TIDINGS_TEST_DATABASE_URL=$TIDINGS_TEST_DATABASE_URL"
  echo "export TIDINGS_REQUIRE_POSTGRES=1"
fi

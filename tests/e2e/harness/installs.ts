/**
 * Installs ('oauth' mode) for e2e tests: a fresh SQLite store for the installations, a raw
 * connection to read its rows as they are on disk, and the browser's side of an install (open
 * /slack/install, approve on the stand-in for Slack's page, come back to /slack/oauth_redirect
 * with the state cookie), as a person's browser would go.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../src/store/open-store.js';
import type { SqlDatabase } from '../../../src/store/sql.js';
import { openSqliteDatabase } from '../../../src/store/sqlite-database.js';
import type { TidingsStore } from '../../../src/store/store.js';
import type { StandInWorkspace } from './slack-stand-in.js';
import type { Running } from './tidings.js';

export interface InstallDatabase {
  readonly store: TidingsStore;
  /** The same file, as SQL: what is really stored. */
  readonly raw: SqlDatabase;
  close(): Promise<void>;
}

export async function installDatabase(): Promise<InstallDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-installs-'));
  const dbFile = join(dir, 'tidings.db');
  const store = await openStore({ dbFile });
  const raw = openSqliteDatabase(dbFile);
  return {
    store,
    raw,
    async close() {
      await raw.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function workspace(teamId: string, teamName = `Team ${teamId}`): StandInWorkspace {
  return { teamId, teamName, botToken: `xoxb-${teamId}-secret-bot-token`, botUserId: `U${teamId}BOT`, botId: `B${teamId}` };
}

/** GET /slack/install: Slack's authorize URL (the redirect) and the state cookie Bolt set. */
export async function startInstall(t: Running): Promise<{ readonly response: Response; readonly authorizeUrl: string; readonly cookie: string }> {
  const response = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
  const authorizeUrl = response.headers.get('location') ?? '';
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { response, authorizeUrl, cookie };
}

/** GET /slack/oauth_redirect as Slack sends the browser back, with these query parameters. */
export function comeBack(t: Running, query: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${t.url}/slack/oauth_redirect?${new URLSearchParams(query).toString()}`, { redirect: 'manual', ...(cookie !== undefined && { headers: { cookie } }) });
}

/** A whole install, approved in `team`: the page Tidings ends it with. */
export async function install(t: Running, team: StandInWorkspace): Promise<Response> {
  const { authorizeUrl, cookie } = await startInstall(t);
  const { code, state } = t.slack.approve(authorizeUrl, team);
  return comeBack(t, { code, state }, cookie);
}

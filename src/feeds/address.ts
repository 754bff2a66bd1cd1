/**
 * Which addresses a feed may be fetched from. A feed URL comes from anyone in the workspace, so a
 * fetch must never reach the machine's own network (cloud metadata at 169.254.169.254, databases
 * on 10.x, services on loopback): the address is checked where the socket gets it, in the DNS
 * lookup, and literal IP hosts before any connection (Node does not call `lookup` for those).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Words for the ranges ipaddr.js names, as a user reads them ("a loopback address"). */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address',
  private: 'a private address',
  uniqueLocal: 'a unique-local address',
  reserved: 'a reserved address',
};

/**
 * Why an IP address may not be fetched from, or undefined when it is public unicast. IPv4-mapped
 * and NAT64 IPv6 addresses are judged by the IPv4 address inside; other special IPv6 ranges
 * (6to4, Teredo, site-local …) are refused outright, since they can tunnel to anywhere.
 */
export function addressRefusal(address: string): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'not an IP address';
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.range() === 'rfc6052') ip = ipaddr.fromByteArray(v6.toByteArray().slice(12));
  }
  const range = ip.range();
  if (range === 'unicast') return undefined;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}

/** Why an address may not be used, or undefined when it may: addressRefusal, or a test's own. */
export type AddressPolicy = (address: string) => string | undefined;

/** The policy for TIDINGS_FEEDS_ALLOW_PRIVATE: anything goes (a feed server on the LAN, tests). */
export const allowAnyAddress: AddressPolicy = () => undefined;

export function addressPolicy(allowPrivate: boolean): AddressPolicy {
  return allowPrivate ? allowAnyAddress : addressRefusal;
}

/** An error the fetch shows as it is: its message is for the user. */
export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

/** A URL host without IPv6 brackets ("[::1]" → "::1"). */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/** For a literal IP host: the refusal to show, or undefined. Hostnames are left to the lookup. */
export function literalHostRefusal(hostname: string, policy: AddressPolicy = addressRefusal): string | undefined {
  const host = bareHost(hostname);
  // net.isIP, not ipaddr: exactly the hosts for which Node skips `lookup`.
  if (isIP(host) === 0) return undefined;
  const reason = policy(host);
  return reason === undefined ? undefined : `refused: ${host} is ${reason}`;
}

export type LookupFn = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemLookup: LookupFn = (hostname, options, callback) => dnsLookup(hostname, options, callback);

/**
 * The refusal for a host's resolved addresses, or undefined when all are public. One private
 * address refuses the host: a name that resolves both ways is how DNS rebinding gets in.
 */
export function resolvedRefusal(hostname: string, addresses: readonly LookupAddress[], policy: AddressPolicy = addressRefusal): string | undefined {
  for (const { address } of addresses) {
    const reason = policy(address);
    if (reason !== undefined) return `refused: ${hostname} resolves to ${address}, ${reason}`;
  }
  return undefined;
}

type NodeLookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves as the system does and then refuses non-public
 * addresses with a RefusedAddressError. Node calls it with `all: true` (happy eyeballs) or
 * without, so both answers are given.
 */
export function guardedLookup(policy: AddressPolicy = addressRefusal, resolve: LookupFn = systemLookup) {
  return (hostname: string, options: LookupOptions, callback: NodeLookupCallback): void => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refusal = addresses.length === 0 ? `${hostname} has no address` : resolvedRefusal(hostname, addresses, policy);
      if (refusal !== undefined) return callback(new RefusedAddressError(refusal), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

const LOOKUP_TIMEOUT_MS = 5000;

/**
 * The same check as a fetch makes, for a URL someone is adding: literal IPs without any network,
 * hostnames with one DNS lookup. Undefined when the URL may be fetched; else the reason.
 */
export async function hostRefusal(url: URL, policy: AddressPolicy = addressRefusal, resolve: LookupFn = systemLookup): Promise<string | undefined> {
  const host = bareHost(url.hostname);
  if (isIP(host) !== 0) return literalHostRefusal(host, policy);
  if (policy === allowAnyAddress) return undefined;
  return new Promise((done) => {
    // getaddrinfo can take many seconds to give up; a person is waiting for the answer.
    const timer = setTimeout(() => done(`${host} did not resolve within ${LOOKUP_TIMEOUT_MS / 1000} s`), LOOKUP_TIMEOUT_MS);
    timer.unref();
    resolve(host, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) done(`${host} was not found (${error.code ?? 'DNS error'})`);
      else done(addresses.length === 0 ? `${host} has no address` : resolvedRefusal(host, addresses, policy));
    });
  });
}

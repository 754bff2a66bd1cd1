import { describe, expect, it } from 'vitest';
import { addressRefusal, guardedLookup, hostRefusal, literalHostRefusal, type LookupFn } from '../../src/feeds/address.js';

const fakeDns =
  (table: Record<string, string[]>): LookupFn =>
  (hostname, _options, callback) => {
    const addresses = table[hostname];
    if (addresses === undefined) callback(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }), []);
    else callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  };

describe('addressRefusal', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.8.9.10', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.0.0.1', 'a private address'],
    ['172.16.5.4', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['169.254.169.254', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['fd00::1', 'a unique-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['224.0.0.1', 'a multicast address'],
    ['ff02::1', 'a multicast address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['255.255.255.255', 'a broadcast address'],
    ['240.0.0.1', 'a reserved address'],
    ['192.0.2.1', 'a reserved address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:10.1.1.1', 'a private address'],
    ['64:ff9b::a00:1', 'a private address'],
  ])('refuses %s as %s', (address, words) => {
    expect(addressRefusal(address)).toBe(words);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:8.8.8.8'])('lets %s through', (address) => {
    expect(addressRefusal(address)).toBeUndefined();
  });

  it('refuses tunnels that can reach anywhere (6to4, Teredo)', () => {
    expect(addressRefusal('2002:7f00:1::1')).toMatch(/special-purpose/);
    expect(addressRefusal('2001:0:4136:e378::1')).toBeDefined();
  });
});

describe('literalHostRefusal', () => {
  it('names the host and the range', () => {
    expect(literalHostRefusal('127.0.0.1')).toBe('refused: 127.0.0.1 is a loopback address');
    expect(literalHostRefusal('[::1]')).toBe('refused: ::1 is a loopback address');
  });

  it('leaves hostnames to the lookup', () => {
    expect(literalHostRefusal('localhost')).toBeUndefined();
    expect(literalHostRefusal('news.example.com')).toBeUndefined();
  });
});

describe('guardedLookup', () => {
  const dns = fakeDns({ 'inside.test': ['10.9.8.7'], 'mixed.test': ['93.184.216.34', '192.168.0.2'], 'public.test': ['93.184.216.34', '2606:2800:220:1::1'] });

  it('refuses a name that resolves to a private address, and one that resolves both ways', async () => {
    const lookup = guardedLookup(undefined, dns);
    const run = (host: string) => new Promise<Error | null>((resolve) => lookup(host, {}, (error) => resolve(error)));
    expect((await run('inside.test'))?.message).toBe('refused: inside.test resolves to 10.9.8.7, a private address');
    expect((await run('mixed.test'))?.message).toBe('refused: mixed.test resolves to 192.168.0.2, a private address');
    expect(await run('public.test')).toBeNull();
  });

  it('answers in both shapes Node asks for', async () => {
    const lookup = guardedLookup(undefined, dns);
    const one = await new Promise<unknown[]>((resolve) => lookup('public.test', {}, (...args) => resolve(args)));
    expect(one).toEqual([null, '93.184.216.34', 4]);
    const all = await new Promise<unknown[]>((resolve) => lookup('public.test', { all: true }, (...args) => resolve(args)));
    expect(all[1]).toHaveLength(2);
  });
});

describe('hostRefusal', () => {
  const dns = fakeDns({ 'inside.test': ['10.9.8.7'], 'public.test': ['93.184.216.34'] });

  it('checks literal IPs without DNS and names with one lookup', async () => {
    const never: LookupFn = () => {
      throw new Error('no DNS for literal IPs');
    };
    expect(await hostRefusal(new URL('http://169.254.169.254/latest/meta-data'), undefined, never)).toBe('refused: 169.254.169.254 is a link-local address');
    expect(await hostRefusal(new URL('http://inside.test/feed'), undefined, dns)).toBe('refused: inside.test resolves to 10.9.8.7, a private address');
    expect(await hostRefusal(new URL('http://public.test/feed'), undefined, dns)).toBeUndefined();
    expect(await hostRefusal(new URL('http://nowhere.test/feed'), undefined, dns)).toBe('nowhere.test was not found (ENOTFOUND)');
  });
});

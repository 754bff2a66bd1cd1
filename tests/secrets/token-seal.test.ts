import { describe, expect, it } from 'vitest';
import { parseTokenKey } from '../../src/secrets/token-key.js';
import { createTokenSeal, keyId, TokenSealError } from '../../src/secrets/token-seal.js';

const KEY = Buffer.alloc(32, 1);
const OTHER = Buffer.alloc(32, 2);
const TOKEN = 'xoxb-1234-5678-AbCdEfGhIjKlMnOp';

describe('token seal', () => {
  it('seals a token so that it is not in the blob, and opens it again', () => {
    const seal = createTokenSeal(KEY);
    const sealed = seal.seal(TOKEN);
    expect(sealed).toMatch(new RegExp(`^v1\\.${keyId(KEY)}\\.[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(Buffer.from(TOKEN).toString('base64url').slice(0, 12));
    expect(seal.open(sealed)).toBe(TOKEN);
    // A new iv each time: the same token never seals to the same blob.
    expect(seal.seal(TOKEN)).not.toBe(sealed);
    expect(seal.open(seal.seal(''))).toBe('');
    expect(seal.open(seal.seal('xoxb-ünïcødé-✓'))).toBe('xoxb-ünïcødé-✓');
  });

  it('refuses a blob that was altered anywhere, without saying the token', () => {
    const seal = createTokenSeal(KEY);
    const sealed = seal.seal(TOKEN);
    const parts = sealed.split('.');
    for (const index of [2, 3, 4]) {
      const part = parts[index]!;
      const flipped = [...parts];
      flipped[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
      const open = () => seal.open(flipped.join('.'));
      expect(open).toThrow(TokenSealError);
      try {
        open();
      } catch (error) {
        expect((error as Error).message).not.toContain(TOKEN);
      }
    }
    expect(() => seal.open('xoxb-plain-token')).toThrow(/not a sealed token/);
    expect(() => seal.open(`v2.${parts.slice(1).join('.')}`)).toThrow(/not a sealed token/);
  });

  it('rotates: a blob names its key, the new key seals, the previous one still opens, another refuses', () => {
    const old = createTokenSeal(KEY).seal(TOKEN);
    const rotated = createTokenSeal(OTHER, [KEY]);
    expect(rotated.open(old)).toBe(TOKEN);
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.seal(TOKEN);
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(fresh.split('.')[1]).toBe(keyId(OTHER));
    expect(() => createTokenSeal(KEY).open(fresh)).toThrow(/sealed with another key/);
    // A blob relabelled with another key's id does not open with that key either.
    const relabelled = ['v1', keyId(OTHER), ...old.split('.').slice(2)].join('.');
    expect(() => rotated.open(relabelled)).toThrow(/does not open/);
  });

  it('takes only 32-byte keys', () => {
    expect(() => createTokenSeal(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => createTokenSeal(KEY, [Buffer.alloc(31)])).toThrow(/32 bytes/);
  });
});

describe('token key', () => {
  it('reads 32 bytes as 64 hex digits or as base64 (with or without padding, url-safe too)', () => {
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 250));
    expect(parseTokenKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseTokenKey(bytes.toString('hex').toUpperCase())).toEqual(bytes);
    expect(parseTokenKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseTokenKey(bytes.toString('base64url'))).toEqual(bytes);
  });

  it.each(['', 'short', 'a'.repeat(63), 'g'.repeat(64), Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('base64'), `${'A'.repeat(43)}==`])(
    'refuses %j',
    (text) => {
      expect(parseTokenKey(text)).toBeUndefined();
    },
  );
});

/**
 * Tokens sealed at rest with AES-256-GCM (node:crypto): a sealed token is
 * `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is a short fingerprint of
 * the key, so that a key can rotate: seal with the new one (TIDINGS_TOKEN_KEY), open with the new
 * one or an old one (TIDINGS_TOKEN_KEY_PREVIOUS) by the id the blob names. GCM's tag makes a
 * tampered blob, or one opened with another key, an error that says so; neither the token nor
 * the key is ever in an error message.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { TOKEN_KEY_BYTES } from './token-key.js';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class TokenSealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenSealError';
  }
}

export interface TokenSeal {
  seal(token: string): string;
  /** The token, or a TokenSealError: a blob not sealed here, tampered, or sealed with a key not given. */
  open(sealed: string): string;
  /** Whether this blob was sealed with the current key (else it is worth sealing again). */
  isCurrent(sealed: string): boolean;
}

/** Not secret: it names a key without revealing it (a hash of the key, cut short). */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('tidings token key id').update(key).digest('base64url').slice(0, 8);
}

export function createTokenSeal(current: Buffer, previous: readonly Buffer[] = []): TokenSeal {
  for (const key of [current, ...previous]) {
    if (key.length !== TOKEN_KEY_BYTES) throw new TokenSealError(`a token key must be ${TOKEN_KEY_BYTES} bytes`);
  }
  const currentId = keyId(current);
  const keys = new Map([...previous, current].map((key) => [keyId(key), key]));

  return {
    seal(token) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      // The format and key id are bound to the ciphertext: a blob relabelled is refused too.
      cipher.setAAD(Buffer.from(`${FORMAT}.${currentId}`));
      const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
      return [FORMAT, currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
    },

    open(sealed) {
      const parts = sealed.split('.');
      if (parts.length !== 5 || parts[0] !== FORMAT) throw new TokenSealError('not a sealed token (expected v1.<key id>.<iv>.<tag>.<ciphertext>)');
      const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
      const key = keys.get(id);
      if (key === undefined) {
        throw new TokenSealError(`this token was sealed with another key (id ${id}); set that key as TIDINGS_TOKEN_KEY_PREVIOUS to open it, or install the app again`);
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new TokenSealError('a sealed token is damaged (bad iv or tag)');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
        decipher.setAAD(Buffer.from(`${FORMAT}.${id}`));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenSealError('a sealed token does not open with its key: it was altered');
      }
    },

    isCurrent(sealed) {
      return sealed.split('.')[1] === currentId;
    },
  };
}

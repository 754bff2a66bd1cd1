/**
 * The key that seals workspace tokens at rest (TIDINGS_TOKEN_KEY): 32 random bytes, written as 64
 * hexadecimal digits or as base64 (`openssl rand -hex 32`, `openssl rand -base64 32`). Anything
 * else is refused: a short or mistyped key would seal with less strength than it seems to.
 */
const HEX = /^[0-9a-f]{64}$/i;
const BASE64 = /^[A-Za-z0-9+/]{43}=$|^[A-Za-z0-9_-]{43}$/;

export const TOKEN_KEY_BYTES = 32;

/** The key's 32 bytes, or undefined when the text is not 32 bytes in hex or base64. */
export function parseTokenKey(text: string): Buffer | undefined {
  if (HEX.test(text)) return Buffer.from(text, 'hex');
  if (!BASE64.test(text)) return undefined;
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  return key.length === TOKEN_KEY_BYTES ? key : undefined;
}

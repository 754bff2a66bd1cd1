/**
 * A response body as text: decompressed (gzip, deflate, br) within the byte cap, then decoded by
 * its charset. Decompression runs in zlib's thread pool with `maxOutputLength`, so a small
 * "zip bomb" stops at the cap instead of filling memory.
 */
import { brotliDecompress, gunzip, inflate, inflateRaw, type ZlibOptions } from 'node:zlib';
import { promisify } from 'node:util';

const DECODERS: Readonly<Record<string, (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>>> = {
  gzip: promisify(gunzip) as (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>,
  'x-gzip': promisify(gunzip) as (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>,
  // "deflate" should be zlib-wrapped (RFC 9110) but some servers send it raw.
  deflate: (buffer, options) => (looksZlibWrapped(buffer) ? promisify(inflate)(buffer, options) : promisify(inflateRaw)(buffer, options)),
  br: promisify(brotliDecompress) as (buffer: Buffer, options: ZlibOptions) => Promise<Buffer>,
};

function looksZlibWrapped(buffer: Buffer): boolean {
  return buffer.length >= 2 && (buffer[0]! & 0x0f) === 8 && ((buffer[0]! << 8) | buffer[1]!) % 31 === 0;
}

export class BodyTooLargeError extends Error {}
export class BodyEncodingError extends Error {}

/** Undoes Content-Encoding ("gzip", "gzip, br" …), last applied first. */
export async function decompress(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const codings = (contentEncoding ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const decode = DECODERS[coding];
    if (decode === undefined) throw new BodyEncodingError(`unsupported Content-Encoding ${coding.slice(0, 20)}`);
    try {
      out = await decode(out, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new BodyTooLargeError();
      throw new BodyEncodingError(`could not decompress the ${coding} body`);
    }
  }
  if (out.length > maxBytes) throw new BodyTooLargeError();
  return out;
}

/**
 * Bytes to text: the charset of Content-Type, else of the XML declaration, else UTF-8. A charset
 * the runtime does not know falls back to UTF-8 rather than failing the feed.
 */
export function decodeText(body: Buffer, contentType: string | undefined): string {
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? xmlEncoding(body);
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function xmlEncoding(body: Buffer): string | undefined {
  const head = body.subarray(0, 200).toString('latin1');
  return /^(?:\ufeff|\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
}

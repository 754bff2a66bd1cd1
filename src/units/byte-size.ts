/** Sizes as people write them in settings: "10mb", "512 KB", "1gb", or a number of bytes. */

const UNIT_BYTES = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;
const SIZE = /^(\d{1,9}(?:\.\d{1,3})?)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?$/i;

/** Bytes (whole), or undefined when the text is not a positive size. */
export function parseByteSize(text: string): number | undefined {
  const match = SIZE.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase().replace('i', '');
  const key = (unit.length === 1 && unit !== 'b' ? `${unit}b` : unit) as keyof typeof UNIT_BYTES;
  const bytes = Math.floor(Number(match[1]) * UNIT_BYTES[key]);
  return bytes > 0 ? bytes : undefined;
}

/** A size as a person reads it: 512 bytes, 64 KB, 10 MB (binary units, at most one decimal). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  for (const [unit, size] of [['GB', UNIT_BYTES.gb], ['MB', UNIT_BYTES.mb], ['KB', UNIT_BYTES.kb]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

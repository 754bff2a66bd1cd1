import { describe, expect, it } from 'vitest';
import { formatByteSize, parseByteSize } from '../../src/units/byte-size.js';

describe('byte sizes', () => {
  it('reads the ways people write them', () => {
    expect(parseByteSize('10mb')).toBe(10 * 1024 * 1024);
    expect(parseByteSize('512 KB')).toBe(512 * 1024);
    expect(parseByteSize('1GiB')).toBe(1024 ** 3);
    expect(parseByteSize('5m')).toBe(5 * 1024 * 1024);
    expect(parseByteSize('1.5kb')).toBe(1536);
    expect(parseByteSize('2048')).toBe(2048);
  });

  it('refuses what is not a positive size', () => {
    for (const text of ['', 'big', '0', '-1mb', '10 tb', '1e6', 'mb']) expect(parseByteSize(text), text).toBeUndefined();
  });

  it('writes sizes for people', () => {
    expect(formatByteSize(512)).toBe('512 bytes');
    expect(formatByteSize(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatByteSize(1536)).toBe('1.5 KB');
  });
});

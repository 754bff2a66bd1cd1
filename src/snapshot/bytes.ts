/**
 * The snapshot's binary body, written and read in order: numbers, strings, JSON and whole typed
 * arrays (columns). Reading past the end, or a length that does not fit, throws: a snapshot is
 * used whole or not at all.
 *
 * The body is two parts: the stream (numbers, strings, JSON, and each column's length), then the
 * columns' bytes, each starting at a multiple of 8 from the start of the columns part. A column is
 * read as a typed array over the columns part itself, not copied: at 100,000 summaries the
 * columns are some 80 MB, and copying them (and the memory that takes) was a good part of a
 * restore. The columns part is therefore kept as long as the engine holds any column of it; the
 * stream part (the summaries' text, decoded into strings) is let go. Layout:
 * [u32 stream length][u32 0][stream][zeros to a multiple of 8][columns].
 */
import { runNow, type Steps } from '../work/slices.js';

type Column = Int32Array | Float32Array | Float64Array | Uint8Array;

const PREFIX = 8;
const ALIGN = 8;
/** Bytes copied between two yields when the body is put together. */
const COPY_STEP = 8 * 1024 * 1024;

const aligned = (length: number) => Math.ceil(length / ALIGN) * ALIGN;

/** Where the columns part starts in a body whose stream part is `streamLength` bytes. */
export function columnsStart(streamLength: number): number {
  return aligned(PREFIX + streamLength);
}

/** The stream part's length, from a body's first bytes (at least PREFIX of them). */
export function streamLength(prefix: Buffer): number {
  if (prefix.length < PREFIX) throw new Error('the snapshot ends early');
  return prefix.readUInt32LE(0);
}

/** The two parts of a body: `columns` starts at a multiple of 8 in its ArrayBuffer (see bodyParts). */
export interface BodyParts {
  /** The body up to the columns (prefix and padding included). */
  readonly stream: Buffer;
  readonly columns: Buffer;
}

/** A body's parts; the columns copied once into memory of their own when they are not aligned in `body`'s. */
export function bodyParts(body: Buffer): BodyParts {
  const start = columnsStart(streamLength(body));
  if (start > body.length) throw new Error('the snapshot ends early');
  const columns = body.subarray(start);
  return { stream: body.subarray(0, start), columns: columns.byteOffset % ALIGN === 0 ? columns : copyAligned(columns) };
}

function copyAligned(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

export class ByteWriter {
  private readonly stream: Buffer[] = [];
  private streamBytes = 0;
  private readonly columns: Buffer[] = [];
  private columnBytes = 0;

  /** The body's length so far. */
  get size(): number {
    return columnsStart(this.streamBytes) + this.columnBytes;
  }

  f64(value: number): void {
    const chunk = Buffer.allocUnsafe(8);
    chunk.writeDoubleLE(value);
    this.push(chunk);
  }

  /** A non-negative integer (a count or a length). */
  count(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`not a count: ${value}`);
    const chunk = Buffer.allocUnsafe(4);
    chunk.writeUInt32LE(value);
    this.push(chunk);
  }

  string(value: string): void {
    this.counted(Buffer.from(value, 'utf8'));
  }

  /** Bytes after their count: a string in UTF-8 encoded already (as string() writes it). */
  counted(bytes: Buffer): void {
    this.count(bytes.length);
    this.push(bytes);
  }

  json(value: unknown): void {
    this.string(JSON.stringify(value));
  }

  /** A typed array, kept as it is until the body is put together (so it must not change meanwhile). */
  column(values: Column): void {
    this.count(values.length);
    this.columns.push(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    const padding = aligned(values.byteLength) - values.byteLength;
    if (padding > 0) this.columns.push(Buffer.alloc(padding));
    this.columnBytes += aligned(values.byteLength);
  }

  /** The body, put together in steps (a copy of some megabytes each), in memory of its own (so its columns are aligned). */
  *bytesSteps(): Steps<Buffer> {
    const body = Buffer.allocUnsafeSlow(this.size);
    body.writeUInt32LE(this.streamBytes, 0);
    body.writeUInt32LE(0, 4);
    let at = PREFIX;
    let sinceYield = 0;
    const copy = function* (chunks: readonly Buffer[]): Steps {
      for (const chunk of chunks) {
        chunk.copy(body, at);
        at += chunk.length;
        sinceYield += chunk.length;
        if (sinceYield >= COPY_STEP) {
          sinceYield = 0;
          yield;
        }
      }
    };
    yield* copy(this.stream);
    body.fill(0, at, columnsStart(this.streamBytes));
    at = columnsStart(this.streamBytes);
    yield* copy(this.columns);
    return body;
  }

  /** The body at once. */
  bytes(): Buffer {
    return runNow(this.bytesSteps());
  }

  private push(chunk: Buffer): void {
    this.stream.push(chunk);
    this.streamBytes += chunk.length;
  }
}

export class ByteReader {
  private readonly stream: Buffer;
  private readonly columns: Buffer;
  private readonly streamEnd: number;
  private at = PREFIX;
  private columnAt = 0;

  /** Over a whole body, or its parts as the snapshot file reads them (file.ts). */
  constructor(body: Buffer | BodyParts) {
    ({ stream: this.stream, columns: this.columns } = Buffer.isBuffer(body) ? bodyParts(body) : body);
    if (this.columns.byteOffset % ALIGN !== 0) throw new Error('the columns are not aligned');
    this.streamEnd = PREFIX + streamLength(this.stream);
    if (this.stream.length !== columnsStart(streamLength(this.stream))) throw new Error('the snapshot does not add up');
  }

  /** Whether everything has been read. */
  get done(): boolean {
    return this.at === this.streamEnd && this.columnAt === this.columns.length;
  }

  f64(): number {
    return this.take(8).readDoubleLE();
  }

  count(): number {
    return this.take(4).readUInt32LE();
  }

  string(): string {
    return this.take(this.count()).toString('utf8');
  }

  json(): unknown {
    return JSON.parse(this.string());
  }

  int32s(): Int32Array {
    const length = this.count();
    return new Int32Array(this.columns.buffer, this.columnBytes(length * 4), length);
  }

  float32s(): Float32Array {
    const length = this.count();
    return new Float32Array(this.columns.buffer, this.columnBytes(length * 4), length);
  }

  float64s(): Float64Array {
    const length = this.count();
    return new Float64Array(this.columns.buffer, this.columnBytes(length * 8), length);
  }

  uint8s(): Uint8Array {
    const length = this.count();
    return new Uint8Array(this.columns.buffer, this.columnBytes(length), length);
  }

  /** Where a column of `length` bytes starts in the columns' ArrayBuffer; moves past it. */
  private columnBytes(length: number): number {
    if (this.columnAt + length > this.columns.length) throw new Error('the snapshot ends early');
    const start = this.columns.byteOffset + this.columnAt;
    this.columnAt += aligned(length);
    return start;
  }

  private take(length: number): Buffer {
    if (this.at + length > this.streamEnd) throw new Error('the snapshot ends early');
    const bytes = this.stream.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}

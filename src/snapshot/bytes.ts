/**
 * The snapshot's binary body, written and read in order: numbers, strings, JSON and whole typed
 * arrays (columns). A column is copied once into an array of its own when read, so that nothing
 * kept alive by the engine holds on to the file's buffer. Reading past the end, or a length that
 * does not fit, throws: a snapshot is used whole or not at all.
 */

type Column = Int32Array | Float32Array | Float64Array | Uint8Array;

export class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  get size(): number {
    return this.length;
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
    const chunk = Buffer.from(value, 'utf8');
    this.count(chunk.length);
    this.push(chunk);
  }

  json(value: unknown): void {
    this.string(JSON.stringify(value));
  }

  column(values: Column): void {
    this.count(values.length);
    this.push(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  }

  /** The bytes so far, in one buffer. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }

  private push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
}

export class ByteReader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  get done(): boolean {
    return this.at === this.buffer.length;
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
    return new Int32Array(this.copy(4));
  }

  float32s(): Float32Array {
    return new Float32Array(this.copy(4));
  }

  float64s(): Float64Array {
    return new Float64Array(this.copy(8));
  }

  uint8s(): Uint8Array {
    return new Uint8Array(this.copy(1));
  }

  /** A column's bytes in an ArrayBuffer of their own (aligned, as typed arrays need). */
  private copy(width: number): ArrayBuffer {
    const bytes = this.take(this.count() * width);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
  }

  private take(length: number): Buffer {
    if (this.at + length > this.buffer.length) throw new Error('the snapshot ends early');
    const bytes = this.buffer.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}

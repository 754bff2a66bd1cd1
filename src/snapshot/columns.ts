/**
 * Many small arrays as a few columns (bytes.ts): their widths, then all their values one after
 * the other, so that a hundred thousand summaries' terms are read as a few arrays, not millions.
 * Columns and lists are made in steps (a snapshot is written while questions are answered), a
 * few thousand items a step.
 */
import type { Steps } from '../work/slices.js';
import type { ByteReader, ByteWriter } from './bytes.js';
import type { Ragged } from '../stories/stored-profile.js';

/** Arrays between two yields of a column's filling. */
const ARRAYS_A_STEP = 4096;

type Column = Int32Array | Float32Array | Float64Array | Uint8Array;

/** One number for each n < count (`of(n)`), as a column, filled in steps. */
export function* columnSteps<T extends Column>(count: number, of: (n: number) => number, make: (length: number) => T): Steps<T> {
  const column = make(count);
  for (let n = 0; n < count; n++) {
    column[n] = of(n);
    if (n % ARRAYS_A_STEP === ARRAYS_A_STEP - 1) yield;
  }
  return column;
}

/** One value for each n < count (`of(n)`), in steps. */
export function* listSteps<T>(count: number, of: (n: number) => T): Steps<T[]> {
  const list: T[] = [];
  for (let n = 0; n < count; n++) {
    list.push(of(n));
    if (n % ARRAYS_A_STEP === ARRAYS_A_STEP - 1) yield;
  }
  return list;
}

/** Writes arrays' widths (`widthOf(n)`, n < count), as readStarts reads them, in steps; returns their sum. */
export function* writeWidthsSteps(count: number, widthOf: (n: number) => number, out: ByteWriter): Steps<number> {
  const widths = new Int32Array(count);
  let total = 0;
  for (let n = 0; n < count; n++) {
    total += widths[n] = widthOf(n);
    if (n % ARRAYS_A_STEP === ARRAYS_A_STEP - 1) yield;
  }
  out.column(widths);
  return total;
}

/** Writes every n's array (`of(n)`, of `total` numbers in all) one after the other, filled in steps. */
export function* writeConcatenatedSteps<T extends Column>(count: number, total: number, of: (n: number) => ArrayLike<number>, make: (length: number) => T, out: ByteWriter): Steps {
  out.column(yield* concatenatedSteps(count, total, of, make));
}

/** Every n's array (`of(n)`, of `total` numbers in all) one after the other, as one column filled in steps. */
export function* concatenatedSteps<T extends Column>(count: number, total: number, of: (n: number) => ArrayLike<number>, make: (length: number) => T): Steps<T> {
  const all = make(total);
  let at = 0;
  for (let n = 0; n < count; n++) {
    const part = of(n);
    all.set(part, at);
    at += part.length;
    if (n % ARRAYS_A_STEP === ARRAYS_A_STEP - 1) yield;
  }
  if (at !== total) throw new Error('the arrays are not as wide as said');
  return all;
}

/** Where each of count arrays (of widths `widthOf(n)`) starts one after the other, one more at the end (as readStarts gives), in steps. */
export function* startsSteps(count: number, widthOf: (n: number) => number): Steps<Int32Array> {
  const starts = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) {
    starts[n + 1] = starts[n]! + widthOf(n);
    if (n % ARRAYS_A_STEP === ARRAYS_A_STEP - 1) yield;
  }
  return starts;
}

/** The widths writeWidthsSteps wrote as where each array starts (one more at the end), checked against the values' length. */
export function readStarts(input: ByteReader, count: number): Int32Array {
  const widths = input.int32s();
  if (widths.length !== count) throw new Error('the columns do not add up');
  const starts = new Int32Array(count + 1);
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (widths[n]! < 0) throw new Error('the columns do not add up');
    starts[n] = at;
    at += widths[n]!;
  }
  starts[count] = at;
  return starts;
}

/** What writeWidthsSteps wrote of Int32 arrays, with the values checked against the widths. */
export function readRagged(input: ByteReader, count: number): Ragged<Int32Array> {
  const starts = readStarts(input, count);
  const values = input.int32s();
  fits(starts, values);
  return { starts, values };
}

/** Throws unless a column beside ragged arrays is as long as their widths say. */
export function fits(starts: Int32Array, column: ArrayLike<number>): void {
  if (starts[starts.length - 1] !== column.length) throw new Error('the columns do not add up');
}

/** Bisection over ascending values, for the places that keep sorted arrays (dates, terms, sums' ids). */

/** The first index from `from` at which the ascending `values` reach `value` (their length when they never do). */
export function firstAtLeast<T extends number | string>(values: ArrayLike<T>, value: T, from = 0): number {
  let low = from;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Sparse term vectors (term → weight) and the cosine between them: the measure of likeness that
 * story grouping and briefs share.
 */
export type TermVector = ReadonlyMap<string, number>;

/** Terms weighted by rarity need the index's counts: how many documents, and how many hold a term. */
export interface TermStats {
  readonly size: number;
  documentCount(term: string): number;
}

/** Inverse document frequency, smoothed so that a term seen everywhere still weighs a little. */
export function idf(stats: TermStats, term: string): number {
  const df = Math.max(1, stats.documentCount(term));
  return Math.log(1 + Math.max(stats.size, df) / df);
}

export function dot(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

export function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** The vector scaled to length 1 (an empty or zero vector stays as it is). */
export function normalize(vector: Map<string, number>): Map<string, number> {
  const length = norm(vector);
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

export function cosine(a: TermVector, b: TermVector): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/** Adds `scale` × `vector` into `into`, in place. */
export function addInto(into: Map<string, number>, vector: TermVector, scale = 1): void {
  for (const [term, weight] of vector) into.set(term, (into.get(term) ?? 0) + scale * weight);
}

/** The terms of a vector by weight, heaviest first; ties by term, so the order is deterministic. */
export function heaviest(vector: TermVector, limit: number): string[] {
  return [...vector]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([term]) => term);
}

/**
 * B-cubed precision, recall and F1 of a clustering against gold clusters (Bagga & Baldwin 1998;
 * Amigó et al. 2009). For each item: precision is the share of its predicted cluster that shares
 * its gold cluster, recall the share of its gold cluster that shares its predicted cluster; both
 * are averaged over items, and F1 is their harmonic mean.
 */

export interface BCubed {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Items scored (those with both a predicted and a gold cluster). */
  readonly items: number;
}

/** `predicted` and `gold` map item id → cluster id. Items missing from either are not scored. */
export function bcubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const items = [...gold.keys()].filter((id) => predicted.has(id));
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0, items: 0 };
  const predictedSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const id of items) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    predictedSize.set(p, (predictedSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    const pair = JSON.stringify([p, g]);
    both.set(pair, (both.get(pair) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of items) {
    const p = predicted.get(id)!;
    const g = gold.get(id)!;
    const shared = both.get(JSON.stringify([p, g]))!;
    precision += shared / predictedSize.get(p)!;
    recall += shared / goldSize.get(g)!;
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, items: items.length };
}

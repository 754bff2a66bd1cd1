/** Lists as people write them. */

/** "A", "A and B", "A, B and C"; with more than `shown` + 1 items, "A, B, C, D and 12 others". */
export function listInWords(items: readonly string[], shown = Number.POSITIVE_INFINITY): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > shown + 1) return `${items.slice(0, shown).join(', ')} and ${items.length - shown} others`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

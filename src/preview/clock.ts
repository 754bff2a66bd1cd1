/**
 * The preview's clock. Tidings ships with summaries from 2015 and 2024; against today's date,
 * "today", "last:7d" and the digest preview would find nothing in them. So when the newest summary
 * is more than a day old, the preview's clock runs from just after it (and says so): the preview
 * shows what Tidings does with fresh news. With fresh data, it is the real clock.
 */

const DAY_MS = 86_400_000;
/** How long after the newest summary the preview's clock starts. */
const AFTER_NEWEST_MS = 3_600_000;

export interface PreviewClock {
  readonly now: () => number;
  /** Set when the clock is not the real one: what to tell the user. */
  readonly note?: string;
}

export function previewClock(newest: number | undefined, realNow: () => number): PreviewClock {
  const start = realNow();
  if (newest === undefined || start - newest <= DAY_MS) return { now: realNow };
  const offset = start - (newest + AFTER_NEWEST_MS);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(newest);
  return {
    now: () => realNow() - offset,
    note: `The newest summary in the data is from ${day}: the preview's clock runs from just after it, so that "today", last:7d and digests have news to show.`,
  };
}

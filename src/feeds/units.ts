/** Durations in the few words a feed's error or status shows ("10 s", "2 hours ago"); sizes are ../units/byte-size.ts's. */

export function formatSeconds(ms: number): string {
  return `${trim(ms / 1000)} s`;
}

function trim(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago"; "in 5 minutes" for the future. */
export function timeAgo(at: number, now: number): string {
  const ms = now - at;
  const future = ms < 0;
  const span = Math.abs(ms);
  if (span < 60_000) return future ? 'in under a minute' : 'just now';
  const [amount, unit] =
    span < 3_600_000 ? [Math.round(span / 60_000), 'minute'] : span < 86_400_000 ? [Math.round(span / 3_600_000), 'hour'] : [Math.round(span / 86_400_000), 'day'];
  const words = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  return future ? `in ${words}` : `${words} ago`;
}

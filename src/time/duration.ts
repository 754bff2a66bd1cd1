/** Durations as people write them in settings and questions: "90m", "24h", "7d", "2w". */

const UNIT_MS = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
} as const;

const DURATION = /^(\d{1,6})\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)$/i;
/** Settings such as a fetch timeout are counted in seconds; questions never are ("last:30s"). */
const SECONDS = /^(\d{1,6})\s*(s|secs?|seconds?)$/i;

/**
 * Milliseconds, or undefined when the text is not a positive duration. Seconds ("10s") only when
 * `seconds` is set.
 */
export function parseDuration(text: string, { seconds = false }: { readonly seconds?: boolean } = {}): number | undefined {
  const inSeconds = seconds ? SECONDS.exec(text.trim()) : null;
  if (inSeconds) return Number(inSeconds[1]) > 0 ? Number(inSeconds[1]) * 1000 : undefined;
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount <= 0) return undefined;
  const unit = match[2]!.toLowerCase()[0] as keyof typeof UNIT_MS;
  return amount * UNIT_MS[unit];
}

/** The shortest exact way to write a duration: 7d, 36h, 90m. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${Math.round(ms / UNIT_MS.m)}m`;
}

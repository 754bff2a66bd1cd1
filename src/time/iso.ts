/**
 * Strict ISO 8601 timestamps, as the data format requires. Date.parse alone is too lenient
 * ("10/01/2024", "Jan 10" both parse, differently per engine), so the shape is checked first.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export interface IsoTimestamp {
  /** Milliseconds since the epoch. A time without an offset is read as UTC. */
  readonly ms: number;
  /** True for a bare date: the day is known, the time of day is not. */
  readonly dateOnly: boolean;
}

export function parseIsoTimestamp(value: string): IsoTimestamp | undefined {
  const date = ISO_DATE.exec(value);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return sameCalendarDay(ms, date) ? { ms, dateOnly: true } : undefined;
  }
  const dateTime = ISO_DATE_TIME.exec(value);
  if (!dateTime) return undefined;
  const normalized = value.replace(' ', 'T') + (dateTime[7] === undefined ? 'Z' : '');
  const ms = Date.parse(normalized.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls "2024-02-30" over to March; reject dates that do not exist.
  const day = Date.UTC(Number(dateTime[1]), Number(dateTime[2]) - 1, Number(dateTime[3]));
  if (!sameCalendarDay(day, dateTime) || Number(dateTime[4]) > 23 || Number(dateTime[5]) > 59) return undefined;
  return { ms, dateOnly: false };
}

function sameCalendarDay(ms: number, parts: RegExpExecArray): boolean {
  const d = new Date(ms);
  return (
    d.getUTCFullYear() === Number(parts[1]) &&
    d.getUTCMonth() + 1 === Number(parts[2]) &&
    d.getUTCDate() === Number(parts[3])
  );
}

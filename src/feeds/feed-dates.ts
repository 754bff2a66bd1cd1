/**
 * Dates as feeds write them: RFC 822/2822 in RSS ("Tue, 10 Jun 2003 04:00:00 GMT", often with
 * a named zone or a two-digit year), ISO 8601 in Atom, RDF and JSON Feed (sometimes with a space
 * before the offset). Read by hand, not Date.parse, whose leniency differs between engines and
 * turns nonsense into dates. What cannot be read is absent, never guessed.
 */
import { parseIsoTimestamp, type IsoTimestamp } from '../time/iso.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822's zones, and the few others common in real feeds; offsets in minutes. */
const ZONES: Readonly<Record<string, number>> = {
  gmt: 0, ut: 0, utc: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, jst: 540, aest: 600, aedt: 660,
};

const RFC822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?$/i;

export function parseFeedDate(value: string | undefined): IsoTimestamp | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const iso = parseIsoTimestamp(text) ?? parseIsoTimestamp(text.replace(/ (?=[+-]\d{2}:?\d{2}$)/, '').replace(/ UTC$| GMT$/i, 'Z'));
  if (iso !== undefined) return iso;
  return parseRfc822(text);
}

function parseRfc822(text: string): IsoTimestamp | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase());
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) return undefined;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
  const offset = zoneOffset(m[7]);
  if (offset === undefined) return undefined;
  const local = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month) return undefined; // 31 Feb
  return { ms: local - offset * 60_000, dateOnly: false };
}

/** Minutes east of UTC. No zone, or one not known, is read as UTC: hours off at worst. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (zone === undefined) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return minutes > 14 * 60 ? undefined : (numeric[1] === '-' ? -1 : 1) * minutes;
  }
  return ZONES[zone.toLowerCase()] ?? 0;
}

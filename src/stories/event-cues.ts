/**
 * Cues that tell two events of one topic apart when their wording is as close as two reports of
 * one event (seed 000: the May 2023 refusal to meet, the Hawaii talks and the Pentagon talks share
 * most of their words). Stories are joined into events by wording (events.ts); these cues say
 * when two stories cannot be one event, whatever their wording:
 * - where a meeting was held: "talks at the Pentagon" and "the meeting in Hawaii" are two
 *   meetings. Only places written after a meeting word count ("held … at X", "talks in X"), not
 *   every place a summary names, which would split a story that names where its actors come from;
 * - whether a meeting took place: "declined a meeting", "halt talks" report a meeting called off;
 *   "resumed talks", "met at" one held. A report of talks called off and one of talks held are
 *   not one event.
 */
import { indexTerms } from '../text/tokenize.js';

/** A meeting word, then within a few words "in" or "at" and a capitalised name (the place). */
const MEETING_PLACE =
  /\b(?:talks|meeting|meetings|met|meet|held|summit|dialogue|conference|negotiations)\b(?:[\s,]+[\p{Ll}\p{N}-]+){0,3}?[\s,]+(?:in|at)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/gu;
/** A capitalised word after "in"/"at" that names a time, not a place. */
const NOT_PLACES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/**
 * Venues that news names for the city they are in: talks "at the Pentagon" and talks "in
 * Washington" may be one meeting (Semafor and the FT on the same talks), talks in Hawaii are not.
 * Index terms, as meetingPlaces gives them. Small on purpose: a venue missing here only means two
 * reports of one meeting that name it and its city are not joined on that cue.
 */
const CITY_OF: ReadonlyMap<string, string> = new Map([
  ['pentagon', 'washington'],
  ['white house', 'washington'],
  ['capitol', 'washington'],
  ['state department', 'washington'],
  ['kremlin', 'moscow'],
  ['downing street', 'london'],
  ['elysee', 'paris'],
  ['elysee palace', 'paris'],
  ['great hall', 'beijing'],
  ['zhongnanhai', 'beijing'],
]);

/** The places (as index terms, joined) where the text says a meeting was held, with the city of a venue. */
export function meetingPlaces(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(MEETING_PLACE)) {
    const terms = indexTerms(match[1]!);
    if (terms.length === 0 || NOT_PLACES.has(terms[0]!)) continue;
    const place = terms.join(' ');
    out.add(place);
    const city = CITY_OF.get(place);
    if (city !== undefined) out.add(city);
  }
  return [...out];
}

const CALLED_OFF =
  /\b(?:declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing|al)|cancel(?:s|ed|led|ling)?|postpon(?:e|es|ed|ing)|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|paus(?:e|es|ed|ing))\b(?:\s+(?:a|an|the|to|in|of|formally|high-level|military|further|its|their|all))*\s+(?:meet|meeting|meetings|talks|dialogue|negotiations)\b/giu;
/**
 * A meeting held: resumed or held talks, talks held, "met at", "met with", and a participle after a
 * comma ("Xi begins his visit …, meeting with technology leaders"; not "declined a meeting with").
 */
const HELD =
  /(?:\b(?:resum(?:e|es|ed|ing|ption)|restart(?:s|ed|ing)?|held|hold(?:s|ing)?)(?:\s+(?:of\s+)?[\p{L}-]+){0,3}?\s+(?:talks|meeting|dialogue|negotiations)|\b(?:talks|meeting)\W+(?:held|resumed)|\bmet\s+(?:at|in|with)|,\s+meeting\s+with)\b/giu;

/** Whether the text reports a meeting held (1), called off (−1), both or neither (0). */
export function meetingState(text: string): -1 | 0 | 1 {
  const off = CALLED_OFF.test(text);
  CALLED_OFF.lastIndex = 0;
  const held = HELD.test(text);
  HELD.lastIndex = 0;
  return off === held ? 0 : off ? -1 : 1;
}

/** What a summary says of its meeting, as SummaryProfile keeps it. */
export interface MeetingCues {
  readonly places: readonly string[];
  readonly meeting: -1 | 0 | 1;
}

/**
 * A word each of the regexes above needs (read case-folded, as CALLED_OFF and HELD read: it holds
 * MEETING_PLACE's case-sensitive words too): in a text without one, one test finds nothing, where
 * the three regexes each scan it. One summary in twenty has one.
 */
const MEETING_WORD = /mee?t|talks|held|summit|dialogue|conference|negotiations/iu;

/** meetingPlaces and meetingState of a text (a profile is made for every summary at a cold start). */
export function meetingCues(text: string): MeetingCues {
  if (!MEETING_WORD.test(text)) return { places: [], meeting: 0 };
  return { places: meetingPlaces(text), meeting: meetingState(text) };
}

/** Whether two summaries cannot report one meeting: held in different places, or held against called off. */
export function contradicts(a: MeetingCues, b: MeetingCues): boolean {
  if (a.meeting * b.meeting === -1) return true;
  if (a.places.length === 0 || b.places.length === 0) return false;
  return !a.places.some((place) => b.places.includes(place));
}

/** Whether a summary said something of its meeting at all (most say nothing, and contradict nothing). */
export function hasMeetingCues(cues: MeetingCues): boolean {
  return cues.meeting !== 0 || cues.places.length > 0;
}

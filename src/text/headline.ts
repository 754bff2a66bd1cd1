/**
 * A headline cut from a news sentence, as an editor would accept it: a whole clause with a named
 * subject, at most `max` characters, never ending mid-word or on a dangling word. Extractive: the
 * headline is the sentence's own words in order, with asides, an opening phrase, "that" after a
 * reporting verb, or a trailing phrase left out.
 *
 * Several candidates are cut from a sentence (clause.ts finds where): the main clause; the clause
 * shortened at the end of a phrase ("… resumed talks | at the Pentagon"); the reported clause
 * ("officials emphasized [to their counterparts that] they will …", or what was said alone when it
 * names its subject); the clause around a quoted phrase. Each is scored (headlineScore) and the
 * best is taken, so a complete clause beats a shortened one and "Chinese officials say …" beats
 * "They will …".
 */
import {
  asHeadline,
  clauseEnds,
  clipAtWord,
  endsWeak,
  isTruncated,
  namesItsSubject,
  opensWithDeterminer,
  phraseCuts,
  quotedPhrases,
  squeeze,
  trimTail,
  unclosedQuote,
  withoutAppositives,
  withoutAsides,
  withoutFormulas,
  withoutOpening,
} from './clause.js';
import { firstVerbAt, isAuxiliary } from './verb.js';

export interface HeadlineCandidate {
  readonly text: string;
  /** 3 a whole clause; 2.5 cut at a comma; 2 where a phrase ends; 1 before "of"/"to"; 0 at a word. */
  readonly completeness: number;
  /** It opens with a named subject, not "It …" or "The talks …". */
  readonly named: boolean;
  /** It holds a whole quoted phrase. */
  readonly quotes: boolean;
  /** How it was cut: from the sentence itself, its reported clause, or around its quote. */
  readonly from: 'sentence' | 'reported' | 'quote';
  /** Cut just short of its clause's verb ("The first phase"): offered only when nothing else is, and scored below any clause. */
  readonly fragment?: boolean;
}

export interface HeadlineChoice {
  /** Prefer a headline that carries the sentence's quoted phrase (a Signal's voice). */
  readonly preferQuote?: boolean;
}

/** A clause that would end on the start of a trailing phrase: "… held the vote Friday, a day". */
const SHORT_TAIL = /,\s(?:a|an|the|one|two|three|some|just|only|about|nearly|almost|more|less)(?:\s[^\s,]+){0,2}$/iu;
/** Fewer words than this is no headline ("Talks resumed" is fine; "Officials said" is not). */
const MIN_WORDS = 3;
/** A headline comes from a sentence's start: past this, the patterns would only cost time. */
const HEAD = 600;

/** The best headline of at most `max` characters for a sentence; '' when no cut keeps whole words. */
export function headlineOf(sentence: string, max: number, choice: HeadlineChoice = {}): string {
  return bestHeadline(headlineCandidates(sentence, max), max, choice)?.text ?? '';
}

/** The best-scored candidate, first wins ties. */
export function bestHeadline(candidates: readonly HeadlineCandidate[], max: number, choice: HeadlineChoice = {}): HeadlineCandidate | undefined {
  let best: { candidate: HeadlineCandidate; score: number } | undefined;
  for (const candidate of candidates) {
    const score = headlineScore(candidate, max, choice);
    if (best === undefined || score > best.score) best = { candidate, score };
  }
  return best?.candidate;
}

/**
 * How good a headline a candidate makes: completeness first, then a named subject, then
 * enough words to say something (about 60 characters), then a quote when one is wanted.
 */
export function headlineScore(candidate: HeadlineCandidate, max: number, choice: HeadlineChoice = {}): number {
  const length = candidate.text.length;
  const ideal = Math.min(60, max);
  return (
    candidate.completeness +
    (candidate.named ? 2 : 0) +
    0.6 * Math.min(1, length / ideal) -
    (length < 25 ? 0.5 : 0) +
    (choice.preferQuote && candidate.quotes ? 0.6 : 0) +
    (candidate.from === 'sentence' ? 0.3 : candidate.from === 'reported' ? 0.2 : 0) -
    (candidate.fragment ? FRAGMENT_PENALTY : 0)
  );
}

/** Every headline this module would consider for a sentence, at most `max` characters each. */
export function headlineCandidates(sentence: string, max: number): HeadlineCandidate[] {
  const head = unwrapped(headOf(sentence));
  if (head === '') return [];
  const body = withoutAppositives(withoutOpening(withoutAsides(withoutFormulas(head))));
  const variants: { text: string; from: HeadlineCandidate['from'] }[] = [{ text: body, from: 'sentence' }];
  for (const text of reportedClauses(body)) variants.push({ text, from: 'reported' });
  const quote = quoteClause(body);
  if (quote !== undefined) variants.push({ text: quote, from: 'quote' });

  const out: HeadlineCandidate[] = [];
  const fragments: HeadlineCandidate[] = [];
  const seen = new Set<string>();
  for (const { text, from } of variants) {
    const verbAt = firstVerbAt(text);
    for (const { cut, completeness } of cutsOf(text, max)) {
      // A cut may leave a weak word at the end; a whole sentence ends as its writer ended it (but
      // not one whose ending was an aside taken out: "… China that (aside)").
      const whole = cut === text && (from !== 'sentence' || endsAsWritten(head, cut));
      const headline = whole ? asHeadline(cut) : trimTail(asHeadline(cut));
      if (headline === '' || headline.length > max || seen.has(headline) || headline.split(' ').length < MIN_WORDS) continue;
      // A quote opened and not closed is half a quote: no headline.
      if (unclosedQuote(headline) !== undefined) continue;
      // A cut just short of the verb ("Regular military contact") or just after it ("The refusal
      // comes") is a fragment: kept only if nothing else is.
      if (shortOfVerb(text, cut, verbAt) || endsOnBareVerb(cut)) {
        fragments.push({ text: headline, completeness, named: namesItsSubject(cut), quotes: quotedPhrases(headline).length > 0, from, fragment: true });
        seen.add(headline);
        continue;
      }
      seen.add(headline);
      const named = namesItsSubject(from === 'reported' ? capitalized(cut) : cut);
      out.push({ text: headline, completeness, named, quotes: quotedPhrases(headline).length > 0, from });
    }
  }
  if (out.length === 0) out.push(...fragments);
  if (out.length === 0) {
    const clipped = clippedHeadline(body, max);
    if (clipped !== '') out.push({ text: clipped, completeness: 0, named: namesItsSubject(body), quotes: false, from: 'sentence', ...(endsOnBareVerb(clipped) && { fragment: true }) });
  }
  return out;
}

/** Whether `text` ends where the sentence did, give or take its closing punctuation. */
function endsAsWritten(sentence: string, text: string): boolean {
  const bare = (t: string) => t.replace(/[\s.!?;:,…]+$/u, '');
  return bare(sentence).endsWith(bare(text));
}

/** More than any score difference between two candidates of one kind: another sentence's clause wins. */
const FRAGMENT_PENALTY = 4;

/** A known verb this many words after a cut means the cut stopped short of its clause's verb. */
const VERB_REACH = 6;

/** Whether a cut of `text` ends before its first known verb, which follows within VERB_REACH words. */
function shortOfVerb(text: string, cut: string, verbAt: number): boolean {
  if (verbAt < 0 || cut.length > verbAt) return false;
  return text.slice(cut.length, verbAt).trim().split(/\s+/).filter(Boolean).length <= VERB_REACH;
}

/** Words before the verb of a subject that "The refusal comes" may have: a short noun phrase. */
const BARE_SUBJECT_WORDS = 4;

/**
 * Whether a cut is a noun phrase that points back and a bare verb, with no object or complement:
 * "The refusal comes" (of "The refusal comes amid tensions …"), "These talks were held". It says
 * only that something happened to something named before; what the sentence says came after.
 */
function endsOnBareVerb(cut: string): boolean {
  if (!opensWithDeterminer(cut)) return false;
  const verbAt = firstVerbAt(cut);
  if (verbAt < 0) return false;
  const before = cut.slice(0, verbAt).trim().split(/\s+/).filter(Boolean);
  const after = cut.slice(verbAt).replace(/[\s.!?;:,]+$/u, '').split(/\s+/).filter(Boolean);
  if (before.length < 2 || before.length > BARE_SUBJECT_WORDS) return false;
  // The verb alone ("comes"), or an auxiliary and a participle ("were held", "has ended").
  return after.length === 1 || (after.length === 2 && isAuxiliary(after[0]!) && (firstVerbAt(after[1]!) === 0 || /\p{L}{2}(?:ed|en)$/u.test(after[1]!)));
}

/**
 * When no clause nor phrase fits: the sentence's start cut at a word, before a quote it would
 * leave open; or, for a sentence that opens with a long quote, the quote's start, marked as cut
 * (“The goal is …”). '' when no cut keeps whole words.
 */
function clippedHeadline(body: string, max: number): string {
  const clipped = trimTail(asHeadline(beforeUnclosedQuote(clipAtWord(body, max))));
  // trimTail keeps a text that is weak words only (", it and"): that is no headline either.
  if (clipped !== '' && clipped.length <= max && !endsWeak(clipped)) return clipped;
  const close = unclosedQuote(body.slice(0, 1));
  if (close === undefined || max < 3) return '';
  const inner = trimTail(clipAtWord(body.slice(1), max - 3));
  return inner === '' || unclosedQuote(inner) !== undefined ? '' : `${body[0]}${inner}…${close}`;
}

/** A sentence wholly in brackets, "(Another 31 million identified as both.)", without them. */
function unwrapped(sentence: string): string {
  const inner = /^\((.*)\)[.!?]?$|^\((.*[.!?])\)$/u.exec(sentence);
  const text = inner?.[1] ?? inner?.[2];
  return text !== undefined && !/[()]/u.test(text) ? text : sentence;
}

/** The text up to a quote it opens and does not close (trimmed of what then dangles). */
function beforeUnclosedQuote(text: string): string {
  let out = text;
  for (let close = unclosedQuote(out); close !== undefined && out !== ''; close = unclosedQuote(out)) {
    const open = out.lastIndexOf(OPENING[close] ?? close);
    out = open > 0 ? trimTail(out.slice(0, open)) : '';
  }
  return out;
}

/** The opening mark of each closing one (a straight quote opens and closes). */
const OPENING: Readonly<Record<string, string>> = { '”': '“', '’': '‘', '"': '"' };

/** The sentence's first HEAD characters or fewer, ending where a word ends. */
function headOf(sentence: string): string {
  const flat = squeeze(sentence);
  if (flat.length <= HEAD) return flat;
  const cut = flat.lastIndexOf(' ', HEAD);
  return cut > 0 ? flat.slice(0, cut) + '…' : '';
}

/**
 * The main clause (up to the first clause end that leaves enough words) if it fits; else that
 * clause cut at the end of its longest phrase that fits, firm and loose; else nothing.
 */
function cutsOf(text: string, max: number): { cut: string; completeness: number }[] {
  const enough = (end: number) => {
    const kept = text.slice(0, end).trim();
    return kept.length >= 15 && kept.split(' ').length >= MIN_WORDS && !endsWeak(kept) && !SHORT_TAIL.test(kept) && !endsOnBareVerb(kept);
  };
  const truncated = isTruncated(text);
  const end = clauseEnds(text).find(enough);
  const clause = end === undefined ? text : text.slice(0, end);
  const whole = end !== undefined || !truncated;
  const out: { cut: string; completeness: number }[] = [];
  // A headline loses its final stop and trailing punctuation: measure it as it will be shown.
  if (whole && asHeadline(clause).length <= max) out.push({ cut: clause, completeness: 3 });
  else {
    let firm: number | undefined;
    let loose: number | undefined;
    let comma: number | undefined;
    for (const cut of phraseCuts(clause)) {
      if (cut.end > max) break;
      if (!enough(cut.end)) continue;
      if (cut.loose) loose = cut.end;
      else firm = cut.end;
      if (cut.comma) comma = cut.end;
    }
    if (comma !== undefined) out.push({ cut: clause.slice(0, comma), completeness: 2.5 });
    if (firm !== undefined && firm !== comma) out.push({ cut: clause.slice(0, firm), completeness: 2 });
    if (loose !== undefined && (firm === undefined || loose > firm)) out.push({ cut: clause.slice(0, loose), completeness: 1 });
  }
  return out;
}

/** Verbs that report speech or a position: what follows them is what was said. */
const REPORTING =
  'said|says|say|emphasized|emphasised|stressed|warned|argued|insisted|noted|added|claimed|announced|declared|asserted|acknowledged|confirmed|vowed|pledged|promised|predicted|suggested|maintained|reiterated|wrote|believes|believe|told|tells|urged|urges';
const REPORTED_THAT = new RegExp(String.raw`^([^,;:“"]{3,90}?)\s(${REPORTING})\b([^,;:“"]{0,60}?)\sthat\s(.{10,})$`, 'u');
const REPORTED_PLAIN = new RegExp(String.raw`^([^,;:“"]{3,90}?)\s(${REPORTING})\s((?:\p{Lu}|(?:it|they|he|she|we|the|a|an|this|these|its|their|his|her)\b).{10,})$`, 'u');

/**
 * Shorter forms of a reported sentence: "Officials emphasized to their counterparts that they will
 * …" gives "Officials emphasized they will …"; and what was said on its own when it names its
 * subject ("Kerry says that the United States will accept …" gives "The United States will accept …").
 */
function reportedClauses(sentence: string): string[] {
  const out: string[] = [];
  const that = REPORTED_THAT.exec(sentence);
  if (that) {
    const [, subject, verb, , said] = that as unknown as [string, string, string, string, string];
    // "told reporters that …" cannot lose its object: "X told they …" is no sentence.
    if (!/^(?:told|tells|urged|urges)$/u.test(verb)) out.push(`${subject} ${verb} ${said}`);
    if (namesItsSubject(capitalized(said))) out.push(said);
    return out;
  }
  const plain = REPORTED_PLAIN.exec(sentence);
  if (plain && !/^(?:told|tells|urged|urges)$/u.test(plain[2]!) && namesItsSubject(capitalized(plain[3]!))) out.push(plain[3]!);
  return out;
}

/** What was said starts in lower case inside the sentence ("said that crime is …"): read it as a sentence. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The clause around the sentence's first short quoted phrase, when it is not the sentence's start. */
function quoteClause(sentence: string): string | undefined {
  const quote = quotedPhrases(sentence).find((q) => q.text.split(' ').length <= 10);
  if (quote === undefined) return undefined;
  let start = 0;
  for (const end of clauseEnds(sentence)) {
    if (end >= quote.start) break;
    start = end;
  }
  if (start === 0) return undefined;
  const rest = sentence.slice(start).replace(/^\s*(?:[,;:—–]\s*)?(?:and|but|or|while)?\s*/u, '');
  // "…, with the U.S. emphasizing its “commitment”": a phrase around a participle is no clause.
  if (/^(?:with|which|who|as)\b/iu.test(rest) || rest.split(' ', 4).some((word) => /\p{Ll}ing$/u.test(word))) return undefined;
  return rest.length >= 20 ? rest : undefined;
}

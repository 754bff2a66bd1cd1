/**
 * Short headlines cut from sentences: a clip that never ends mid-word, the main clause of a
 * sentence, and its quoted phrases. Used for story headlines (when no summary has a title) and
 * for the headlines of a brief's Signals.
 */

/** Words a headline should not end on ("… talks with the", "… and"). */
const WEAK_ENDINGS: ReadonlySet<string> = new Set(
  `a an the and or but nor of to in on at for with by from as into onto about over after before than that
  which who whom whose its their his her our your this these those is are was were be been has have had
  will would could should may might can not no amid while during between against including such`
    .split(/\s+/)
    .filter(Boolean),
);

/** Punctuation a headline should not end on. Closing quotes and brackets are kept. */
const TRAILING_PUNCTUATION = /[\s,;:\-–—(\[“‘"'«/]+$/u;

/** Collapses white space. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops trailing punctuation and weak words, unless nothing would be left. */
function trimTail(text: string): string {
  let out = text.replace(TRAILING_PUNCTUATION, '');
  for (;;) {
    const space = out.lastIndexOf(' ');
    if (space <= 0) break;
    const last = out.slice(space + 1).toLowerCase();
    if (!WEAK_ENDINGS.has(last)) break;
    out = out.slice(0, space).replace(TRAILING_PUNCTUATION, '');
  }
  return out === '' ? text : out;
}

/**
 * The text, or its longest start of at most `max` characters that ends where a word ends (cut
 * at a space, then without a dangling "and"/"the"/comma). Empty when even the first word is
 * longer than `max`: there is no cut that keeps whole words.
 */
export function clipAtWord(text: string, max: number): string {
  const flat = squeeze(text);
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  if (cut <= 0) return '';
  return trimTail(flat.slice(0, cut));
}

/** A sentence made a headline: no final full stop, first letter up. */
export function asHeadline(text: string): string {
  const out = squeeze(text).replace(/(?<!\b\p{L})\.$/u, '').replace(TRAILING_PUNCTUATION, '');
  const first = out.charAt(0);
  const upper = first.toUpperCase();
  // "ß" becomes "SS": a capital that changes the length is not worth a broken limit.
  return upper.length === first.length ? upper + out.slice(1) : out;
}

/** Asides between paired dashes or in brackets: "The resumption — frozen in 2022 — was agreed". */
const ASIDES = /\s[—–]\s[^—–]{1,160}?\s[—–]\s|\s\([^()]{1,160}\)/gu;

/** The sentence without its asides, white space collapsed (when something is left). */
export function withoutAsides(sentence: string): string {
  const flat = squeeze(sentence);
  const bare = squeeze(flat.replace(ASIDES, ' '));
  return bare.length >= 20 ? bare : flat;
}

/** A sentence that opens with an adverbial phrase ("After a two-year pause, …"): not the main clause. */
const ADVERBIAL_OPENING =
  /^(?:after|despite|amid|following|while|as|in|on|with|since|during|although|though|before|when|if|once|until|unlike|under|according to|for the first time)\b/iu;

/**
 * The sentence without its opening adverbial phrase: up to the first comma after which a clause
 * (not "and …", the rest of a list) begins. The sentence itself when there is none.
 */
function withoutOpening(sentence: string): string {
  if (!ADVERBIAL_OPENING.test(sentence)) return sentence;
  for (const comma of sentence.slice(0, 160).matchAll(/,\s+/gu)) {
    const rest = sentence.slice(comma.index + comma[0].length);
    if (rest.length < 20) break;
    if (!/^(?:and|or|but|nor)\b/iu.test(rest)) return rest;
  }
  return sentence;
}

/** Where a clause ends: strong punctuation, or a comma before a word that starts a new clause (", while", ", aiming"). */
const CLAUSE_END =
  /\s*(?:[;:]\s|\s[—–]\s|,\s+(?=(?:while|but|and|which|who|as|with|after|saying|says|said|according|amid|despite|marking|following|although|though|where|when|even|\p{L}+ing)\b))/iu;

/** The sentence's main clause: without a leading adverbial phrase, up to the first clause break. */
export function mainClause(sentence: string): string {
  const body = withoutOpening(withoutAsides(sentence));
  const end = CLAUSE_END.exec(body);
  const clause = end && end.index >= 15 ? body.slice(0, end.index) : body;
  return asHeadline(clause);
}

/** Quoted phrases: “…”, "…", ‘…’ or '…' (not an apostrophe), with where they start and end. */
const QUOTED = /[“"](?<double>[^”"]{2,120})[”"]|(?<![\p{L}\p{N}])[‘'](?<single>[^’']{2,120})[’'](?![\p{L}\p{N}])/gu;

export interface Quote {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export function quotedPhrases(sentence: string): Quote[] {
  const out: Quote[] = [];
  for (const match of sentence.matchAll(QUOTED)) {
    const text = (match.groups?.double ?? match.groups?.single ?? '').trim();
    if (text !== '') out.push({ text, start: match.index, end: match.index + match[0].length });
  }
  return out;
}

/**
 * A headline of at most `max` characters for a sentence, preferring the clause around its first
 * short quoted phrase ("They will “never compromise” on the Taiwan issue"), else its main clause.
 * Returns '' only when no cut keeps whole words (a first word longer than `max`).
 */
export function headlineOf(sentence: string, max: number): string {
  const flat = withoutAsides(headOf(sentence));
  const quote = quotedPhrases(flat).find((q) => q.text.split(' ').length <= 10);
  if (quote) {
    for (const candidate of quoteClauses(flat, quote)) {
      const headline = asHeadline(candidate);
      if (headline.length <= max && headline.length >= 12) return headline;
    }
  }
  const main = mainClause(flat);
  return main.length <= max ? main : asHeadline(clipAtWord(main, max));
}

/** A headline comes from a sentence's start: past this, the patterns above would only cost time. */
const HEAD = 1000;

/** The sentence's first HEAD characters or fewer, ending where a word ends. */
function headOf(sentence: string): string {
  if (sentence.length <= HEAD) return sentence;
  const cut = sentence.lastIndexOf(' ', HEAD);
  return cut > 0 ? sentence.slice(0, cut) : '';
}

/** Ever shorter clauses around a quote: its clause, cut after the quote, then from its reporting verb. */
function quoteClauses(sentence: string, quote: Quote): string[] {
  let start = 0;
  let end = sentence.length;
  const breaks = new RegExp(CLAUSE_END.source, 'giu');
  for (const match of sentence.matchAll(breaks)) {
    if (match.index + match[0].length <= quote.start) start = match.index + match[0].length;
    else if (match.index >= quote.end) {
      end = match.index;
      break;
    }
  }
  const clause = sentence.slice(start, end);
  const at = quote.start - start;
  const closed = quote.end - start;
  const after = clause.slice(closed).search(/\s(?:and|but|or|while)\s/u);
  const cut = after >= 0 ? clause.slice(0, closed + after) : clause;
  const reported = (text: string) => {
    const verb = /.*\b(?:that|said|says|saying|told|warned|added)\s+/iu.exec(text.slice(0, at));
    return verb ? text.slice(verb[0].length) : text;
  };
  return [clause, cut, reported(clause), reported(cut)];
}

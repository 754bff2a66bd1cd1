/**
 * The parts of a news sentence that a headline is cut from: its asides, its opening phrase, where
 * its main clause ends, the places where a phrase ends (to shorten a clause without leaving it
 * dangling), its quoted phrases, and whether it names its subject. Pure string work, no
 * dictionary beyond the short word lists below; headline.ts puts these together.
 */

/** Words a headline should not end on ("… talks with the", "… and", "… officials said"). */
const WEAK_ENDINGS: ReadonlySet<string> = new Set(
  `a an the and or but nor of to in on at for with by from as into onto about over after before than that
  which who whom whose its their his her our your my this these those is are was were be been being has have
  had do does did will would could should may might can must not no amid while during between against
  including such said says say told also very more most both either each every some any other upon via per
  like unlike toward towards through under within without across among since until near if when where
  whether because so yet then there it they he she we i you us them him`
    .split(/\s+/)
    .filter(Boolean),
);

/** Punctuation a headline should not end on. Closing quotes and brackets are kept. */
const TRAILING_PUNCTUATION = /[\s,;:\-–—(\[“‘"'«/]+$/u;

/** A sentence cut short by its source ("… announced soon after it..."): the tail is no clause. */
const TRUNCATION = /\s*(?:\.{3}|…)["'”’)\]]*$/u;

/** Collapses white space. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** True when the text ends with an ellipsis: the source cut it off mid-sentence. */
export function isTruncated(text: string): boolean {
  return TRUNCATION.test(text);
}

/** Without trailing punctuation; a quote mark that closes a phrase the text opened stays (or comes back). */
function withoutTrailingPunctuation(text: string): string {
  const out = text.replace(TRAILING_PUNCTUATION, '');
  const tail = text.slice(out.length);
  if (tail === '') return out;
  const close = unclosedQuote(out);
  return close !== undefined && tail.includes(close) ? out + close : out;
}

/** The mark that would close a quote the text opens and does not close, if any. */
export function unclosedQuote(text: string): string | undefined {
  const count = (mark: string) => text.split(mark).length - 1;
  if (count('“') > count('”')) return '”';
  if (count('"') % 2 === 1) return '"';
  if (count('‘') > count('’')) return '’';
  return undefined;
}

/** Drops trailing punctuation and weak words, unless nothing would be left. */
export function trimTail(text: string): string {
  let out = withoutTrailingPunctuation(text);
  for (;;) {
    const space = out.lastIndexOf(' ');
    if (space <= 0) break;
    const last = out.slice(space + 1);
    // A trailing emoji or symbol ("… would 🚀") ends nothing: it goes, and what it hid is looked at.
    // Judged by its letters: a symbol stuck to a weak word ("𛲜to") leaves it weak.
    if (!isWeak(last.replace(/[^\p{L}\p{N}']/gu, '')) && /[\p{L}\p{N}]/u.test(last)) break;
    out = withoutTrailingPunctuation(out.slice(0, space));
  }
  return out === '' ? text : out;
}

/** True when the text's last word leaves it hanging ("… with the", "… officials said"). */
export function endsWeak(text: string): boolean {
  const last = /([\p{L}']+)[^\p{L}\p{N}]*$/u.exec(text)?.[1];
  return last !== undefined && isWeak(last);
}

/** A weak word in lower case: "US", "IT" and "WHO" at the end of a headline are names. */
function isWeak(word: string): boolean {
  return word === word.toLowerCase() && WEAK_ENDINGS.has(word);
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

/** A clause made a headline: no final full stop or ellipsis, no dangling punctuation, first letter up. */
export function asHeadline(text: string): string {
  const out = withoutTrailingPunctuation(
    squeeze(text.replace(TRUNCATION, ''))
      .replace(/(?<!\b\p{L})\.$/u, '')
      .replace(/[,;:](["”’])$/u, '$1'),
  );
  const first = out.charAt(0);
  const upper = first.toUpperCase();
  // "ß" becomes "SS": a capital that changes the length is not worth a broken limit.
  return upper.length === first.length ? upper + out.slice(1) : out;
}

/** Asides between paired dashes or in brackets: "The resumption — frozen in 2022 — was agreed". */
const ASIDES = /\s[—–]\s[^—–]{1,160}?\s[—–]\s|\s\([^()]{1,160}\)/gu;
/** A relative clause between commas: "Taiwan, which Beijing views as its own, remained …". */
const RELATIVE_ASIDE = /,\s(?:which|who|whom|whose)\s[^,;:—–]{1,150}?,\s(?=\p{Ll})/gu;
/** What follows the comma that closes an aside, when that comma was only one of a list ("roads, bridges and ports"). */
const LIST_GOES_ON = /^[^\s,]+(?:,|\s(?:and|or)\b)/u;
/**
 * Descriptions between commas after a short opening subject, before a lower-case word (the verb):
 * "Michael Chase, a U.S. defense official, emphasized …", "Sen. Ron Wyden, D-Oregon, the panel's
 * ranking Democrat, said …", "Joe Biden, 78, said …", "Harris, on her first trip abroad, warned …". A
 * description opens with an article, a possessive, a capital, a number, a participle or a
 * preposition; and the word after it is no conjunction or preposition (so
 * a list or a phrase that goes on is left alone).
 */
const APPOSITIVES =
  /^([^,;:]{2,60}?)((?:,\s(?:a|an|the|his|her|their|its|\p{Lu}|\p{N}|\p{Ll}+ed\s|(?:held|made|taken|seen|given|known|built|led|set|brought|caught|found|kept|left|paid|sent|sold|told|won|written|chosen|driven|drawn|born|struck|frozen|hidden|spoken|begun|done|run|on|in|at|during|after|before|with|for|from|speaking|writing)\s)[^,;:]{0,80}?){1,2}),\s(?=\p{Ll})(?!(?:and|or|but|nor|as|which|who|while|so|with|in|on|at|for|from|to|by|of|after|before|amid|despite|including|according|following|than)\b)/u;

/** The sentence without its asides, white space collapsed (when enough is left). */
export function withoutAsides(sentence: string): string {
  const flat = squeeze(sentence);
  const bare = squeeze(
    flat.replace(ASIDES, ' ').replace(RELATIVE_ASIDE, (aside: string, at: number, whole: string) =>
      LIST_GOES_ON.test(whole.slice(at + aside.length)) ? aside : ' ',
    ),
  );
  return bare.length >= 20 ? bare : flat;
}

/** The sentence without descriptions of its subject (see APPOSITIVES), when enough is left. */
export function withoutAppositives(sentence: string): string {
  const appositive = APPOSITIVES.exec(sentence);
  if (!appositive || !shortSubject(appositive[1]!) || ADVERBIAL_OPENING.test(appositive[1]!)) return sentence;
  // A description is a few words; a longer piece between commas is a clause of its own.
  if (appositive[2]!.split(',').some((piece) => piece.trim().split(/\s+/).length > 8)) return sentence;
  const plain = `${appositive[1]} ${sentence.slice(appositive[0].length)}`;
  return plain.length >= 20 ? plain : sentence;
}

/** Words a name or a title may hold in lower case ("The head of the World Health Organization"). */
const NAME_GLUE: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'for', 'and', 'on', 'in', 'at', 'to', 'de', 'van', 'von']);

/**
 * A subject short enough to be described: at most eight words, at most two of them lower-case
 * words other than glue ("Chinese defense officials", not "Taliban militiamen swept into the capital").
 */
function shortSubject(subject: string): boolean {
  const words = subject.trim().split(/\s+/);
  return words.length <= 8 && words.filter((w) => /^\p{Ll}/u.test(w) && !NAME_GLUE.has(w)).length <= 2;
}

/** "emphasized the importance of keeping …" says "emphasized keeping …". */
const IMPORTANCE = /\b(emphasi[sz]e[ds]?|stress(?:ed|es)?|underscor(?:ed|es)|underlin(?:ed|es)|highlight(?:ed|s)?) the (?:importance|need|necessity|value) of /giu;

/** The sentence without the formula "stressed the importance of". */
export function withoutFormulas(sentence: string): string {
  return sentence.replace(IMPORTANCE, '$1 ');
}

/** A sentence that opens with an adverbial phrase ("After a two-year pause, …"): not the main clause. */
const ADVERBIAL_OPENING =
  /^(?:(?:[\p{L}\p{N}-]+\s){1,3}(?:after|before|since|ago|later|earlier|into)|after|despite|amid|following|while|as|in|on|at|by|from|with|within|over|since|during|although|though|before|when|if|once|until|unlike|under|ahead of|according to|for the first time|earlier|later|last|this|meanwhile|however|still|yet|also|separately|instead|now|today|yesterday|then|thus|nonetheless|nevertheless|should|had|were|moreover|furthermore|additionally|overall|ultimately|notably|\p{L}+ly)\b/iu;

/** A word that only links to what came before: "So Tucker Carlson is …", "And the commission …". */
const LINKING_WORD = /^(?:so|and|but|also|now|well|yet|still|plus)\s+(?=\p{Lu}|(?:the|a|an)\s)/iu;
/** A label before a colon, in sentence case: "The big picture: …", "Why it matters: …" (not "Dem Report: …"). */
const LABEL = /^\p{Lu}[^\s:]*(?:\s\p{Ll}[^\s:]*){0,3}:\s+(?=\p{Lu})/u;

/**
 * The sentence without its opening adverbial phrase ("Twenty years after the invasion, …"): up to
 * the first comma after which a clause (not "and …", the rest of a list) begins; and without a
 * linking word ("So …") or a label ("The big picture: …"). The sentence itself when there is none.
 */
export function withoutOpening(text: string): string {
  const sentence = text.replace(LABEL, '').replace(LINKING_WORD, '');
  if (!ADVERBIAL_OPENING.test(sentence)) return sentence;
  for (const comma of sentence.slice(0, 160).matchAll(/,\s+/gu)) {
    const rest = sentence.slice(comma.index + comma[0].length);
    if (rest.length < 20) break;
    // "In Tampa, Florida, …": a place's second part is still the opening.
    if (/^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2},\s/u.test(rest)) continue;
    if (!/^(?:and|or|but|nor)\b/iu.test(rest)) return rest;
  }
  return sentence;
}

/**
 * Where a clause ends: strong punctuation; a comma before a word that starts a new clause
 * (", while", ", aiming"); "and" before a verb ("… on Taiwan and urged …"); or a phrase that adds
 * circumstances to a complete clause ("… resumed talks amid tensions", "… at the Pentagon to
 * discuss …", "… after a hiatus").
 */
export const CLAUSE_END = new RegExp(
  [
    String.raw`\s*[;:]\s`,
    String.raw`\s[—–]\s`,
    String.raw`,["”’]?\s+(?=(?:while|but|and|which|who|whose|as|with|after|before|saying|says|said|according|amid|despite|marking|following|although|though|where|when|even|just|up|down|from|including|prompting|leaving|making|bringing|sparking|\p{L}+ing)\b)`,
    String.raw`\s(?=and\s(?:\p{Ll}+ed|was|were|is|are|has|have|had|will|would|said|says|urged|told|took|made|gave|sent|won|lost|met|held|left|led|went|came|saw|became|began|brought|sought|kept|set|put|cut)\b)`,
    String.raw`\s(?=(?:amid|despite|following|after|ahead of|because|whereas|according to|in order to|in a bid to|in an effort to|as part of|to discuss|which|while|prompting|sparking|citing)\b)`,
    String.raw`\s(?=and (?:that|whether|how|why|if)\b)`,
    // A trailing attribution: "…, researcher Allan Liska at Recorded Future said."
    String.raw`,["”’]?\s+(?=[^,;:]{1,80}\s(?:said|says|told|added|wrote|reported)\.?["”’]?$)`,
  ].join('|'),
  'giu',
);

/** Each index where a clause of `text` may end (see CLAUSE_END), in order; after a quote the comma closes. */
export function clauseEnds(text: string): number[] {
  return [...text.matchAll(CLAUSE_END)].map((match) => (/^,["”’]/u.test(match[0]) ? match.index + 2 : match.index));
}

/**
 * Words before which a phrase ends, so that cutting there leaves a whole phrase: prepositions,
 * conjunctions, relative words and the participles that open a trailing phrase ("… drops out of
 * the race | leaving …"). "of", "to", "and" and "or" end phrases less surely ("the importance |
 * of", "agreed | to return", "unsafe | and aggressive incidents") and come apart. Not "that":
 * after "said" or "emphasized" what follows it is the point ("officials emphasized | that …").
 */
const PHRASE_STARTS: ReadonlySet<string> = new Set(
  `in on at for with from over between during since into against across near under through toward towards by
  via within without among amid after before around about beyond behind despite following including like off
  per alongside inside outside upon onto along throughout versus but who which whose where when while as than
  leaving killing injuring wounding forcing sending raising making marking bringing prompting sparking citing
  saying claiming causing triggering`
    .split(/\s+/)
    .filter(Boolean),
);
const LOOSE_PHRASE_STARTS: ReadonlySet<string> = new Set(['of', 'to', 'and', 'or']);

export interface PhraseCut {
  /** The text before the cut (trimmed of its trailing comma). */
  readonly end: number;
  /** True for a cut before "of", "to", "and" or "or": less surely the end of a phrase. */
  readonly loose: boolean;
  /** True for a cut at a comma: more surely the end of a phrase. */
  readonly comma: boolean;
}

const WORD_AFTER_SPACE = /(,?)\s([^\s,]+)/gu;

/**
 * Places where `text` can be cut into a whole phrase: before a comma or before one of the words
 * above, never inside a name ("Secretary | of State", "Bank | of America") nor after a weak word.
 */
export function phraseCuts(text: string): PhraseCut[] {
  const cuts: PhraseCut[] = [];
  let previous = '';
  let at = 0;
  for (const match of text.matchAll(WORD_AFTER_SPACE)) {
    const word = match[2]!;
    const bare = word.replace(/^[“"‘'(]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
    const before = text.slice(at, match.index);
    previous = /\S+$/u.exec(before)?.[0] ?? previous;
    at = match.index;
    const comma = match[1] === ',';
    const starts = PHRASE_STARTS.has(bare) || LOOSE_PHRASE_STARTS.has(bare);
    if (!comma && !starts) continue;
    const after = text.slice(match.index + match[0].length);
    if (!comma && ((NAME_JOINERS.has(bare) && insideName(previous, after)) || (bare === 'at' && /^\s(?:least|most)\b/u.test(after)))) continue;
    const kept = text.slice(0, match.index);
    if (endsWeak(kept) || (comma && opensAside(kept))) continue;
    cuts.push({ end: match.index, loose: !comma && LOOSE_PHRASE_STARTS.has(bare), comma });
  }
  return cuts;
}

/**
 * "The talks, held at the Pentagon": text whose only comma follows a short subject has opened an
 * aside and not closed it; cut at the aside's end, it would show the aside as if it were the news.
 */
function opensAside(kept: string): boolean {
  const commas = kept.split(',');
  return commas.length === 2 && commas[0]!.trim().split(' ').length <= 6;
}

/** Words inside names: "Secretary of State", "Committee on Foreign Relations". */
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'to', 'de', 'del', 'du', 'la', 'von', 'van']);

/** "Secretary of State": a capitalised word on both sides of the cut word. */
function insideName(previous: string, after: string): boolean {
  return /^\p{Lu}/u.test(previous) && /^\s*\p{Lu}/u.test(after) && !/[.,;:]$/u.test(previous);
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

/** Subjects that only point back to something named before: "It", "They", "Its remarks". */
const PRONOUNS: ReadonlySet<string> = new Set(
  `it its they them their theirs he his him she her hers we our i you there`.split(/\s+/).filter(Boolean),
);
/** "The talks", "The move": a bare noun that stands for an event named elsewhere. */
const ANAPHORIC_NOUNS: ReadonlySet<string> = new Set(
  `talks meeting meetings discussions discussion move decision deal agreement resumption remarks statement
  statements report document measure bill plan announcement incident attack visit event case group country
  countries nation nations two sides pair lawsuit ruling policy law order vote proposal effort program
  investigation probe comments letter summit trip call conversation dialogue exchange development news
  shift change step action actions latter former officials leaders`
    .split(/\s+/)
    .filter(Boolean),
);
const DETERMINERS = /^(?:the|this|these|that|those|such|both|each|either|neither)$/u;

/** Whether the text opens with a determiner ("The refusal …", "This move …"): a noun phrase that may point back. */
export function opensWithDeterminer(text: string): boolean {
  return DETERMINERS.test(bareWord(text.replace(/^[“"‘'(\s]+/u, '').split(/\s+/, 1)[0]));
}

/** A word folded for the lists above: lower case, letters only, without a contraction ("We'll" is "we"). */
const bareWord = (word: string | undefined) =>
  (word ?? '')
    .toLowerCase()
    .replace(/['’](?:ll|re|ve|d|s|m)$/u, '')
    .replace(/[^\p{L}']/gu, '');

/**
 * True when the text opens with a pronoun that points back to something named before ("It would
 * never …", "Its remarks came …", "This is …") or is a lower-case fragment ("titled … and released
 * Friday"): it cannot be read on its own.
 */
export function opensWithPronoun(text: string): boolean {
  const words = text.replace(/^[“"‘'(\s]+/u, '').split(/\s+/, 2);
  const first = bareWord(words[0]);
  if (first === '' || PRONOUNS.has(first)) return true;
  if (DETERMINERS.test(first)) {
    // "This is …", "That would …": the determiner stands alone. "The U.S. …" names.
    const next = bareWord(words[1]);
    return next === '' || (WEAK_ENDINGS.has(next) && !/^\p{Lu}/u.test(words[1] ?? ''));
  }
  return /^\p{Ll}/u.test(words[0] ?? '');
}

/**
 * True when the text opens with a subject that names something ("Chinese officials", "The
 * Pentagon"): not a pronoun (see opensWithPronoun) nor a bare event noun ("The talks come …", but
 * not "The talks between Washington and Beijing …"). What a headline should open with.
 */
export function namesItsSubject(text: string): boolean {
  if (opensWithPronoun(text)) return false;
  const words = text.replace(/^[“"‘'(\s]+/u, '').split(/\s+/, 3);
  if (!DETERMINERS.test(bareWord(words[0]))) return true;
  if (!ANAPHORIC_NOUNS.has(bareWord(words[1]))) return true;
  const next = bareWord(words[2]);
  return PHRASE_STARTS.has(next) || LOOSE_PHRASE_STARTS.has(next);
}

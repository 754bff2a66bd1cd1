/**
 * A clause cut from a sentence, rewritten in headline style (AP: present tense for what has just
 * happened, no articles), so that a Signal headed by a clause of its own sentence does not say its
 * first words twice: "China and Singapore have signed a memorandum of understanding" becomes
 * "China and Singapore sign memorandum of understanding".
 *
 * Conservative by rule, since a wrong tense is worse than a repeated one: only the clause's first
 * verb changes, only when it is a listed verb (verb-forms.ts), only when the subject's number is
 * plain to see (for a simple past), and never when the clause says when it happened ("last
 * week", "on Monday", "since"), is negated, or holds an open quote. Quoted words, capitalised
 * words (names: "The Hague" keeps its article) and numbers are never changed or dropped, and the
 * result is never longer than its input.
 */
import { quotedPhrases, unclosedQuote } from './clause.js';
import { firstVerbAt, isAuxiliary } from './verb.js';
import { baseOfParticiple, baseOfPast, thirdPersonOf } from './verb-forms.js';

interface Token {
  /** The token as written, punctuation included. */
  readonly raw: string;
  /** Its letters, lower case ("signed" of "signed,"); '' when it has none. */
  readonly word: string;
  /** Inside a quoted phrase: never changed. */
  readonly quoted: boolean;
}

/** The headline-style form of a clause headline; the clause itself when no rule is sure. */
export function headlineStyle(text: string): string {
  if (text.trim() === '' || unclosedQuote(text) !== undefined) return text;
  const tokens = tokenize(text);
  const tensed = presentTense(tokens) ?? tokens;
  for (const candidate of [tensed, tokens]) {
    const out = capitalizedFirst(withoutArticles(candidate).map((t) => t.raw).join(' '));
    if (out !== '' && out.length <= text.length) return out;
  }
  return text;
}

function tokenize(text: string): Token[] {
  const quotes = quotedPhrases(text);
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    const quoted = quotes.some((q) => start < q.end && end > q.start) || /[“”"‘’]/u.test(match[0]);
    tokens.push({ raw: match[0], word: bare(match[0]), quoted });
  }
  return tokens;
}

/** A token's word, lower case, without the punctuation around it (an inner apostrophe stays). */
function bare(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** The same token with its word replaced, punctuation kept ("signed," → "signs,"). */
function replaced(token: Token, word: string): Token {
  const core = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(token.raw);
  if (core === null) return token;
  return { ...token, raw: token.raw.slice(0, core.index) + word + token.raw.slice(core.index + core[0].length), word };
}

/** Whether a token is only letters (a word with nothing attached that a rewrite could break). */
const plain = (token: Token | undefined): token is Token => token !== undefined && !token.quoted && /^\p{Ll}+$/u.test(token.raw);

/** Where token `at` starts in the tokens joined by spaces. */
function offsetOf(tokens: readonly Token[], at: number): number {
  let offset = 0;
  for (let i = 0; i < at; i++) offset += tokens[i]!.raw.length + 1;
  return offset;
}

/** Words that place the clause in the past: in the present it would misreport when it happened. */
const PAST_MARKERS =
  /\b(?:yesterday|ago|last\s+(?:week|month|year|night|time|summer|winter|spring|fall|autumn|decade)|earlier|since|previously|had|then|former|formerly|once|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|(?:1[89]|20)\d\d)\b/iu;

/** Subjects that point back and whose verb a passive would misread ("He arrested" reads active). */
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there', 'who', 'which']);

/** Words that may stand between a subject's end and a later auxiliary without making it a second clause. */
const CLAUSE_OPENERS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'you', 'that', 'which', 'who', 'there', 'this']);

/**
 * The clause with its first verb in the present tense, or undefined when no rule is sure:
 * "have/has signed" → "sign/signs"; "was/were/has been arrested" → "arrested" (a named subject
 * only); "announced" → "announces" when the subject is plainly one or many.
 */
function presentTense(tokens: readonly Token[]): Token[] | undefined {
  const at = tokens.findIndex((t) => isAuxiliary(t.word) || baseOfPast(t.word) !== undefined);
  // The verb must be the clause's first one that verb.ts knows ("China says the U.S. has …" is not "has").
  if (at < 1 || !plain(tokens[at]) || firstVerbAt(tokens.map((t) => t.raw).join(' ')) !== offsetOf(tokens, at)) return undefined;
  const subject = tokens.slice(0, at);
  if (!simpleSubject(subject)) return undefined;
  const verb = tokens[at]!.word;
  const next = tokens[at + 1];
  const after = tokens[at + 2];
  const pastMarked = PAST_MARKERS.test(tokens.map((t) => (t.quoted ? '' : t.raw)).join(' '));
  const named = !(subject.length === 1 && PRONOUN_SUBJECTS.has(subject[0]!.word));
  const out = [...tokens];

  // "was arrested", "has been charged": headline style's passive drops its auxiliary.
  const passive =
    (verb === 'was' || verb === 'were') && plain(next) && baseOfParticiple(next.word) !== undefined
      ? 1
      : (verb === 'has' || verb === 'have') && next?.word === 'been' && plain(next) && plain(after) && baseOfParticiple(after.word) !== undefined
        ? 2
        : 0;
  if (passive > 0) {
    if (!named || DEMONSTRATIVE.test(subject[0]!.word) || !passiveReadsAsOne(tokens, at + passive)) return undefined;
    out.splice(at, passive);
    return out;
  }
  if (pastMarked) return undefined;

  if ((verb === 'has' || verb === 'have') && plain(next)) {
    const base = baseOfParticiple(next.word);
    if (base === undefined || next.word === 'been' || next.word === 'had') return undefined;
    out.splice(at, 2, replaced(next, verb === 'has' ? thirdPersonOf(base) : base));
    return out;
  }

  const base = baseOfPast(verb);
  const rest = tokens.slice(at + 1, at + 3).map((t) => t.word).join(' ');
  if (base === undefined || REDUCED_RELATIVE.test(rest) || secondClauseAfter(tokens, at)) return undefined;
  const number = subjectNumber(subject);
  if (number === undefined) return undefined;
  out[at] = replaced(tokens[at]!, number === 'singular' ? thirdPersonOf(base) : base);
  return out;
}

/**
 * Whether a participle left without its auxiliary still reads as a passive: followed by nothing,
 * "by", a place or time ("Suspect arrested at airport", "Residents urged to cut power"); not by a
 * noun or a particle ("was named the winner", "was made out of concern" would read as active).
 * "made" is too often read as active to be left alone.
 */
function passiveReadsAsOne(tokens: readonly Token[], participleAt: number): boolean {
  if (tokens[participleAt]!.word === 'made') return false;
  const following = tokens[participleAt + 1]?.word;
  return following === undefined || PASSIVE_FOLLOWERS.has(following);
}
const PASSIVE_FOLLOWERS = new Set(['by', 'in', 'at', 'on', 'for', 'to', 'after', 'over', 'from', 'as', 'with', 'during', 'into', 'amid', 'against', 'near', 'outside', 'inside']);
const DEMONSTRATIVE = /^(?:this|that|these|those)$/u;
/** After a past verb, these say it is a participle of a noun before it: "a group made up of", "the plan released by". */
const REDUCED_RELATIVE = /^(?:by|of|(?:up|out|off|down)\s(?:of|by))\b/u;

/**
 * Whether an auxiliary after the verb opens a second clause whose subject is not a pronoun
 * ("The deal signed last week was hailed …": "signed" was no main verb), or the clause holds
 * another past verb after "and" (both would need changing: "prices climbed … and food prices
 * rose"), but for a number's ("189 people killed and 516 injured").
 */
function secondClauseAfter(tokens: readonly Token[], at: number): boolean {
  // What follows a reporting verb is what was said, with verbs of its own: "Police said that more than 90 people are …".
  const reporting = REPORTING.has(tokens[at]!.word);
  let afterAnd = false;
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.quoted) continue;
    if (!reporting && isAuxiliary(token.word) && !CLAUSE_OPENERS.has(tokens[i - 1]!.word)) return true;
    if (baseOfPast(token.word) !== undefined && afterAnd && !/^[\d$]/u.test(tokens[i - 1]!.raw)) return true;
    if (token.word === 'and') afterAnd = true;
  }
  return false;
}

/** Reporting verbs, simple past: their object is a clause ("said all adults should wear masks"). */
const REPORTING = new Set(
  `said told announced warned claimed reported noted added confirmed insisted argued denied admitted revealed predicted acknowledged suggested stated declared stressed emphasized emphasised vowed pledged promised reiterated`.split(
    ' ',
  ),
);

/**
 * A subject this module can read: a few words, no clause or aside inside it, no quote, and no
 * article but after a preposition or "and" ("Officials at the Pentagon", not "Officials believe
 * the deal": an article after another word says a verb this module does not know came between).
 */
function simpleSubject(subject: readonly Token[]): boolean {
  if (subject.length === 0 || subject.length > 8) return false;
  return subject.every(
    (t, i) =>
      !t.quoted &&
      !/[,;:()—–]/u.test(t.raw) &&
      !['who', 'which', 'that', 'whose', 'whom', 'when', 'where', 'if'].includes(t.word) &&
      !(i > 0 && DETERMINER.test(t.word) && !PREPOSITIONS.has(subject[i - 1]!.word) && subject[i - 1]!.word !== 'and'),
  );
}
const DETERMINER = /^(?:the|a|an|this|these|those|its|their|his|her)$/u;

const PREPOSITIONS = new Set(
  `of in at for from with on by to near between among under over across against including like after before during about into within without`.split(' '),
);
/** Words that cannot head a subject: a determiner or number left alone says nothing of its number. */
const NOT_A_HEAD = /^(?:the|a|an|this|that|these|those|some|many|several|both|all|few|each|every|any|most|more|other|such|no|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions|\d[\d,.]*)$/u;
/** How plurals of people and groups end: "officials", "lawmakers", "senators", "democrats", "americans", "residents". */
const PEOPLE_PLURAL = /(?:ers|ors|ists|ians|ans|ants|ents|als|ats|ops|ces|ies|ees)$/u;
const ADVERB = /^(?:also|still|now|later|first|just|again|already|even|only|then|soon|never|\p{L}+ly)$/u;
const PLURAL_NOUNS = new Set(['police', 'people', 'children', 'men', 'women', 'personnel', 'staff', 'media', 'data', 'public', 'majority', 'minority']);
/** Names written with a final "s" that take a singular verb. */
const SINGULAR_NAMES = new Set(['states', 'nations', 'reuters', 'times', 'news', 'paris', 'brussels', 'texas', 'kansas', 'honduras', 'athens', 'netherlands', 'philippines', 'emirates', 'airlines', 'motors', 'industries', 'sachs']);

/**
 * Whether a clause's subject is one or many: "China and Singapore" many; "The leader of the
 * rebels" one (its head comes before "of"); "Officials" many; "The Chinese" or "Democrats" unsure.
 */
function subjectNumber(subject: readonly Token[]): 'singular' | 'plural' | undefined {
  const words = subject.map((t) => t.word);
  if (words.length === 1 && ['he', 'she', 'it'].includes(words[0]!)) return 'singular';
  if (words.length === 1 && ['they', 'we', 'i', 'you'].includes(words[0]!)) return 'plural';
  // "The number of confirmed dead": a past form after a preposition or an article is an adjective, not the verb.
  if (PREPOSITIONS.has(words.at(-1)!) || NOT_A_HEAD.test(words.at(-1)!)) return undefined;
  const end = words.findIndex((w) => PREPOSITIONS.has(w));
  let phrase = subject.slice(0, end < 0 ? subject.length : end);
  // "The world's shortest man ever recorded": a participle, not the verb.
  if (words.at(-1) === 'ever') return undefined;
  // An adverb before the verb is no head: "Agents also seized", "Two other officers later killed".
  while (phrase.length > 1 && ADVERB.test(phrase.at(-1)!.word)) phrase = phrase.slice(0, -1);
  // "Houthi militants parade captured …": a plural just before the head says the head is a verb
  // this module does not know ("parade"), and what follows it an adjective.
  const before = phrase.at(-2);
  if (before !== undefined && /^\p{Ll}/u.test(before.raw) && /[^s]s$/u.test(before.word)) return undefined;
  // "China and Singapore", "Airstrikes and artillery", "The talks and the vote" are many; "The
  // actress and activist" may be one, and "The US Food and Drug Administration" is one ("&" too:
  // "Johnson & Johnson").
  if (phrase.some((t) => t.raw === '&')) return undefined;
  const and = phrase.findIndex((t) => t.word === 'and');
  if (and >= 0) {
    if (!DETERMINER.test(phrase[0]!.word)) return 'plural';
    return DETERMINER.test(phrase[and + 1]?.word ?? '') ? 'plural' : undefined;
  }
  if (phrase.some((t) => t.word === 'or' || t.word === 'nor' || PRONOUN_SUBJECTS.has(t.word))) return undefined;
  const head = phrase.at(-1);
  if (head === undefined || head.word === '' || NOT_A_HEAD.test(head.word)) return undefined;
  const word = head.word;
  if (PLURAL_NOUNS.has(word)) return word === 'staff' || word === 'media' || word === 'data' || word === 'public' || word === 'majority' || word === 'minority' ? undefined : 'plural';
  if (/(?:ing|['’]s|['’])$/u.test(word) || /['’]$/u.test(head.raw)) return undefined;
  if (SINGULAR_NAMES.has(word)) return 'singular';
  // The clause's first word has its capital from opening it ("Officials"): read it as a common noun.
  const capitalised = /^\p{Lu}/u.test(head.raw);
  // A people named for its country ("The Chinese", "French", "The Swiss") is many.
  if (capitalised && /(?:ese|ish|ch|ss)$/u.test(word)) return undefined;
  if (capitalised && head !== subject[0]) return word.endsWith('s') ? undefined : 'singular';
  // The clause's first word has its capital from opening it: "Officials" is many, but it may be a
  // name too ("Massachusetts became"); a plural is told by how plurals of people end.
  if (capitalised && word.endsWith('s') && !PEOPLE_PLURAL.test(word)) return undefined;
  if (/(?:ss|us|is|ics|ews)$/u.test(word)) return undefined;
  return word.endsWith('s') ? 'plural' : 'singular';
}

/** Articles headline style leaves out ("The decision …", "a memorandum"), except before these. */
const KEEPS_ARTICLE = new Set(
  `few little lot lots bit couple handful number while same other others rest most least more less latter former following way one two three four five six seven eight nine ten hundred thousand million billion dozen half`.split(
    ' ',
  ),
);
/** "a" before a share or a unit is "one" or "per": "about a quarter", "three days a week", "$3 a gallon". */
const KEEPS_INDEFINITE = new Set(`quarter third fifth tenth day week month year hour minute second gallon barrel share piece mile person head`.split(' '));
/** Words after which an article is part of an idiom: "twice a day", "such a", "what a". */
const BEFORE_IDIOM = new Set(['once', 'twice', 'times', 'per', 'such', 'what', 'quite', 'rather', 'many', 'half', 'all']);

/**
 * The clause without the articles headline style drops: "a", "an", "the" before a lower-case word
 * (never before a name, a number or a quote), and never in an idiom ("a few", "the same").
 */
function withoutArticles(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const article = token.raw === 'a' || token.raw === 'an' || token.raw === 'the' || (i === 0 && (token.raw === 'A' || token.raw === 'An' || token.raw === 'The'));
    const droppable =
      article &&
      !token.quoted &&
      next !== undefined &&
      !next.quoted &&
      /^\p{Ll}/u.test(next.raw) &&
      !KEEPS_ARTICLE.has(next.word) &&
      !(token.word !== 'the' && KEEPS_INDEFINITE.has(next.word)) &&
      !(i > 0 && BEFORE_IDIOM.has(tokens[i - 1]!.word)) &&
      !afterCopula(tokens, i) &&
      !(i > 1 && tokens[i - 1]!.word === 'of' && (NOT_A_HEAD.test(tokens[i - 2]!.word) || QUANTITIES.has(tokens[i - 2]!.word))) &&
      // Two words at least must be left after it: "the latter" or "a lot" aside, "The talks" is a subject, "talks" alone is not a headline.
      tokens.length > 2;
    if (!droppable) out.push(token);
  }
  return out;
}

/** Parts and shares whose "of the" keeps its article: "Two of the biggest names", "part of the deal". */
const QUANTITIES = new Set(['none', 'part', 'much', 'half', 'rest', 'top', 'end', 'out']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);
const COPULA_ADVERBS = new Set(['also', 'now', 'still', 'not', 'never', 'only', 'just', 'again', 'already', 'once']);

/**
 * Whether the article at `i` follows a form of "to be" (an adverb between allowed): headline
 * style would drop the verb as well ("Geneva also site of summit"); dropping only the article
 * leaves "Geneva was also site of the summit", worse than either.
 */
function afterCopula(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && COPULA_ADVERBS.has(tokens[j]!.word)) j--;
  return j >= 0 && COPULAS.has(tokens[j]!.word);
}

/** The first letter in upper case, as a headline opens (after "The" was dropped). */
function capitalizedFirst(text: string): string {
  const first = text.charAt(0);
  const upper = first.toUpperCase();
  return upper.length === first.length ? upper + text.slice(1) : text;
}

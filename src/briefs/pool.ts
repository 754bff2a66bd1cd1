/**
 * The sentences a brief is made of: every sentence of every member, with the summary it came
 * from, a weighted term vector and its centrality in the story. Centrality is the cosine with
 * the story's centroid (the sum of the members' unit vectors, so each summary counts once
 * however long it is), where the sentence's own summary counts only `ownWeight`: a sentence is
 * central when the other outlets say it too, not because its own summary repeats its words. A
 * summary's first sentence gets a bonus: in news it states the event.
 */
import type { Summary } from '../corpus/summary.js';
import { isTruncated, opensWithPronoun, quotedPhrases, unclosedQuote, type Quote } from '../text/clause.js';
import { foldForPhrase } from '../text/fold.js';
import { splitSentences } from '../text/sentences.js';
import { indexTerms } from '../text/tokenize.js';
import { addInto, dot, idf, norm, normalize, type TermStats, type TermVector } from '../text/vector.js';
import { BRIEF } from './tuning.js';

export interface PoolSentence {
  readonly text: string;
  readonly summaryId: string;
  /** Index of its summary among the story's members (story order). */
  readonly member: number;
  /** Index of the sentence in its summary. */
  readonly position: number;
  readonly words: number;
  /** Unit length; empty for a sentence without a content word. */
  readonly vector: TermVector;
  readonly centrality: number;
  /** True when it quotes someone ("never compromise"): a voice more than a fact. */
  readonly quotes: boolean;
  /** The word pairs of its quoted phrases, folded: two sentences that share one quote the same words. */
  readonly quotePairs: ReadonlySet<string>;
  /** True when it reports what someone said or urged ("officials emphasized …"): a voice too. */
  readonly reports: boolean;
  /**
   * True when it cannot stand on its own: it opens with a pronoun that points back to an earlier
   * sentence ("Its remarks …"), or with "But", or is a lower-case fragment, or opens a quote it
   * does not close (the rest of the quote is the next sentence), or its source cut it off ("…"). ("The talks …" can: in a brief, the reader knows which talks.)
   */
  readonly dangling: boolean;
  /** The summaries that said this (itself and those whose same sentence was merged into it). */
  readonly summaryIds: string[];
}

/** Verbs of saying and urging: a sentence built on one gives a position, not an event. */
const REPORTS =
  /\b(?:said|says|told|tells|emphasi[sz]e[ds]?|stress(?:ed|es)|warn(?:ed|s)|urg(?:ed|es)|argu(?:ed|es)|insist(?:ed|s)|assert(?:ed|s)|vow(?:ed|s)|claim(?:ed|s)|accus(?:ed|es)|demand(?:ed|s)|call(?:ed|s) (?:for|on))\b/iu;

/** A sentence that opens by carrying on from the one before ("But …", "Also …"). */
const CONTINUES = /^(?:but|and|also|or|so|yet)\b/iu;

/** A fragment such as "D-Oregon." is no sentence to show on its own. */
const MIN_WORDS = 4;

export function sentencePool(members: readonly Summary[], stats?: TermStats): PoolSentence[] {
  const raw = members.flatMap((summary, member) => parsedSentences(summary).map((parsed) => ({ ...parsed, summaryId: summary.id, member })));
  const weights = stats ?? localStats(raw.map((s) => s.terms));
  const vectors = raw.map((s) => {
    const vector = new Map<string, number>();
    for (const [term, n] of s.counts) vector.set(term, (1 + Math.log(n)) * idf(weights, term));
    return vector;
  });
  const wholes = members.map(() => new Map<string, number>());
  raw.forEach((s, i) => addInto(wholes[s.member]!, vectors[i]!));
  const centroid = new Map<string, number>();
  for (const whole of wholes) addInto(centroid, normalize(whole));
  // Against the centroid less (1 − ownWeight) × its own summary: |c − a·w|² = |c|² − 2a·(c·w) + a² |w|².
  const less = members.length > 1 ? 1 - BRIEF.ownWeight : 0;
  const squared = norm(centroid) ** 2;
  const others = wholes.map((whole) => {
    const norm2 = squared - 2 * less * dot(centroid, whole) + less * less * dot(whole, whole);
    return Math.sqrt(Math.max(norm2, 0)) || 1;
  });
  return raw.map((s, i) => {
    const vector = normalize(vectors[i]!);
    const against = (dot(vector, centroid) - less * dot(vector, wholes[s.member]!)) / others[s.member]!;
    return {
      text: s.text,
      summaryId: s.summaryId,
      member: s.member,
      position: s.position,
      words: s.words,
      vector,
      centrality: against + (s.position === 0 ? BRIEF.leadBonus : 0),
      summaryIds: [s.summaryId],
      quotes: s.quotes,
      quotePairs: s.quotePairs,
      reports: s.reports,
      dangling: s.dangling,
    };
  });
}

/** What a sentence is, whatever story it is in: its text, terms and kind (see PoolSentence). */
interface ParsedSentence {
  readonly text: string;
  readonly position: number;
  readonly terms: readonly string[];
  /** Each distinct term with how often it occurs, in order of first occurrence. */
  readonly counts: ReadonlyArray<readonly [string, number]>;
  readonly words: number;
  readonly quotes: boolean;
  readonly quotePairs: ReadonlySet<string>;
  readonly reports: boolean;
  readonly dangling: boolean;
}

/**
 * A story's headline and its brief each make a pool of its sentences, with different term
 * weights (the story's own, the index's), and a story that gains a member is briefed again: the
 * sentences of a summary are therefore read once and kept, by summary (an updated summary is a
 * new object), for the summaries briefed last. What is kept is never changed.
 */
const PARSED_KEPT = 8_192;
const parsed = new Map<Summary, readonly ParsedSentence[]>();

/** Lets go of a summary's sentences (one removed: kept, they would keep it too, for nothing). */
export function forgetSentences(summary: Summary): void {
  parsed.delete(summary);
}

function parsedSentences(summary: Summary): readonly ParsedSentence[] {
  const kept = parsed.get(summary);
  if (kept !== undefined) return kept;
  const sentences = splitSentences(summary.text).map((text, position): ParsedSentence => {
    const terms = indexTerms(text);
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const quotes = quotedPhrases(text);
    return {
      text,
      position,
      terms,
      counts: [...counts],
      words: text.split(/\s+/).length,
      quotes: quotes.length > 0,
      quotePairs: wordPairs(quotes),
      reports: REPORTS.test(text),
      dangling: isTruncated(text) || CONTINUES.test(text) || opensWithPronoun(text) || unclosedQuote(text) !== undefined,
    };
  });
  parsed.set(summary, sentences);
  if (parsed.size > PARSED_KEPT) parsed.delete(parsed.keys().next().value!);
  return sentences;
}

/**
 * How fit a sentence is to open The News (or a headline): central, a fact rather than a quote,
 * and one that stands on its own.
 */
export function newsworthiness(sentence: PoolSentence): number {
  const voice = sentence.quotes ? BRIEF.quotePenalty : sentence.reports ? BRIEF.reportPenalty : 0;
  return sentence.centrality - voice - (sentence.dangling ? BRIEF.danglingPenalty : 0);
}

/** Sentences worth showing: whole sentences with content words, or all of them if none is. */
export function showable(pool: readonly PoolSentence[]): PoolSentence[] {
  const good = pool.filter((s) => s.words >= MIN_WORDS && s.vector.size > 0);
  return good.length > 0 ? good : pool.filter((s) => s.text.trim() !== '');
}

function wordPairs(quotes: readonly Quote[]): Set<string> {
  const pairs = new Set<string>();
  for (const quote of quotes) {
    const words = foldForPhrase(quote.text).split(' ');
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  }
  return pairs;
}

/** Term rarity within the story's own sentences, when no index statistics are given. */
function localStats(sentences: readonly (readonly string[])[]): TermStats {
  const counts = new Map<string, number>();
  for (const terms of sentences) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { size: sentences.length, documentCount: (term) => counts.get(term) ?? 0 };
}

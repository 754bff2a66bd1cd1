/**
 * Signals: the angles of a story beyond The News. The candidates are the sentences left after The
 * News, less those that only echo it (alike enough to The News as a whole) and those cut off by
 * their source. The angles are picked one at a time by maximal marginal relevance: the most
 * central sentence that stands alone and is unlike the angles already picked opens the next one.
 * Each angle then takes a second sentence, the one most alike to its first (another outlet's
 * before its own summary's), so a Signal is one or two sentences on one thing. Its headline is a
 * fitting title of its summaries, else a clause of its sentences (headline.ts); its sources are
 * the summaries its sentences came from, including those whose same sentence was merged in. A
 * clause headline is shown in headline style (text/headline-style.ts): "China and Singapore sign
 * memorandum of understanding" over "China and Singapore have signed a memorandum …".
 */
import type { Summary } from '../corpus/summary.js';
import { isTruncated } from '../text/clause.js';
import { headlineStyle } from '../text/headline-style.js';
import { indexTerms } from '../text/tokenize.js';
import { fold, foldForPhrase } from '../text/fold.js';
import { addInto, dot, normalize, type TermVector } from '../text/vector.js';
import { attributionOf } from './attribution.js';
import type { BriefSentence, Signal } from './brief.js';
import { sameTitle, signalHeadline } from './headline.js';
import type { PoolSentence } from './pool.js';
import { absorbRepeats } from './select.js';
import { BRIEF } from './tuning.js';

/** When no sentence of a signal gives a headline (a first word over 80 characters). */
export const FALLBACK_SIGNAL_HEADLINE = 'Another angle';

/**
 * `rest` is what The News left (select.ts), `news` what it picked; `headline` is the story's, so
 * that no Signal is headed the same.
 */
export function selectSignals(rest: readonly PoolSentence[], members: readonly Summary[], news: readonly PoolSentence[], headline: string): Signal[] {
  const candidates = signalCandidates(rest, news, headline);
  const { newsVector, newsTerms } = candidates;
  let pool = candidates.pool;
  const byId = new Map(members.map((summary) => [summary.id, summary]));
  const taken = [headline];
  const signals: Signal[] = [];
  const founders: PoolSentence[] = [];
  while (signals.length < BRIEF.signals) {
    // The next angle opens with the most central sentence that stands alone and is unlike the
    // angles before it (maximal marginal relevance).
    let best: { sentence: PoolSentence; score: number } | undefined;
    for (const sentence of pool) {
      if (sentence.dangling) continue;
      const likeness = Math.max(0, ...founders.map((f) => likenessOf(f, sentence)));
      if (likeness >= BRIEF.angleApart) continue;
      const score = worth(sentence) - BRIEF.angleNovelty * likeness;
      if (best === undefined || score > best.score) best = { sentence, score };
    }
    if (best === undefined) break;
    const first = best.sentence;
    pool = pool.filter((s) => s !== first);
    founders.push(first);
    const second = BRIEF.signalSentences > 1 ? secondSentence(first, pool) : undefined;
    const sentences = second === undefined ? [first] : inReadingOrder(first, second);
    const { title, shown, said } = unrepeated(signalHeadline(sentences, byId, newsVector, taken, BRIEF.signalHeadline), sentences, byId, newsVector, taken);
    if (saysNothingNew(title, shown, newsTerms)) continue;
    pool = absorbRepeats(first, pool);
    if (second !== undefined) pool = absorbRepeats(second, pool.filter((s) => s !== second));
    taken.push(title);
    signals.push(toSignal(title || FALLBACK_SIGNAL_HEADLINE, shown, byId, said));
  }
  return signals;
}

/** What Signals are drawn from: what The News left, less what echoes it or was cut off, most worth first. */
export interface SignalCandidates {
  readonly pool: PoolSentence[];
  /** The News as one unit vector. */
  readonly newsVector: TermVector;
  /** The terms of The News and of the story's headline. */
  readonly newsTerms: ReadonlySet<string>;
}

export function signalCandidates(rest: readonly PoolSentence[], news: readonly PoolSentence[], headline: string): SignalCandidates {
  const newsVector = new Map<string, number>();
  for (const sentence of news) addInto(newsVector, sentence.vector);
  normalize(newsVector);
  const pool = rest
    .filter((s) => !isTruncated(s.text) && dot(newsVector, s.vector) < BRIEF.echo)
    .sort(byWorth)
    .slice(0, BRIEF.signalCandidates);
  const newsTerms = new Set([...news.flatMap((s) => [...s.vector.keys()]), ...indexTerms(headline)]);
  return { pool, newsVector, newsTerms };
}

/**
 * An angle whose headline says only what The News says is no angle; nor one whose headline says
 * its only sentence over again.
 */
export function saysNothingNew(title: string, shown: readonly PoolSentence[], newsTerms: ReadonlySet<string>): boolean {
  return title !== '' && (echoes(title, newsTerms) || shown.some((s) => repeats(title, s.text)));
}

/**
 * A headline that says (nearly) all of one of its Signal's sentences would have the reader read
 * it twice. With two sentences, the one it says is not shown again (its summary is still
 * credited: the headline is its words); with one, a shorter cut of it heads the Signal, if one
 * leaves the sentence something to add (else the angle is dropped).
 */
export function unrepeated(
  title: string,
  sentences: readonly PoolSentence[],
  members: ReadonlyMap<string, Summary>,
  news: TermVector,
  taken: readonly string[],
  titled?: Iterable<string>,
): { title: string; shown: readonly PoolSentence[]; said: readonly string[] } {
  const repeated = sentences.find((s) => repeats(title, s.text));
  if (repeated === undefined) return { title, shown: sentences, said: [] };
  if (sentences.length > 1) return { title, shown: sentences.filter((s) => s !== repeated), said: repeated.summaryIds };
  // Short enough not to repeat the sentence, and never longer than any Signal headline may be.
  const shorter = signalHeadline(sentences, members, news, taken, Math.min(BRIEF.signalHeadline, Math.floor(BRIEF.headlineRepeat * repeated.text.length)), titled);
  return { title: shorter !== '' && !repeats(shorter, repeated.text) ? shorter : title, shown: sentences, said: [] };
}

/** Whether a headline is a sentence's opening and has at least `headlineRepeat` of its words. */
export function repeats(headline: string, sentence: string): boolean {
  return openingShare(headline, sentence) >= BRIEF.headlineRepeat;
}

/**
 * The share of a sentence's words that a headline repeats from its start: 0 when the headline is
 * not the sentence's opening. A clause cut from a sentence is its opening, so a Signal headed by
 * one and showing that sentence says its first words twice (repeats: most of them).
 */
export function openingShare(headline: string, sentence: string): number {
  const words = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const head = words(headline);
  const all = words(sentence);
  if (head.length === 0 || head.length > all.length || !head.every((word, i) => all[i] === word)) return 0;
  return head.length / all.length;
}

/** An angle's first sentence and its second: as written when of one summary, else the first first. */
export function inReadingOrder(first: PoolSentence, second: PoolSentence): PoolSentence[] {
  return second.summaryId === first.summaryId && second.position < first.position ? [second, first] : [first, second];
}

/** Likeness of two sentences: their cosine, more when they quote the same words. */
export function likenessOf(a: PoolSentence, b: PoolSentence): number {
  let shared = false;
  for (const pair of a.quotePairs) if (b.quotePairs.has(pair)) shared = true;
  return dot(a.vector, b.vector) + (shared ? BRIEF.sharedQuote : 0);
}

/**
 * The second sentence of an angle: the one most alike to its first, if alike enough; from another
 * summary (another voice) before its own. A sentence that cannot stand alone may only follow the
 * sentence it follows in its summary.
 */
export function secondSentence(first: PoolSentence, pool: readonly PoolSentence[]): PoolSentence | undefined {
  let best: { sentence: PoolSentence; score: number } | undefined;
  for (const sentence of pool) {
    const likeness = likenessOf(first, sentence);
    if (likeness < BRIEF.angleJoin) continue;
    const sameSummary = first.summaryIds.includes(sentence.summaryId);
    if (sentence.dangling && !(sameSummary && sentence.position === first.position + 1)) continue;
    const score = likeness + (sameSummary ? 0 : BRIEF.otherVoice);
    if (best === undefined || score > best.score) best = { sentence, score };
  }
  return best?.sentence;
}

/** True when nearly every term of a headline is a term of The News or of the story's headline. */
function echoes(headline: string, newsTerms: ReadonlySet<string>): boolean {
  const terms = new Set(indexTerms(headline));
  if (terms.size === 0) return false;
  let said = 0;
  for (const term of terms) if (newsTerms.has(term)) said++;
  return said / terms.size >= BRIEF.headlineEcho;
}

/**
 * A Signal's sources: the summaries its sentences came from, those whose sentence its headline
 * says (`said`), and those whose title is its headline (an outlet's headline is its words too: Semafor credits "never compromise" to SCMP and
 * to Politico, whose item says it only in its title); then `also` (the rest of its angle, angle-signals.ts).
 */
export function toSignal(headline: string, chosen: readonly PoolSentence[], members: ReadonlyMap<string, Summary>, said: readonly string[], also: readonly string[] = []): Signal {
  const sentences: BriefSentence[] = chosen.map((s) => ({ text: s.text, summaryIds: [...s.summaryIds] }));
  const titled = [...members.values()].filter((m) => m.title !== undefined && sameTitle(m.title, headline)).map((m) => m.id);
  const ids = [...new Set([...sentences.flatMap((s) => s.summaryIds), ...said, ...titled, ...also])];
  return {
    // An outlet's title (whole or cut: titleHeadline) is shown as it wrote it; a clause cut from a
    // sentence is put in headline style, so that it does not open its own sentence word for word.
    headline: titled.length > 0 || [...members.values()].some((m) => m.title !== undefined && cutFrom(m.title, headline)) ? headline : headlineStyle(headline),
    sentences,
    sources: ids.flatMap((id) => {
      const summary = members.get(id);
      return summary ? [attributionOf(summary)] : [];
    }),
  };
}

/** Whether a headline is a run of a title's words ("First in the nation, NYC to mandate proof" of a longer title). */
function cutFrom(title: string, headline: string): boolean {
  return ` ${foldForPhrase(title)} `.includes(` ${foldForPhrase(headline)} `);
}

/** How central a sentence is, less if it cannot stand alone. */
export function worth(sentence: PoolSentence): number {
  return sentence.centrality - (sentence.dangling ? BRIEF.danglingPenalty : 0);
}

/** Most worth first; ties in story order. */
function byWorth(a: PoolSentence, b: PoolSentence): number {
  return worth(b) - worth(a) || a.member - b.member || a.position - b.position;
}

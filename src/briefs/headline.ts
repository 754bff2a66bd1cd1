/**
 * Which headline a story and each of its Signals get (DESIGN.md "Briefs"): the best title where
 * summaries have titles, else a clause cut from the most central sentence that names its subject
 * (text/headline.ts cuts it). A title is an editor's headline; a clause is the next best thing.
 */
import type { Summary } from '../corpus/summary.js';
import { fold } from '../text/fold.js';
import { bestHeadline, headlineCandidates, headlineOf, headlineScore, type HeadlineChoice } from '../text/headline.js';
import { headlineStyle } from '../text/headline-style.js';
import { indexTerms } from '../text/tokenize.js';
import { addInto, dot, normalize, type TermVector } from '../text/vector.js';
import { newsworthiness, sentencePool, showable, type PoolSentence } from './pool.js';
import { BRIEF } from './tuning.js';

/** Slack caps a header at 150 characters; a headline from a title stays inside it. */
export const TITLE_HEADLINE_MAX = 150;
/** A headline cut from a sentence is a short clause. */
export const CLAUSE_HEADLINE_MAX = 80;
export const UNTITLED = 'Untitled story';

/** Binary term vector of a piece of text, unit length: "which of the story's terms does it use". */
export function presenceVector(text: string): Map<string, number> {
  return normalize(new Map(indexTerms(text).map((term) => [term, 1])));
}

/**
 * The story's headline: where members have titles, the title closest to the story's most
 * newsworthy sentences (what The News will say; closer to a reader's idea of the story than the
 * title closest to all its words, by ROUGE against AllSides' own story titles), ties to the one
 * closest to the centroid; else the best clause of its most central sentences. Never cut mid-word.
 */
export function storyHeadline(members: readonly Summary[], centroid: TermVector): string {
  const pool = showable(sentencePool(members));
  const titled = members.filter((summary) => summary.title !== undefined);
  if (titled.length > 0) {
    const lead = new Map<string, number>();
    for (const sentence of mostNewsworthy(pool, BRIEF.headlineNews)) addInto(lead, sentence.vector);
    normalize(lead);
    let best: { text: string; score: number; tie: number } | undefined;
    for (const summary of titled) {
      const title = titleHeadline(summary.title!, TITLE_HEADLINE_MAX);
      if (title === '') continue;
      const vector = presenceVector(title);
      const score = dot(vector, lead);
      const tie = dot(vector, centroid);
      if (best === undefined || score > best.score || (score === best.score && tie > best.tie)) best = { text: title, score, tie };
    }
    if (best !== undefined) return best.text;
  }
  // A clause cut from a sentence of The News, in headline style (text/headline-style.ts), so that
  // the brief does not open with the same words twice.
  return headlineStyle(clauseHeadline(pool, CLAUSE_HEADLINE_MAX)) || UNTITLED;
}

function mostNewsworthy(sentences: readonly PoolSentence[], count: number): PoolSentence[] {
  return [...sentences].sort((a, b) => newsworthiness(b) - newsworthiness(a)).slice(0, count);
}

/** A title as a headline: whole if it fits, else cut like a sentence. */
export function titleHeadline(title: string, max: number): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : headlineOf(flat, max);
}

/**
 * The best headline among the most newsworthy sentences: each sentence's best clause, scored by
 * how good a headline it makes (text/headline.ts) and how central its sentence is, so that a
 * slightly less central sentence that names its subject wins over "It would …". `weight` says how
 * central a sentence is (newsworthiness for a story; a Signal passes its own order).
 */
export function clauseHeadline(
  sentences: readonly PoolSentence[],
  max: number,
  choice: HeadlineChoice = {},
  weight: (sentence: PoolSentence) => number = newsworthiness,
): string {
  const ranked = [...sentences].sort((a, b) => weight(b) - weight(a)).slice(0, BRIEF.headlineSentences);
  const top = ranked.length > 0 ? weight(ranked[0]!) : 0;
  let best: { text: string; score: number } | undefined;
  for (const sentence of ranked) {
    const candidate = bestHeadline(headlineCandidates(sentence.text, max), max, choice);
    if (candidate === undefined) continue;
    const score = headlineScore(candidate, max, choice) - BRIEF.headlineCentrality * Math.max(0, top - weight(sentence));
    if (best === undefined || score > best.score) best = { text: candidate.text, score };
  }
  return best?.text ?? '';
}

/** Titles compare folded, so "US and China resume talks" is the same title in any case or quote style. */
export function sameTitle(a: string, b: string): boolean {
  return fold(a).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() === fold(b).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A Signal's headline: the title of a summary its sentences came from (or of `titled`, the
 * summaries of its angle) when that title is about the signal's angle (closer to its sentences
 * than to The News, and alike enough) and not taken already; else the best clause of its
 * sentences, preferring one that carries a quoted phrase.
 */
export function signalHeadline(
  sentences: readonly PoolSentence[],
  members: ReadonlyMap<string, Summary>,
  news: TermVector,
  taken: readonly string[],
  max: number,
  titled: Iterable<string> = sentences.flatMap((s) => s.summaryIds),
): string {
  const angle = presenceVector(sentences.map((s) => s.text).join(' '));
  let best: { text: string; fit: number } | undefined;
  for (const id of new Set(titled)) {
    const title = members.get(id)?.title;
    if (title === undefined) continue;
    const text = titleHeadline(title, max);
    if (text === '' || taken.some((t) => sameTitle(t, text))) continue;
    const vector = presenceVector(text);
    const fit = dot(vector, angle);
    if (fit < BRIEF.titleFit || fit <= dot(vector, news)) continue;
    if (best === undefined || fit > best.fit) best = { text, fit };
  }
  if (best !== undefined) return best.text;
  const clause = clauseHeadline(sentences, max, { preferQuote: true }, (s) => s.centrality);
  // A clause is shown in headline style (signals.ts toSignal): it is taken if either form is.
  return taken.some((t) => sameTitle(t, clause) || sameTitle(t, headlineStyle(clause))) ? '' : clause;
}

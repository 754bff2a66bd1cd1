/**
 * The News: the most central sentences, picked one at a time by maximal marginal relevance
 * (Carbonell & Goldstein 1998): each pick maximises λ·centrality − (1−λ)·likeness to what was
 * already picked, so the second sentence adds a fact instead of restating the first. A sentence
 * as alike as `sameSentence` to a picked one is the same fact from another summary: it is not
 * shown again, its summary joins the picked sentence's sources.
 */
import { dot } from '../text/vector.js';
import { newsworthiness, type PoolSentence } from './pool.js';
import { BRIEF } from './tuning.js';

export interface Selection {
  readonly picked: PoolSentence[];
  /** The sentences left for Signals: neither picked nor a repeat of a picked one. */
  readonly rest: PoolSentence[];
}

export function selectNews(candidates: readonly PoolSentence[]): Selection {
  const picked: PoolSentence[] = [];
  let rest = [...candidates];
  let words = 0;
  while (picked.length < BRIEF.newsSentences && rest.length > 0 && (picked.length === 0 || words < BRIEF.newsWords)) {
    let best: { sentence: PoolSentence; score: number } | undefined;
    for (const sentence of rest) {
      const redundancy = Math.max(0, ...picked.map((p) => dot(p.vector, sentence.vector)));
      const score = BRIEF.mmrLambda * newsworthiness(sentence) - (1 - BRIEF.mmrLambda) * redundancy;
      if (best === undefined || score > best.score) best = { sentence, score };
    }
    const chosen = best!.sentence;
    picked.push(chosen);
    words += chosen.words;
    rest = absorbRepeats(chosen, rest.filter((s) => s !== chosen));
  }
  return { picked, rest };
}

/** Removes the sentences that repeat `kept`, adding their summaries to its sources. */
export function absorbRepeats(kept: PoolSentence, others: readonly PoolSentence[]): PoolSentence[] {
  return others.filter((other) => {
    if (kept.vector.size === 0 || dot(kept.vector, other.vector) < BRIEF.sameSentence) return true;
    for (const id of other.summaryIds) if (!kept.summaryIds.includes(id)) kept.summaryIds.push(id);
    return false;
  });
}

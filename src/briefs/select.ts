/**
 * The News: the most central sentences, picked one at a time by maximal marginal relevance
 * (Carbonell & Goldstein 1998): each pick maximises λ·newsworthiness − (1−λ)·likeness to what was
 * already picked, so the second sentence adds a fact instead of restating the first; and a
 * sentence whose weight lies mostly on terms already said (`maxCovered`) is not picked at all. A
 * sentence as alike as `sameSentence` to a picked one is the same fact from another summary: it
 * is not shown again, its summary joins the picked sentence's sources. The picks are then put in
 * reading order: a summary's lead states the event, so leads come first.
 */
import { dot } from '../text/vector.js';
import { newsworthiness, type PoolSentence } from './pool.js';
import { BRIEF } from './tuning.js';

export interface Selection {
  /** In reading order: by place in their summaries (leads first), then in the order picked. */
  readonly picked: PoolSentence[];
  /** The sentences left for Signals: neither picked nor a repeat of a picked one. */
  readonly rest: PoolSentence[];
}

export function selectNews(candidates: readonly PoolSentence[]): Selection {
  const picked: PoolSentence[] = [];
  const said = new Set<string>();
  let rest = [...candidates];
  let words = 0;
  while (picked.length < BRIEF.newsSentences && rest.length > 0 && (picked.length === 0 || words < BRIEF.newsWords)) {
    let best: { sentence: PoolSentence; score: number } | undefined;
    for (const sentence of rest) {
      if (picked.length > 0 && covered(sentence, said) >= BRIEF.maxCovered) continue;
      const redundancy = Math.max(0, ...picked.map((p) => dot(p.vector, sentence.vector)));
      const score = BRIEF.mmrLambda * newsworthiness(sentence) - (1 - BRIEF.mmrLambda) * redundancy;
      if (best === undefined || score > best.score) best = { sentence, score };
    }
    if (best === undefined) break;
    const chosen = best.sentence;
    picked.push(chosen);
    for (const term of chosen.vector.keys()) said.add(term);
    words += chosen.words;
    rest = absorbRepeats(chosen, rest.filter((s) => s !== chosen));
  }
  const order = new Map(picked.map((s, i) => [s, i]));
  return { picked: [...picked].sort((a, b) => a.position - b.position || order.get(a)! - order.get(b)!), rest };
}

/** Removes the sentences that repeat `kept`, adding their summaries to its sources. */
export function absorbRepeats(kept: PoolSentence, others: readonly PoolSentence[]): PoolSentence[] {
  return others.filter((other) => {
    if (kept.vector.size === 0 || dot(kept.vector, other.vector) < BRIEF.sameSentence) return true;
    for (const id of other.summaryIds) if (!kept.summaryIds.includes(id)) kept.summaryIds.push(id);
    return false;
  });
}

/** How much of a sentence's weight lies on terms already said (0 to 1: its vector has unit length). */
function covered(sentence: PoolSentence, said: ReadonlySet<string>): number {
  let sum = 0;
  for (const [term, weight] of sentence.vector) if (said.has(term)) sum += weight * weight;
  return sum;
}

/**
 * The sentences a brief is made of: every sentence of every member, with the summary it came
 * from, a weighted term vector and its centrality in the story. Centrality is the cosine with
 * the story's centroid (the sum of the members' unit vectors, so each summary counts once
 * however long it is), plus a bonus for a summary's first sentence, which in news states the event.
 */
import type { Summary } from '../corpus/summary.js';
import { quotedPhrases } from '../text/clause.js';
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
  /** The summaries that said this (itself and those whose same sentence was merged into it). */
  readonly summaryIds: string[];
}

/** A fragment such as "D-Oregon." is no sentence to show on its own. */
const MIN_WORDS = 4;

export function sentencePool(members: readonly Summary[], stats?: TermStats): PoolSentence[] {
  const raw = members.flatMap((summary, member) =>
    splitSentences(summary.text).map((text, position) => ({ text, summaryId: summary.id, member, position, terms: indexTerms(text) })),
  );
  const weights = stats ?? localStats(raw.map((s) => s.terms));
  const vectors = raw.map((s) => {
    const counts = new Map<string, number>();
    for (const term of s.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    for (const [term, n] of counts) vector.set(term, (1 + Math.log(n)) * idf(weights, term));
    return vector;
  });
  const wholes = members.map(() => new Map<string, number>());
  raw.forEach((s, i) => addInto(wholes[s.member]!, vectors[i]!));
  const centroid = new Map<string, number>();
  for (const whole of wholes) addInto(centroid, normalize(whole));
  const centroidNorm = norm(centroid) || 1;
  return raw.map((s, i) => {
    const vector = normalize(vectors[i]!);
    return {
      text: s.text,
      summaryId: s.summaryId,
      member: s.member,
      position: s.position,
      words: s.text.split(/\s+/).length,
      vector,
      centrality: dot(vector, centroid) / centroidNorm + (s.position === 0 ? BRIEF.leadBonus : 0),
      summaryIds: [s.summaryId],
      quotes: quotedPhrases(s.text).length > 0,
    };
  });
}

/** How fit a sentence is to open The News (or a headline): central, and a fact rather than a quote. */
export function newsworthiness(sentence: PoolSentence): number {
  return sentence.centrality - (sentence.quotes ? BRIEF.quotePenalty : 0);
}

/** Sentences worth showing: whole sentences with content words, or all of them if none is. */
export function showable(pool: readonly PoolSentence[]): PoolSentence[] {
  const good = pool.filter((s) => s.words >= MIN_WORDS && s.vector.size > 0);
  return good.length > 0 ? good : pool.filter((s) => s.text.trim() !== '');
}

/** Term rarity within the story's own sentences, when no index statistics are given. */
function localStats(sentences: readonly (readonly string[])[]): TermStats {
  const counts = new Map<string, number>();
  for (const terms of sentences) for (const term of new Set(terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { size: sentences.length, documentCount: (term) => counts.get(term) ?? 0 };
}

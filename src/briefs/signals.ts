/**
 * Signals: the angles of a story beyond The News. The sentences left after The News are grouped
 * by angle (greedily, most central first: a sentence joins the angle whose first sentence it
 * most resembles, if enough, or opens a new one). The angles with the most central weight
 * (the sum of their sentences' centrality, so an angle several sentences support ranks higher)
 * become Signals, each with one or two sentences, a headline cut from its first sentence, and
 * the outlets of the summaries its sentences came from.
 */
import type { Summary } from '../corpus/summary.js';
import { headlineOf } from '../text/clause.js';
import { dot } from '../text/vector.js';
import { attributionOf } from './attribution.js';
import type { BriefSentence, Signal } from './brief.js';
import type { PoolSentence } from './pool.js';
import { absorbRepeats } from './select.js';
import { BRIEF } from './tuning.js';

/** When no sentence of a signal gives a headline (a first word over 80 characters). */
export const FALLBACK_SIGNAL_HEADLINE = 'Another angle';

interface Angle {
  readonly sentences: PoolSentence[];
  weight: number;
}

export function selectSignals(rest: readonly PoolSentence[], members: readonly Summary[]): Signal[] {
  const angles: Angle[] = [];
  let pool = [...rest].sort(byCentrality).slice(0, BRIEF.signalCandidates);
  while (pool.length > 0) {
    const sentence = pool.shift()!;
    pool = absorbRepeats(sentence, pool);
    let home: { angle: Angle; likeness: number } | undefined;
    for (const angle of angles) {
      const likeness = dot(angle.sentences[0]!.vector, sentence.vector);
      if (likeness >= BRIEF.angleJoin && (home === undefined || likeness > home.likeness)) home = { angle, likeness };
    }
    if (home) {
      home.angle.sentences.push(sentence);
      home.angle.weight += sentence.centrality;
    } else {
      angles.push({ sentences: [sentence], weight: sentence.centrality });
    }
  }
  const byId = new Map(members.map((summary) => [summary.id, summary]));
  return angles
    .map((angle, order) => ({ angle, order }))
    .sort((a, b) => b.angle.weight - a.angle.weight || a.order - b.order)
    .slice(0, BRIEF.signals)
    .map(({ angle }) => toSignal(angle, byId));
}

function toSignal(angle: Angle, members: ReadonlyMap<string, Summary>): Signal {
  const [first, ...others] = angle.sentences as [PoolSentence, ...PoolSentence[]];
  // The second sentence: one from another summary (another voice on the angle) if there is one.
  const second = others.find((s) => !first.summaryIds.includes(s.summaryId)) ?? others[0];
  const chosen = [first, ...(second && BRIEF.signalSentences > 1 ? [second] : [])];
  const sentences: BriefSentence[] = chosen.map((s) => ({ text: s.text, summaryIds: [...s.summaryIds] }));
  const ids = [...new Set(sentences.flatMap((s) => s.summaryIds))];
  const headline = chosen.map((s) => headlineOf(s.text, BRIEF.signalHeadline)).find((h) => h !== '') ?? FALLBACK_SIGNAL_HEADLINE;
  return {
    headline,
    sentences,
    sources: ids.flatMap((id) => {
      const summary = members.get(id);
      return summary ? [attributionOf(summary)] : [];
    }),
  };
}

function byCentrality(a: PoolSentence, b: PoolSentence): number {
  return b.centrality - a.centrality || a.member - b.member || a.position - b.position;
}

/**
 * Signals of an event, built from its angles (issue 13), as on Semafor's page: the story was
 * joined from angle-sized stories (stories/events.ts, stories/angles.ts), and each angle that says
 * something The News does not becomes one Signal, credited to the outlets of that angle:
 * - its insight is the angle's most central sentence among those The News left (the one most
 *   alike to the rest of its angle: its sentences and its titles), then the angle's sentence most
 *   alike to it, as in signals.ts;
 * - its headline is the angle's title that fits it best, else a clause of its sentences;
 * - its sources are the summaries its sentences came from first, then the rest of the angle,
 *   those with a known outlet before those without.
 * Two angles whose insights are as alike as two sentences of one angle (China's "never
 * compromise", told by an angle of two outlets and by another of two unattributed summaries) are
 * one Signal: the second's insight is its second sentence if it has room, and its outlets are
 * credited too. An angle with nothing left to say, or whose headline only echoes The News, gives
 * no Signal. The angles are taken most central insight first, up to BRIEF.signals.
 */
import type { Summary } from '../corpus/summary.js';
import { addInto, dot, norm, type TermVector } from '../text/vector.js';
import type { Signal } from './brief.js';
import { presenceVector, signalHeadline } from './headline.js';
import type { PoolSentence } from './pool.js';
import { FALLBACK_SIGNAL_HEADLINE, inReadingOrder, likenessOf, saysNothingNew, secondSentence, signalCandidates, toSignal, unrepeated, worth } from './signals.js';
import { BRIEF } from './tuning.js';

/** One Signal in the making: its first angle's insight, its sentences, every summary of the angles it stands for, and how many angles. */
interface Draft {
  readonly insight: PoolSentence;
  sentences: PoolSentence[];
  readonly ids: string[];
  angles: number;
}

/**
 * `angles` are the story's member ids by angle; `rest`, `news` and `headline` as for
 * selectSignals (signals.ts).
 */
export function angleSignals(
  angles: readonly (readonly string[])[],
  rest: readonly PoolSentence[],
  members: readonly Summary[],
  news: readonly PoolSentence[],
  headline: string,
): Signal[] {
  const { pool, newsVector, newsTerms } = signalCandidates(rest, news, headline);
  const byId = new Map(members.map((summary) => [summary.id, summary]));
  const drafts: Draft[] = [];
  const insights = angles
    .map((angle) => ({ angle, insight: insightOf(angle, pool, byId) }))
    .filter((found): found is { angle: readonly string[]; insight: PoolSentence } => found.insight !== undefined)
    .sort((a, b) => worth(b.insight) - worth(a.insight));
  for (const { angle, insight } of insights) {
    const own = pool.filter((s) => angle.includes(s.summaryId) && s !== insight);
    const alike = drafts.find((draft) => likenessOf(draft.insight, insight) >= BRIEF.angleApart);
    if (alike !== undefined) {
      // Another angle's voice before the first angle's own second sentence (as in signals.ts).
      if (alike.sentences.length < BRIEF.signalSentences) alike.sentences.push(insight);
      else if (alike.angles === 1 && BRIEF.signalSentences > 1) alike.sentences = [alike.insight, insight];
      alike.ids.push(...angle);
      alike.angles++;
      continue;
    }
    const second = BRIEF.signalSentences > 1 ? secondSentence(insight, own) : undefined;
    drafts.push({ insight, sentences: second === undefined ? [insight] : inReadingOrder(insight, second), ids: [...angle], angles: 1 });
  }

  const taken = [headline];
  const signals: Signal[] = [];
  for (const { sentences, ids } of drafts) {
    if (signals.length >= BRIEF.signals) break;
    const title = signalHeadline(sentences, byId, newsVector, taken, BRIEF.signalHeadline, ids);
    const { title: shownTitle, shown, said } = unrepeated(title, sentences, byId, newsVector, taken, ids);
    if (saysNothingNew(shownTitle, shown, newsTerms)) continue;
    taken.push(shownTitle);
    const signal = toSignal(shownTitle || FALLBACK_SIGNAL_HEADLINE, shown, byId, said, ids);
    // An angle speaks for its outlets: those known first ("SCMP, Politico and source not recorded").
    signals.push({ ...signal, sources: [...signal.sources].sort((a, b) => Number(a.outlet === undefined) - Number(b.outlet === undefined)) });
  }
  return signals;
}

/**
 * The angle's most central sentence that stands alone, among those left for Signals: the one
 * most alike to the rest of its angle (its other sentences and its members' titles, which say
 * what the angle is about); undefined when the angle has none left.
 */
function insightOf(angle: readonly string[], pool: readonly PoolSentence[], members: ReadonlyMap<string, Summary>): PoolSentence | undefined {
  const own = pool.filter((s) => angle.includes(s.summaryId));
  const whole = new Map<string, number>();
  for (const sentence of own) addInto(whole, sentence.vector);
  for (const id of angle) {
    const title = members.get(id)?.title;
    if (title !== undefined) addInto(whole, presenceVector(title));
  }
  let best: { sentence: PoolSentence; score: number } | undefined;
  for (const sentence of own) {
    if (sentence.dangling) continue;
    const score = leaveOneOut(whole, sentence.vector) + worth(sentence);
    if (best === undefined || score > best.score) best = { sentence, score };
  }
  return best?.sentence;
}

/** The cosine of a unit vector with a sum it is part of, less itself: how much the others say it. */
function leaveOneOut(sum: TermVector, vector: TermVector): number {
  const others = new Map(sum);
  for (const [term, weight] of vector) others.set(term, (others.get(term) ?? 0) - weight);
  const length = norm(others);
  return length > 1e-9 ? dot(vector, others) / length : 0;
}

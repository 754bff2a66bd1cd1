/**
 * Every tunable constant of briefs, in one place. Tuned on ../shared/eval/allsides/dev only
 * (ROUGE of The News against the roundups, `npm run eval -- ../shared/eval/allsides/dev`) and on
 * reading the seed story's brief; neus_mds and allsides/test are checks.
 */
export const BRIEF = {
  /** The News holds at most this many sentences … */
  newsSentences: 3,
  /** … and stops adding once it has this many words (it always has one sentence). */
  newsWords: 60,
  /**
   * A summary's first sentence usually states the event (news writing puts it first): its
   * centrality gets this bonus, in cosine units.
   */
  leadBonus: 0.1,
  /**
   * The News is facts; a sentence that quotes someone is a voice, better placed in Signals. Its
   * centrality counts this much less when The News is picked (in cosine units).
   */
  quotePenalty: 0.15,
  /** MMR trade-off: 1 picks by centrality alone, 0 by novelty alone. */
  mmrLambda: 0.7,
  /** Two sentences this alike (cosine) say the same thing: one is kept, it names both summaries. */
  sameSentence: 0.55,
  /** A sentence joins an angle (a Signal) when this alike to the angle's first sentence. */
  angleJoin: 0.2,
  /**
   * Signals are drawn from this many of the most central sentences left after The News, so that
   * a story of thousands of summaries is briefed in bounded time (grouping is quadratic).
   */
  signalCandidates: 300,
  /** At most this many Signals. */
  signals: 4,
  /** A Signal holds one or two sentences. */
  signalSentences: 2,
  /** A signal's headline is at most this many characters. */
  signalHeadline: 80,
} as const;

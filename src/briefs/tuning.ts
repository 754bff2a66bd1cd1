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
  leadBonus: 0.05,
  /**
   * How much a sentence's own summary counts in the centroid it is measured against (the others
   * count 1): at 0.5 a sentence is central when the other outlets say it too.
   */
  ownWeight: 0.5,
  /**
   * The News is facts; a sentence that quotes someone is a voice, better placed in Signals. Its
   * centrality counts this much less when The News is picked (in cosine units).
   */
  quotePenalty: 0.15,
  /** The same for a sentence that reports a position without quoting it ("officials emphasized …"). */
  reportPenalty: 0.05,
  /** A sentence that cannot stand alone ("It would …", "But …", cut off "…") counts this much less. */
  danglingPenalty: 0.1,
  /** MMR trade-off: 1 picks by centrality alone, 0 by novelty alone. */
  mmrLambda: 0.85,
  /** A sentence with this share of its weight (squared) on terms The News already has adds nothing. */
  maxCovered: 0.4,
  /** Two sentences this alike (cosine) say the same thing: one is kept, it names both summaries. */
  sameSentence: 0.55,
  /**
   * A sentence this alike (cosine) to The News as a whole (the sum of its sentences) only echoes
   * it: it is not a Signal. Lower than `sameSentence`: a Signal must add an angle, not a rewording.
   */
  echo: 0.33,
  /** A sentence opens an angle (a Signal) only when less alike than this to every angle's first sentence … */
  angleApart: 0.25,
  /** … and its likeness to them counts this much against its centrality (MMR). */
  angleNovelty: 0.5,
  /** A sentence joins an angle as its second when at least this alike to the angle's first. */
  angleJoin: 0.15,
  /** A second sentence from another summary (another voice) counts this much more likeness. */
  otherVoice: 0.05,
  /** Two sentences that quote the same words ("never compromise") are this much more alike. */
  sharedQuote: 0.3,
  /** A Signal whose headline has at least this share of its terms in The News only echoes it. */
  headlineEcho: 0.75,
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
  /**
   * A headline that opens a sentence and has this share of its words repeats it (signals.ts):
   * on allsides/test 60 of 503 Signal headlines did, 183 of 782 on neus_mds.
   */
  headlineRepeat: 0.8,
  /** A story's title is chosen by its likeness to this many of its most newsworthy sentences. */
  headlineNews: 3,
  /** A headline cut from sentences considers this many of the most central ones. */
  headlineSentences: 5,
  /**
   * How much centrality weighs against headline quality when choosing the sentence to cut a
   * headline from: points of headline score per unit of centrality given up.
   */
  headlineCentrality: 10,
  /** A summary's title heads a Signal when its terms are this alike (cosine) to the signal's text. */
  titleFit: 0.1,
} as const;

/** A brief, in the shape of Semafor's "Signals" page (DESIGN.md "Briefs"). Extractive: every sentence is a summary's. */

/** Where a sentence or a signal comes from: one summary, and what is known of its outlet. */
export interface Attribution {
  readonly summaryId: string;
  /** Absent when the data does not record the outlet: shown as "source not recorded". */
  readonly outlet?: string;
  readonly url?: string;
  readonly published?: number;
  /** True when only the day of `published` is known. */
  readonly dateOnly?: boolean;
}

export interface BriefSentence {
  readonly text: string;
  /** The summaries this sentence came from (one, or several that said the same). */
  readonly summaryIds: readonly string[];
}

export interface Signal {
  /** At most 80 characters, never cut mid-word. */
  readonly headline: string;
  /** One or two sentences. */
  readonly sentences: readonly BriefSentence[];
  /** The outlets of the summaries its sentences came from. */
  readonly sources: readonly Attribution[];
}

export interface Brief {
  readonly storyId: string;
  readonly headline: string;
  /** "Insights from …": the story's distinct known outlets. */
  readonly outlets: readonly string[];
  /** True when some member has no recorded outlet. */
  readonly hasUnattributed: boolean;
  /** The latest date among the members, ms since the epoch. */
  readonly latest?: number;
  /** The News: one to three sentences. */
  readonly news: readonly BriefSentence[];
  /** Up to four distinct angles; empty for a story of one summary. */
  readonly signals: readonly Signal[];
  /** One attribution per member summary, for "Sources" lists and links. */
  readonly sources: readonly Attribution[];
}

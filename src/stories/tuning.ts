/**
 * Every tunable constant of story grouping and story ranking, in one place. They were tuned on
 * ../shared/eval/allsides/dev only (npm run eval -- ../shared/eval/allsides/dev); the other eval
 * folders are checks and were not used to choose these values.
 */
export const GROUPING = {
  /**
   * Cosine similarity between a summary and a story's centroid (both weighted term vectors) at or
   * above which the summary joins the story. Lower merges more (recall), higher splits more.
   */
  joinThreshold: 0.22,
  /**
   * A term that is part of a name (see names.ts) weighs this many times an ordinary word. On
   * allsides/dev every boost above 1 lowered F1 (B-cubed F1 0.791 at 1.0, 0.785 at 1.1, 0.784 at
   * 1.2, 0.772 at 1.4): there, names such as "Biden" or "Taliban" mark a topic that runs for
   * weeks, not one event. So names count as the words they are; the knob stays for other data.
   */
  nameBoost: 1,
  /** Title words count this many times a text word (at least 1): a title states what the summary is about. */
  titleWeight: 3,
  /** How many of a summary's most telling terms query the index for candidate stories. */
  queryTerms: 5,
  /**
   * Terms found in more than this many summaries are not used to query for candidates (they
   * still count in the similarity). Keeps a query's cost bounded as the collection grows; on
   * allsides/dev (962 summaries) it changes nothing.
   */
  queryMaxDocs: 150,
  /** How many similar summaries the index returns; their stories are the candidates. */
  candidates: 20,
  /** How many terms a story lists as its top terms. */
  topTerms: 8,
} as const;

export type GroupingTuning = { -readonly [K in keyof typeof GROUPING]: number };

export const RANKING = {
  /**
   * A story's rank among search results is best × (1 + coverageBoost × ln(outlets)), where best
   * is the relevance of its best-matching member and outlets the number of distinct known outlets
   * (at least 1). With 0.25, a story covered by three outlets ranks 27% above a one-outlet story
   * whose best member matched as well: coverage breaks near-ties, it does not beat relevance.
   */
  coverageBoost: 0.25,
} as const;

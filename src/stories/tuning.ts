/**
 * Every tunable constant of story grouping and story ranking, in one place. They were tuned on
 * ../shared/eval/allsides/dev only (npm run eval -- ../shared/eval/allsides/dev); the other eval
 * folders are checks and were not used to choose these values.
 */
export const GROUPING = {
  /** Title words count this many times a text word (at least 1): a title states what the summary is about. */
  titleWeight: 3,
  /** How many of a summary's most telling terms query the index for candidate stories. */
  queryTerms: 8,
  /**
   * Terms found in more than this many summaries within the summary's window (an undated
   * summary's: in the whole collection) are not used to query for candidates (they still count in
   * the similarity). Keeps a query's cost bounded as the collection grows; on allsides/dev (962
   * summaries) it changes nothing. Counted in the window rather than in the whole collection
   * (clusters.ts), so that a week's telling words still tell after months: measured on the
   * grouping benchmark's 100,000 (npm run bench -- grouping), B-cubed F1 0.379 with 150 in the
   * whole collection, 0.743 with 150 in the window (the six eval folders: the same F1 either way).
   */
  queryMaxWindowDocs: 150,
  /**
   * How many similar summaries the index returns; their stories are the candidates. 12 rather
   * than 20: B-cubed F1 on allsides/dev 0.843 (0.841 with 20), and on the checks allsides/test
   * 0.832 (0.825), basil, wcep2015 and neus_mds the same, uci 0.725 (0.729); the grouping
   * benchmark's 100,000 0.746 (0.743), judging 38% fewer candidate stories (1.37 million, not
   * 2.19, in the 100,000 cold build).
   */
  candidates: 12,
  /**
   * How many times a batch is placed (grouper.ts): once in canonical order, then again so that a
   * summary met early is judged against all the rest, then once more so that it follows where the
   * others moved. After two placings a summary may be left where it would no longer go (seed 000
   * line 5 stayed with line 1 and a 2015 summary of Xi's Seattle visit, while it scores higher
   * with line 9); a third settles most of these. On allsides/dev F1 is the same with 2, 3 or 5
   * placings (0.845, 0.845, 0.846): placing does not converge everywhere (about 40 of 962
   * summaries keep moving between two stories), so more placings cost time and buy nothing.
   */
  placings: 3,
  /** How many terms a story lists as its top terms. */
  topTerms: 8,
  /**
   * A summary with at most this many distinct terms is a headline, not a paragraph (match.ts):
   * headlines have about ten, AllSides paragraphs about sixty.
   */
  shortTerms: 20,
  /**
   * Two stories join into one event (events.ts) when the cosine of their summed members reaches
   * `eventJoin` (for stories told in headlines only: `eventJoinShort` + `eventJoinSmall` / the
   * smaller one's size, a size prior), or `eventCueJoin` when
   * they quote the same words (quoted by at most `eventQuoteMaxDocs` summaries: words quoted by
   * more are a topic's slogan) or say their meeting was held in the same place. On allsides/dev
   * wording alone joins nothing it should at any likeness (F1 0.845 without joining, 0.844 from
   * 0.7, 0.839 from 0.55): two AllSides stories of one topic are as alike as two angles of one
   * event. eventCueJoin is the largest likeness at which the seed event forms (0.25: 0.840 on
   * allsides/dev; 0.3 keeps China's "never compromise" apart); the headline values have the best
   * mean F1 on allsides/dev told in headlines and on uci-full's first day (npm run tune-events).
   * 2 turns a kind of joining off.
   */
  eventJoin: 2,
  eventJoinShort: 0.05,
  eventJoinSmall: 0.4,
  eventCueJoin: 0.25,
  eventQuoteMaxDocs: 3,
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

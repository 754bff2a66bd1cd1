/** A story: the summaries about one event, grouped automatically. */

export interface Story {
  /** Stable: the same members give the same id, across restarts. */
  readonly id: string;
  /** Member summary ids, oldest first (undated ones in load order). */
  readonly memberIds: readonly string[];
  /** Distinct known outlets, in order of first appearance. */
  readonly outlets: readonly string[];
  /** How many members have no recorded outlet. */
  readonly unattributed: number;
  /** Earliest and latest member dates, ms since the epoch; absent when no member is dated. */
  readonly first?: number;
  readonly last?: number;
  readonly headline: string;
  /** The story's most telling terms, most telling first. */
  readonly topTerms: readonly string[];
  /**
   * For a story joined from several angle-sized stories into one event (events.ts): its member
   * ids by angle, each in member order. Absent for a story of one angle.
   */
  readonly angles?: readonly (readonly string[])[];
}

/**
 * The seam between App Home and the stored digests and follows, as digest-commands.ts is for
 * `/news digest`: the listeners decide who may do what (views/home-rows.ts) and what to show; an
 * implementation of this (./home/controls.ts) reads and changes the store. Without one, App Home
 * shows the stories and the help only.
 */
import type { webApi } from '@slack/bolt';
import type { RowRef } from './button-value.js';
import type { HomeRow } from './views/home-rows.js';

export type ResumeOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface HomeControls {
  /** Every digest and follow of the workspace, paused ones included, by channel. */
  homeRows(teamId: string | undefined, now: number): Promise<HomeRow[]>;
  /** One row of the workspace as stored now; undefined when it is gone (or another workspace's: a forged button). */
  row(ref: RowRef, teamId: string | undefined, now: number): Promise<HomeRow | undefined>;
  /** Paused by this person (the reason says who); false when it was gone. */
  pause(row: HomeRow, userId: string, now: number): Promise<boolean>;
  /**
   * On again once Tidings can post in the channel (asked first, with `client`); the refusal
   * (Tidings' own mrkdwn) says what to do when it cannot.
   */
  resume(row: HomeRow, client: webApi.WebClient, now: number): Promise<ResumeOutcome>;
  /** Deleted for good; false when it was gone. */
  remove(row: HomeRow): Promise<boolean>;
}

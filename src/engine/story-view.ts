/**
 * A story as one workspace sees it (issue 16). One engine holds and groups every workspace's
 * summaries (memory does not grow with workspaces), but a workspace sees the shared summaries and
 * its own only (Summary.teamId): a story is shown to it only if it holds a member it may see, and
 * then as if the others were not there: its members, outlets, counts, dates, headline, top terms
 * and angles are of the visible members alone (and so its brief, built from them).
 *
 * The view keeps the story's id, so that a button or a message naming it finds it again; a story
 * with a private member never has the id of one without (an id hashes every member), and its
 * brief is kept per workspace (engine.ts), so one workspace is never given another's brief.
 *
 * What the grouping still shows: a private summary can bridge two shared ones into one story in
 * another workspace's view (structure only, never a word, an outlet or a link of it).
 */
import type { Summary } from '../corpus/summary.js';
import { describeGroup } from '../stories/describe.js';
import type { Story } from '../stories/story.js';
import type { TermStats } from '../text/vector.js';

/** Who is asking: the workspace of the Slack user or channel. Absent: shared summaries only (the CLI, eval, bench). */
export interface Viewer {
  readonly teamId?: string;
}

/** Whether a workspace may see a summary: shared ones, and its own. */
export function visibleTo(summary: Summary, teamId: string | undefined): boolean {
  return summary.teamId === undefined || summary.teamId === teamId;
}

export interface SeenStory {
  readonly story: Story;
  /** The members it may see, in the story's member order. */
  readonly members: readonly Summary[];
  /** False when it sees every member: the story is the grouper's own (its brief is everyone's). */
  readonly partial: boolean;
}

/** The story as `teamId` sees it; undefined when it may see no member. `members`: all of the story's, in member order. */
export function seenBy(story: Story, members: readonly Summary[], teamId: string | undefined, stats: TermStats): SeenStory | undefined {
  const visible = members.filter((member) => visibleTo(member, teamId));
  if (visible.length === members.length) return { story, members, partial: false };
  if (visible.length === 0) return undefined;
  return { story: partialStory(story, visible, stats), members: visible, partial: true };
}

/**
 * The Story of the visible members under the story's id. Described as any group of summaries is
 * (headline and top terms still worked out only when read); its angles are the story's, cut to
 * the visible members (an angle left empty is gone; one left alone is no angle at all).
 */
function partialStory(story: Story, visible: readonly Summary[], stats: TermStats): Story {
  const seen = describeGroup(visible, stats);
  const ids = new Set(seen.memberIds);
  let angles: readonly (readonly string[])[] | undefined | null = null;
  return {
    id: story.id,
    memberIds: seen.memberIds,
    outlets: seen.outlets,
    unattributed: seen.unattributed,
    ...(seen.first !== undefined && { first: seen.first, last: seen.last }),
    get headline() {
      return seen.headline;
    },
    get topTerms() {
      return seen.topTerms;
    },
    get angles() {
      if (angles === null) {
        const cut = (story.angles ?? []).map((angle) => angle.filter((id) => ids.has(id))).filter((angle) => angle.length > 0);
        angles = cut.length > 1 ? cut : undefined;
      }
      return angles;
    },
  };
}

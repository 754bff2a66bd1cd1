/**
 * App Home: a notice after a button (when there is one), the latest top stories, the workspace's
 * digests and follows (./home-channels.ts, made to fit a budget of their own) and how to use Tidings.
 */
import type { types } from '@slack/bolt';
import type { StoryResult } from '../../engine/types.js';
import { LIMITS } from '../limits.js';
import { truncate } from '../../text/truncate.js';
import { context, divider, header, section, type Block } from './blocks.js';
import { fitGroups } from './fit.js';
import { helpBlocks } from './help.js';
import { storyCard } from './story-card.js';

const HOME_NEWS = 500;

export interface HomeInput {
  readonly stories: readonly StoryResult[];
  /** What the stories are, raw text: "Top stories of the last day". */
  readonly storiesLabel: string;
  /** Blocks shown under the stories, within a budget of their own (the digests and follows). */
  readonly rows?: readonly Block[];
  /** What became of a button pressed (Tidings' own mrkdwn): shown first. */
  readonly notice?: string;
}

export function homeView({ stories, storiesLabel, rows = [], notice }: HomeInput): types.HomeView {
  const head: Block[] = [
    header('home-title', 'Tidings'),
    ...(notice === undefined ? [] : [section('home-notice', truncate(notice, LIMITS.sectionText))]),
    section('home-intro', 'News briefings: ask a question and get the matching stories, who reports them, and a short brief.'),
    header('home-stories-title', storiesLabel, 'Top stories'),
  ];
  if (stories.length === 0) head.push(section('home-no-stories', 'No stories to show yet.'));
  const groups = stories.map((result, i) => [...storyCard(result, i, [], HOME_NEWS), divider()]);
  const tail: Block[] = [divider(), ...rows, ...helpBlocks('home-help')];
  const fitted = fitGroups(head, groups, () => tail, (dropped) => context('home-trimmed', `${dropped} more stories: ask with /news to see them.`), {
    maxBlocks: LIMITS.viewBlocks,
  });
  return { type: 'home', blocks: fitted.blocks };
}

/** App Home: the latest top stories and how to use Tidings (and, once digests exist, a section of theirs). */
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
  /** Extra sections (already mrkdwn) shown under the stories, e.g. the workspace's digests. */
  readonly extra?: readonly string[];
}

export function homeView({ stories, storiesLabel, extra = [] }: HomeInput): types.HomeView {
  const head: Block[] = [
    header('home-title', 'Tidings'),
    section('home-intro', 'News briefings: ask a question and get the matching stories, who reports them, and a short brief.'),
    header('home-stories-title', storiesLabel, 'Top stories'),
  ];
  if (stories.length === 0) head.push(section('home-no-stories', 'No stories to show yet.'));
  const groups = stories.map((result, i) => [...storyCard(result, i, [], HOME_NEWS), divider()]);
  const tail: Block[] = [
    // Extra sections are mrkdwn made elsewhere: only cut to fit here (no data to escape).
    ...extra.filter((text) => text.trim() !== '').slice(0, 5).map((text, i) => section(`home-extra-${i}`, truncate(text, LIMITS.sectionText))),
    ...helpBlocks('home-help'),
  ];
  const fitted = fitGroups(head, groups, () => tail, (dropped) => context('home-trimmed', `${dropped} more stories: ask with /news to see them.`), {
    maxBlocks: LIMITS.viewBlocks,
  });
  return { type: 'home', blocks: fitted.blocks };
}

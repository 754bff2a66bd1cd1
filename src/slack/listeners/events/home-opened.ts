/**
 * App Home: the top stories of the last day, or of the last week, or the latest in the collection
 * when nothing is that recent, and how to use Tidings.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { StoryResult } from '../../../engine/types.js';
import { homeView } from '../../views/home.js';
import { homeApologyView } from '../../views/notes.js';
import type { ListenerDeps } from '../deps.js';
import { handleRequest } from '../request.js';
import { publishHome } from '../../send.js';

const DAY = 86_400_000;
const HOME_STORIES = 5;

const WINDOWS = [
  { label: 'Top stories of the last day', span: DAY },
  { label: 'Top stories of the last week', span: 7 * DAY },
  { label: 'Latest top stories', span: Number.POSITIVE_INFINITY },
] as const;

export function homeStories(deps: ListenerDeps, timeZone: string | undefined): { label: string; stories: StoryResult[] } {
  const now = deps.clock();
  for (const { label, span } of WINDOWS) {
    const since = Number.isFinite(span) ? now - span : 0;
    const stories = deps.engine.topStories({ now, since, limit: HOME_STORIES, ...(timeZone !== undefined && { timeZone }) });
    if (stories.length > 0) return { label, stories };
  }
  return { label: WINDOWS[0].label, stories: [] };
}

export function homeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    // The event also fires for the Messages tab, which has nothing to publish.
    if (event.tab !== 'home') return;
    await handleRequest(
      deps,
      { kind: 'home', ...(body.team_id !== undefined && { team: body.team_id }) },
      async () => {
        const timeZone = await deps.timeZoneOf(client, event.user);
        const { label, stories } = homeStories(deps, timeZone);
        const digests = await deps.digestCommands?.homeSection?.(body.team_id, event.user);
        await publishHome(client, event.user, homeView({ stories, storiesLabel: label, ...(digests !== undefined && { extra: [digests] }) }));
        return stories.length;
      },
      (reference) => publishHome(client, event.user, homeApologyView(reference)),
    );
  };
}

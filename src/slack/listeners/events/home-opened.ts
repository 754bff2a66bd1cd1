/**
 * App Home: the top stories of the last day, or of the last week, or the latest in the collection
 * when nothing is that recent, the workspace's digests and follows with the buttons the person may
 * press, and how to use Tidings.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import type { StoryResult } from '../../../engine/types.js';
import { homeChannelsBlocks } from '../../views/home-channels.js';
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

/** As the person's workspace sees them (`teamId`; none: the shared news only). */
export function homeStories(deps: ListenerDeps, timeZone: string | undefined, teamId: string | undefined): { label: string; stories: StoryResult[] } {
  const now = deps.clock();
  for (const { label, span } of WINDOWS) {
    const since = Number.isFinite(span) ? now - span : 0;
    const stories = deps.engine.topStories({ now, since, limit: HOME_STORIES, ...(timeZone !== undefined && { timeZone }), ...(teamId !== undefined && { teamId }) });
    if (stories.length > 0) return { label, stories };
  }
  return { label: WINDOWS[0].label, stories: [] };
}

/**
 * Publishes App Home for one person, with `notice` (Tidings' own mrkdwn) first when a button's
 * outcome is to be told; the number of stories shown.
 */
export async function publishHomeFor(deps: ListenerDeps, client: webApi.WebClient, userId: string, teamId: string | undefined, notice?: string): Promise<number> {
  const timeZone = await deps.timeZoneOf(client, userId);
  const { label, stories } = homeStories(deps, timeZone, teamId);
  let rows;
  if (deps.homeControls !== undefined) {
    const [all, isAdmin] = await Promise.all([deps.homeControls.homeRows(teamId, deps.clock()), deps.isAdmin(client, userId)]);
    rows = homeChannelsBlocks(all, { userId, isAdmin });
  }
  await publishHome(client, userId, homeView({ stories, storiesLabel: label, ...(rows !== undefined && { rows }), ...(notice !== undefined && { notice }) }));
  return stories.length;
}

export function homeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    // The event also fires for the Messages tab, which has nothing to publish.
    if (event.tab !== 'home') return;
    await handleRequest(
      deps,
      { kind: 'home', ...(body.team_id !== undefined && { team: body.team_id }) },
      () => publishHomeFor(deps, client, event.user, body.team_id),
      (reference) => publishHome(client, event.user, homeApologyView(reference)),
    );
  };
}

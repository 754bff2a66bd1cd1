/**
 * Share in channel: the story's full brief posted for everyone in the channel, with who shared
 * it, and recorded so that it grows in place (../../follow/grown-messages.ts). When Slack will not
 * let Tidings post there, the person is told why and what to do.
 */
import type { StoryResult } from '../../../engine/types.js';
import { saidOf } from '../../../follow/growth.js';
import { storyKeyOf } from '../../../follow/match.js';
import { slackRefusal } from '../../slack-errors.js';
import { sharedBriefView } from '../../views/brief.js';
import { NOTES, noteView } from '../../views/notes.js';
import type { ListenerDeps } from '../deps.js';
import { ephemeralReply, postMessage } from '../../send.js';
import { buttonListener, channelOf, findStory } from './button.js';

/** Slack's refusals that the person can do something about, and what to tell them. */
const REFUSALS: Readonly<Record<string, string>> = {
  not_in_channel: NOTES.notInChannel,
  channel_not_found: NOTES.notInChannel,
  is_archived: NOTES.archived,
  restricted_action: NOTES.restricted,
  restricted_action_read_only_channel: NOTES.restricted,
  restricted_action_thread_only_channel: NOTES.restricted,
  restricted_action_non_threadable_channel: NOTES.restricted,
};

export function shareAction(deps: ListenerDeps) {
  return buttonListener(deps, 'share', async (args, value) => {
    const result = findStory(deps, value, args.body);
    const channel = channelOf(args.body);
    if (result === undefined || channel === undefined) {
      await args.respond(ephemeralReply(noteView(NOTES.storyGone)));
      return 0;
    }
    try {
      const response = await postMessage(args.client, { channel }, sharedBriefView(result, args.body.user.id));
      await remember(deps, args.body.team?.id ?? '', channel, response.ts, args.body.user.id, result);
      return 1;
    } catch (error) {
      const note = REFUSALS[slackRefusal(error) ?? ''];
      if (note === undefined) throw error;
      await args.respond(ephemeralReply(noteView(note)));
      return 0;
    }
  });
}

/**
 * Stores which story the shared message shows, so that it grows in place as outlets join. The
 * brief is out already: a store that fails costs its growing, not the share, so it is logged.
 */
async function remember(deps: ListenerDeps, teamId: string, channelId: string, ts: string | undefined, sharedBy: string, result: StoryResult): Promise<void> {
  if (deps.storyMessages === undefined || ts === undefined || ts === '') return;
  try {
    const { story, brief } = result;
    const said = saidOf(brief.outlets, brief.signals);
    await deps.storyMessages.recordShare({ teamId, channelId, ts, sharedBy, at: deps.clock(), story: { storyKey: storyKeyOf(story), members: [...story.memberIds], outlets: [...story.outlets], said } });
  } catch (error) {
    deps.logger.warn({ err: error, channelId, ts }, 'shared brief posted, but not recorded: it will not grow in place');
  }
}

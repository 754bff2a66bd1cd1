/**
 * Share in channel: the story's full brief posted for everyone in the channel, with who shared
 * it. When Slack will not let Tidings post there, the person is told why and what to do.
 */
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
    const result = findStory(deps, value);
    const channel = channelOf(args.body);
    if (result === undefined || channel === undefined) {
      await args.respond(ephemeralReply(noteView(NOTES.storyGone)));
      return 0;
    }
    try {
      await postMessage(args.client, { channel }, sharedBriefView(result, args.body.user.id));
      return 1;
    } catch (error) {
      const note = REFUSALS[slackRefusal(error) ?? ''];
      if (note === undefined) throw error;
      await args.respond(ephemeralReply(noteView(note)));
      return 0;
    }
  });
}

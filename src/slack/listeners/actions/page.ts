/** More stories and Back to stories: the question asked again at a page, in place of the reply. */
import { NOTES, noteView } from '../../views/notes.js';
import { answerQuestion } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { ephemeralReply } from '../../send.js';
import { buttonListener, showInPlace } from './button.js';

export function pageAction(deps: ListenerDeps, kind: 'more' | 'back') {
  return buttonListener(deps, kind, async (args, value) => {
    if (value.question === undefined) {
      await args.respond(ephemeralReply(noteView(NOTES.badButton)));
      return 0;
    }
    const timeZone = await deps.timeZoneOf(args.client, args.body.user.id);
    const { message, results } = answerQuestion(deps, value.question, value.where, {
      offset: value.offset ?? 0,
      ...(timeZone !== undefined && { timeZone }),
      ...(args.body.team?.id !== undefined && { teamId: args.body.team.id }),
    });
    await showInPlace(args, value.where, message);
    return results;
  });
}

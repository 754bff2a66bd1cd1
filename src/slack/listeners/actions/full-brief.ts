/** Full brief: the story's whole brief in place of the short answer, with Back to the same page. */
import { fullBriefView } from '../../views/brief.js';
import { NOTES, noteView } from '../../views/notes.js';
import type { ListenerDeps } from '../deps.js';
import { ephemeralReply } from '../../send.js';
import { buttonListener, findStory, showInPlace } from './button.js';

export function fullBriefAction(deps: ListenerDeps) {
  return buttonListener(deps, 'full_brief', async (args, value) => {
    const result = findStory(deps, value, args.body);
    if (result === undefined) {
      await args.respond(ephemeralReply(noteView(NOTES.storyGone)));
      return 0;
    }
    const back = value.question !== undefined && value.where !== 'digest' ? { question: value.question, offset: value.offset ?? 0 } : undefined;
    await showInPlace(args, value.where, fullBriefView(result, { where: value.where, ...(back !== undefined && { back }) }));
    return 1;
  });
}

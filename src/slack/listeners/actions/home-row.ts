/**
 * App Home's row buttons: Pause, Resume and Remove of a digest or follow. The button says which
 * row; whether the presser may act is asked again here (the row as stored now, the presser's
 * admin status from Slack), never taken from the button. App Home is then published again, with
 * what became of the press first.
 */
import type { RowAction } from '../../views/home-rows.js';
import { refusalOf } from '../../views/home-rows.js';
import { decodeButtonValue } from '../../button-value.js';
import { HOME_BAD_BUTTON, homeDoneNotice, homeRefusalNotice, homeResumeRefusedNotice } from '../../views/home-notices.js';
import { homeApologyView } from '../../views/notes.js';
import { publishHome } from '../../send.js';
import type { ListenerDeps } from '../deps.js';
import { publishHomeFor } from '../events/home-opened.js';
import { handleRequest } from '../request.js';
import type { ButtonArgs } from './button.js';

export function homeRowAction(deps: ListenerDeps, action: RowAction) {
  return async ({ ack, body, action: pressed, client }: ButtonArgs): Promise<void> => {
    await ack();
    const userId = body.user.id;
    const teamId = body.team?.id;
    await handleRequest(
      deps,
      { kind: `action:home_${action}`, ...(teamId !== undefined && { team: teamId }) },
      async () => {
        const controls = deps.homeControls;
        const ref = decodeButtonValue(pressed.value)?.row;
        if (controls === undefined || ref === undefined) return publishHomeFor(deps, client, userId, teamId, HOME_BAD_BUTTON);
        const now = deps.clock();
        const [row, isAdmin] = await Promise.all([controls.row(ref, teamId, now), deps.isAdmin(client, userId)]);
        const refusal = refusalOf(row, action, { userId, isAdmin });
        let notice: string;
        if (refusal !== undefined || row === undefined) {
          notice = homeRefusalNotice(ref, action, refusal ?? 'gone');
          deps.logger.info({ user: userId, row: ref, action, refusal }, 'App Home button refused');
        } else if (action === 'resume') {
          const outcome = await controls.resume(row, client, now);
          notice = outcome.ok ? homeDoneNotice(ref, action) : homeResumeRefusedNotice(ref, outcome.reason);
        } else {
          // Gone between the look and the change: the same outcome for the presser.
          const done = action === 'pause' ? await controls.pause(row, userId, now) : await controls.remove(row);
          notice = done ? homeDoneNotice(ref, action) : homeRefusalNotice(ref, action, 'gone');
        }
        return publishHomeFor(deps, client, userId, teamId, notice);
      },
      (failure) => publishHome(client, userId, homeApologyView(failure)),
    );
  };
}

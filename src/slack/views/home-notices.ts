/**
 * What App Home says first after one of its row buttons: what was done, or why nothing was.
 * Pure; ids are the database's digits and reasons are Tidings' own (escaped where they quote).
 */
import type { RowRef } from '../button-value.js';
import type { Refusal, RowAction } from './home-rows.js';

const NOUN = { digest: 'Digest', follow: 'Follow' } as const;

function name(ref: RowRef): string {
  return `${NOUN[ref.kind]} ${ref.id.replace(/\D/g, '')}`;
}

export function homeDoneNotice(ref: RowRef, action: RowAction): string {
  switch (action) {
    case 'pause':
      return `:double_vertical_bar: ${name(ref)} is paused: nothing is posted for it until it is resumed.`;
    case 'resume':
      return `:white_check_mark: ${name(ref)} is on again.${ref.kind === 'follow' ? ' Only stories that break from now on are posted.' : ''}`;
    case 'remove':
      return `:wastebasket: ${name(ref)} is removed.`;
  }
}

export function homeRefusalNotice(ref: RowRef, action: RowAction, refusal: Refusal): string {
  switch (refusal) {
    case 'gone':
      return `:warning: ${name(ref)} is no longer there: someone removed it. Here is the list as it is now.`;
    case 'not allowed':
      return `:no_entry: Only whoever set up ${name(ref)}, or a workspace admin, may ${action === 'remove' ? 'remove' : action} it. Nothing was changed.`;
    case 'already':
      return action === 'pause' ? `${name(ref)} is paused already: nothing to do.` : `${name(ref)} is not paused: it runs already.`;
  }
}

/** A resume Tidings could not make: the channel check's words (already mrkdwn) after the name. */
export function homeResumeRefusedNotice(ref: RowRef, reason: string): string {
  return `:warning: ${name(ref)} stays paused. ${reason}`;
}

export const HOME_BAD_BUTTON = 'That button is from an older App Home. Here is the list as it is now.';

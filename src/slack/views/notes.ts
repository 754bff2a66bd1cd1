/** Short messages: the apology with a reference, and the notes Tidings sends instead of an answer. */
import type { types } from '@slack/bolt';
import { context, header, section, type SlackMessage } from './blocks.js';

/** A reference is made by Tidings (never from data); keep it to the characters it is made of. */
function safeReference(reference: string): string {
  return reference.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'unknown';
}

/** What went wrong, for the person: an error (with the reference logged), or a start still under way. */
export type Failure = { readonly reference: string } | { readonly starting: true };

const APOLOGY = 'Sorry, something went wrong on my side and I could not answer.';

/** The apology for an error (with its reference), or the note that Tidings is still starting. */
export function apologyView(failure: Failure | string): SlackMessage {
  if (typeof failure !== 'string' && 'starting' in failure) return noteView(NOTES.starting, 'starting');
  const ref = safeReference(typeof failure === 'string' ? failure : failure.reference);
  return {
    text: `${APOLOGY} (reference ${ref})`,
    blocks: [section('apology', `${APOLOGY} Please try again in a moment.`), context('apology-ref', `If it keeps happening, give this reference to whoever runs Tidings: \`${ref}\``)],
  };
}

export function homeApologyView(failure: Failure | string): types.HomeView {
  return { type: 'home', blocks: [header('home-title', 'Tidings'), ...apologyView(failure).blocks] };
}

/** A one-line note. `mrkdwn` is Tidings' own text: whatever comes from data must be escaped first. */
export function noteView(mrkdwn: string, blockId = 'note'): SlackMessage {
  return { text: mrkdwn, blocks: [section(blockId, mrkdwn)] };
}

export const NOTES = {
  starting: 'Tidings is starting; ask again in a few seconds.',
  storyGone: 'That story is no longer in my collection. Ask again to see the latest.',
  badButton: 'That button is from an older version of Tidings. Ask again to get a fresh answer.',
  digestsOff: 'Daily digests are not set up on this Tidings. Ask whoever runs it to turn them on.',
  feedsOff: 'Feeds are not set up on this Tidings. Ask whoever runs it to turn them on.',
  followsOff: 'Follows are not set up on this Tidings. Ask whoever runs it to turn them on.',
  notInChannel: 'I cannot post in this channel yet: invite me with `/invite @Tidings`, then press *Share in channel* again.',
  archived: 'This channel is archived, so I cannot post in it.',
  restricted: 'Posting in this channel is restricted, so I could not share the brief here.',
} as const;

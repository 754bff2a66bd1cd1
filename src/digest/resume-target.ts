/**
 * Which paused digest or follow `resume [id]` means among a channel's: the one with that id, or
 * the only paused one when no id is given. Pure; the words name the feature, so that digests and
 * follows answer alike.
 */

/** What can be paused: a Subscription (./subscription.ts) or a Follow (../follow/follow.ts). */
export interface Pausable {
  readonly id: string;
  readonly paused?: { readonly reason: string; readonly at: number };
}

export type ResumeTarget<T> = { readonly ok: true; readonly target: T } | { readonly ok: false; readonly error: string };

export function resumeTarget<T extends Pausable>(channelItems: readonly T[], id: string | undefined, noun: 'digest' | 'follow'): ResumeTarget<T> {
  const list = `\`/news ${noun} list\` shows them`;
  if (id !== undefined) {
    const found = channelItems.find((item) => item.id === id);
    if (found === undefined) return { ok: false, error: `This channel has no ${noun} ${id}: ${list}.` };
    if (found.paused === undefined) return { ok: false, error: `${capital(noun)} ${id} is not paused: it runs already.` };
    return { ok: true, target: found };
  }
  const paused = channelItems.filter((item) => item.paused !== undefined);
  if (paused.length === 1) return { ok: true, target: paused[0]! };
  if (paused.length === 0) return { ok: false, error: `This channel has no paused ${noun}.` };
  const ids = paused.map((item) => item.id).join(', ');
  return { ok: false, error: `This channel has ${paused.length} paused ${noun}s (${ids}): say which, e.g. \`/news ${noun} resume ${paused[0]!.id}\`.` };
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

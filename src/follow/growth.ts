/**
 * What is new in a posted story that grew, and what to do about it. Pure: what its message says
 * now, the story as it is now, and the time come in.
 *
 * New outlets or a new angle (a Signal not shown before) update the message in place; a thread
 * reply names them, at most one per story in THREAD_REPLY_GAP_MS. A summary that only repeats
 * what is said (the same outlet, no new angle) changes nothing.
 */
import { THREAD_REPLY_GAP_MS } from './follow.js';

/** What a posted story's message says, as stored with it. */
export interface Said {
  readonly outlets: readonly string[];
  /** Keys of the Signals shown (signalKey). */
  readonly signals: readonly string[];
}

export interface SignalLike {
  readonly headline: string;
  readonly sources: ReadonlyArray<{ readonly outlet?: string }>;
}

export interface Growth<G extends SignalLike> {
  /** Outlets that joined, in the story's order. */
  readonly newOutlets: readonly string[];
  /** The angle to name in the reply: one from a new outlet first, else any not shown before. */
  readonly newSignal?: G;
  /** What the message says once updated. */
  readonly said: Said;
  /** Whether a thread reply may go out now. */
  readonly reply: boolean;
}

/** A Signal's identity across rebuilds of the brief: its headline, case and spacing aside. */
export function signalKey(signal: Pick<SignalLike, 'headline'>): string {
  return signal.headline.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function saidOf(outlets: readonly string[], signals: readonly Pick<SignalLike, 'headline'>[]): Said {
  return { outlets: [...outlets], signals: [...new Set(signals.map(signalKey))] };
}

/** Undefined when nothing is new: no update, no reply. */
export function growthOf<G extends SignalLike>(
  said: Said,
  now: { readonly outlets: readonly string[]; readonly signals: readonly G[] },
  at: number,
  lastReplyAt: number | undefined,
): Growth<G> | undefined {
  const known = new Set(said.outlets);
  const newOutlets = now.outlets.filter((outlet) => !known.has(outlet));
  const shown = new Set(said.signals);
  const fresh = now.signals.filter((signal) => !shown.has(signalKey(signal)));
  if (newOutlets.length === 0 && fresh.length === 0) return undefined;
  const joined = new Set(newOutlets);
  const newSignal = fresh.find((signal) => signal.sources.some((s) => s.outlet !== undefined && joined.has(s.outlet))) ?? fresh[0];
  return {
    newOutlets,
    ...(newSignal !== undefined && { newSignal }),
    // What was said stays said: a signal that drops out of the brief and comes back is no news.
    said: { outlets: [...said.outlets, ...newOutlets], signals: [...new Set([...said.signals, ...now.signals.map(signalKey)])] },
    reply: lastReplyAt === undefined || at - lastReplyAt >= THREAD_REPLY_GAP_MS,
  };
}

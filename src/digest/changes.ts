/**
 * What changed since the last digest (issue 14): each candidate story is *new* (nothing of it was
 * in the previous digest), *grew* (it was, and outlets have joined since: named), or left out (it
 * was, and no outlet joined: a repeat says nothing new). Pure: what the previous digest showed
 * comes in, as stored when it was sent.
 *
 * Story ids change as stories grow; member ids do not. A story is matched to what was shown by
 * the members they share, as a follow's quiet start is (src/follow/match.ts).
 */

/** One story of a sent digest, as it was when the digest went out. */
export interface ShownStory {
  /** Member summary ids then. */
  readonly members: readonly string[];
  /** Outlets then. */
  readonly outlets: readonly string[];
}

/** What a digest says of a story; none on a subscription's first digest (everything is new). */
export type ChangeMark = { readonly kind: 'new' } | { readonly kind: 'grew'; readonly joined: readonly string[] };

export interface StoryLike {
  readonly memberIds: readonly string[];
  readonly outlets: readonly string[];
}

export interface MarkedStory<S> {
  readonly story: S;
  readonly mark?: ChangeMark;
}

/**
 * The candidates worth a digest, in the order given, with their marks. `previous` undefined: the
 * subscription's first digest (or one whose stories were not recorded): every story, unmarked.
 */
export function markChanges<S extends StoryLike>(candidates: readonly S[], previous: readonly ShownStory[] | undefined): MarkedStory<S>[] {
  if (previous === undefined) return candidates.map((story) => ({ story }));
  const byMember = new Map<string, ShownStory[]>();
  for (const shown of previous) {
    for (const id of shown.members) byMember.set(id, [...(byMember.get(id) ?? []), shown]);
  }
  const marked: MarkedStory<S>[] = [];
  for (const story of candidates) {
    // A story may hold members of two stories shown apart (they merged since): it knew all their outlets.
    const matched = new Set(story.memberIds.flatMap((id) => byMember.get(id) ?? []));
    if (matched.size === 0) {
      marked.push({ story, mark: { kind: 'new' } });
      continue;
    }
    const known = new Set([...matched].flatMap((shown) => shown.outlets));
    const joined = story.outlets.filter((outlet) => !known.has(outlet));
    if (joined.length > 0) marked.push({ story, mark: { kind: 'grew', joined } });
  }
  return marked;
}

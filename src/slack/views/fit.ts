/**
 * Making a message fit whatever the data: a view is a head, groups (a story, a signal) and a tail;
 * whole groups are kept while the blocks and their text stay inside Slack's limits, and when some
 * must go, a note says so. A group is never cut in half, so every story shown is whole. Head, tail
 * and note are small by construction; each group is cut to fit by its view.
 */
import { BLOCK_TEXT_BUDGET, LIMITS, blocksTextLength } from '../limits.js';
import type { Block } from './blocks.js';

export interface FitOptions {
  /** LIMITS.messageBlocks for messages, LIMITS.viewBlocks for App Home. */
  readonly maxBlocks?: number;
  readonly textBudget?: number;
}

export interface Fitted {
  readonly blocks: Block[];
  /** How many groups were kept (from the start). */
  readonly kept: number;
}

/**
 * Head, as many groups as fit, a note when some were dropped, and the tail. The tail may depend
 * on how many groups were kept (a "More" button's offset); it is sized with all groups kept.
 */
export function fitGroups(
  head: readonly Block[],
  groups: ReadonlyArray<readonly Block[]>,
  tailFor: (kept: number) => readonly Block[],
  note: (dropped: number) => Block,
  { maxBlocks = LIMITS.messageBlocks, textBudget = BLOCK_TEXT_BUDGET }: FitOptions = {},
): Fitted {
  const tail = tailFor(groups.length);
  const all = [...head, ...groups.flat(), ...tail];
  if (all.length <= maxBlocks && blocksTextLength(all) <= textBudget) return { blocks: all, kept: groups.length };

  const noteBlock = note(groups.length);
  let blocksLeft = maxBlocks - head.length - tail.length - 1;
  let textLeft = textBudget - blocksTextLength([...head, ...tail, noteBlock]);
  const kept: Block[] = [];
  let count = 0;
  for (const group of groups) {
    const size = blocksTextLength(group);
    if (group.length > blocksLeft || size > textLeft) break;
    kept.push(...group);
    blocksLeft -= group.length;
    textLeft -= size;
    count += 1;
  }
  return { blocks: [...head, ...kept, note(groups.length - count), ...tailFor(count)], kept: count };
}

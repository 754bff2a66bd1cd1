/**
 * What a button carries to its action: the story (by story id and, in case the story has since
 * regrouped under another id, one of its summaries), the question and the page, and where the
 * reply lives; on App Home, the digest or follow its row shows. Slack gives a button value 2,000 characters; the question is the part that can be
 * long, so it is shortened until the value fits. Values come back from Slack, so they are read
 * with a schema like any other outside data.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { truncate } from '../text/truncate.js';

/**
 * Where a reply lives, which decides how a button updates it:
 * `ephemeral` (a /news reply only the asker sees: replaced through its response_url),
 * `thread` and `dm` (a message Tidings posted: replaced with chat.update),
 * `digest` (a channel's digest: the full brief goes to the one who asked, privately),
 * `home` (App Home: published again after the action).
 */
export type Where = 'ephemeral' | 'thread' | 'dm' | 'digest' | 'home';

/** What an App Home row shows: a digest subscription or a follow, by its id. */
export interface RowRef {
  readonly kind: 'digest' | 'follow';
  readonly id: string;
}

export interface ButtonValue {
  readonly where: Where;
  readonly storyId?: string;
  readonly summaryId?: string;
  readonly question?: string;
  readonly offset?: number;
  readonly row?: RowRef;
}

const WHERE_CODES = { ephemeral: 'e', thread: 't', dm: 'd', digest: 'g', home: 'h' } as const satisfies Record<Where, string>;
const CODE_WHERE = Object.fromEntries(Object.entries(WHERE_CODES).map(([where, code]) => [code, where])) as Record<string, Where>;

const Encoded = z.object({
  w: z.enum(['e', 't', 'd', 'g', 'h']),
  s: z.string().min(1).max(LIMITS.buttonValue).optional(),
  m: z.string().min(1).max(LIMITS.buttonValue).optional(),
  q: z.string().max(LIMITS.buttonValue).optional(),
  o: z.number().int().min(0).max(1_000_000).optional(),
  /** A row's kind (digest, follow) and id: ids are the database's integers, as text. */
  k: z.enum(['d', 'f']).optional(),
  i: z.string().regex(/^\d{1,12}$/).optional(),
});

export function encodeButtonValue(value: ButtonValue): string {
  const encode = (question: string | undefined) =>
    JSON.stringify({
      w: WHERE_CODES[value.where],
      ...(value.storyId !== undefined && { s: value.storyId }),
      ...(value.summaryId !== undefined && { m: value.summaryId }),
      ...(question !== undefined && { q: question }),
      ...(value.offset !== undefined && value.offset > 0 && { o: value.offset }),
      ...(value.row !== undefined && { k: value.row.kind === 'digest' ? 'd' : 'f', i: value.row.id }),
    });
  let question = value.question;
  let encoded = encode(question);
  // JSON may escape characters, so shorten and measure again rather than compute.
  while (encoded.length > LIMITS.buttonValue && question !== undefined && question !== '') {
    question = truncate(question, Math.floor(question.length * 0.8));
    encoded = encode(question);
  }
  return encoded;
}

/** The value, or undefined when it is not one Tidings made. */
export function decodeButtonValue(raw: unknown): ButtonValue | undefined {
  if (typeof raw !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = Encoded.safeParse(json);
  if (!parsed.success) return undefined;
  const { w, s, m, q, o, k, i } = parsed.data;
  // A kind without an id (or the other way round) names no row.
  if ((k === undefined) !== (i === undefined)) return undefined;
  return {
    where: CODE_WHERE[w]!,
    ...(s !== undefined && { storyId: s }),
    ...(m !== undefined && { summaryId: m }),
    ...(q !== undefined && { question: q }),
    ...(o !== undefined && { offset: o }),
    ...(k !== undefined && i !== undefined && { row: { kind: k === 'd' ? 'digest' : 'follow', id: i } }),
  };
}

/** The action_id of each button Tidings puts in a message, and so of each action listener. */
export const ACTION = {
  fullBrief: 'tidings_full_brief',
  more: 'tidings_more',
  back: 'tidings_back',
  share: 'tidings_share',
  /** App Home's row buttons: the row (digest or follow) is in the value. */
  homePause: 'tidings_home_pause',
  homeResume: 'tidings_home_resume',
  homeRemove: 'tidings_home_remove',
} as const;

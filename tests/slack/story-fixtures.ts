/** Hand-made core results for view tests: the shapes of src/engine/types.ts, with only what a test cares about given. */
import type { Attribution, Brief, BriefSentence, Signal } from '../../src/briefs/brief.js';
import type { StoryAnswer, StoryResult } from '../../src/engine/types.js';
import type { Understood } from '../../src/search/answer.js';

export interface StorySpec {
  readonly id?: string;
  readonly headline?: string;
  /** One attribution a member: outlet (or undefined for unknown) and URL. */
  readonly members?: ReadonlyArray<{ readonly outlet?: string; readonly url?: string; readonly published?: number }>;
  readonly news?: readonly string[];
  readonly signals?: readonly SignalSpec[];
}

export const JAN_10 = Date.UTC(2024, 0, 10, 13, 1);

export interface SignalSpec {
  readonly headline: string;
  readonly sentences: readonly string[];
  /** Indexes into the story's sources. */
  readonly members: readonly number[];
}

/**
 * A story result from its sources (one a member) and texts, built the way the contract describes:
 * The News from the first member, each signal from the members it names.
 */
export function resultFrom(
  id: string,
  headline: string,
  sources: readonly Attribution[],
  news: readonly string[],
  signalSpecs: readonly SignalSpec[],
  unattributed = sources.filter((s) => s.outlet === undefined).length,
): StoryResult {
  const sentence = (text: string, members: readonly number[]): BriefSentence => ({ text, summaryIds: members.flatMap((m) => (sources[m] ? [sources[m].summaryId] : [])) });
  const outlets = [...new Set(sources.flatMap((s) => (s.outlet === undefined ? [] : [s.outlet])))];
  const dates = sources.flatMap((s) => (s.published === undefined ? [] : [s.published]));
  const signals: Signal[] = signalSpecs.map((s) => ({
    headline: s.headline,
    sentences: s.sentences.map((t) => sentence(t, s.members)),
    sources: s.members.flatMap((i) => (sources[i] ? [sources[i]] : [])),
  }));
  const brief: Brief = {
    storyId: id,
    headline,
    outlets,
    hasUnattributed: unattributed > 0,
    ...(dates.length > 0 && { latest: Math.max(...dates) }),
    news: news.map((t) => sentence(t, [0])),
    signals,
    sources,
  };
  return {
    story: {
      id,
      memberIds: sources.map((s) => s.summaryId),
      outlets,
      unattributed,
      ...(dates.length > 0 && { first: Math.min(...dates), last: Math.max(...dates) }),
      headline,
      topTerms: [],
    },
    brief,
    hits: [],
    score: 1,
  };
}

export function storyResult(spec: StorySpec = {}): StoryResult {
  const id = spec.id ?? 's-1';
  const members = spec.members ?? [{ outlet: 'Semafor', url: 'https://www.semafor.com/a', published: JAN_10 }];
  const sources: Attribution[] = members.map((m, i) => ({
    summaryId: `${id}-m${i}`,
    ...(m.outlet !== undefined && { outlet: m.outlet }),
    ...(m.url !== undefined && { url: m.url }),
    ...(m.published !== undefined && { published: m.published }),
  }));
  const news = spec.news ?? ['U.S. and Chinese defense officials resumed formal military talks.'];
  return resultFrom(id, spec.headline ?? 'US and China resume military talks', sources, news, spec.signals ?? []);
}

export function storyAnswer(
  question: string,
  stories: readonly StoryResult[],
  more: Partial<Omit<StoryAnswer, 'understood'>> & { understood?: Partial<Understood> } = {},
): StoryAnswer {
  return {
    question,
    mode: 'all',
    totalSummaries: stories.length,
    totalStories: stories.length,
    offset: 0,
    stories,
    ...more,
    understood: { terms: question.toLowerCase().split(/\s+/).filter(Boolean), phrases: [], outlets: [], notUnderstood: [], ...more.understood },
  };
}

/** Every mrkdwn and plain_text string in some blocks, with the kind of object it sits in. */
export function textsOf(value: unknown): Array<{ type: string; text: string }> {
  const out: Array<{ type: string; text: string }> = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push({ type: o.type, text: o.text });
      else Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return out;
}

/** Every button in some blocks. */
export function buttonsOf(value: unknown): Array<{ action_id: string; text: string; value: string }> {
  const out: Array<{ action_id: string; text: string; value: string }> = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (o.type === 'button') out.push({ action_id: String(o.action_id), text: String((o.text as { text: string }).text), value: String(o.value) });
      else Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return out;
}

/**
 * The markup left in mrkdwn once Tidings' own links (and, where allowed, mentions of given users)
 * are taken out: for escaped text this is free of `<`, `>` and of `&` that does not start an entity.
 */
export function strayMarkup(mrkdwn: string, allowedUsers: readonly string[] = []): string[] {
  let rest = mrkdwn.replace(/<https?:\/\/(?:[^\s|<>&]|&amp;)+\|(?:[^<>&]|&(?:amp|lt|gt);)*>/g, '');
  for (const user of allowedUsers) rest = rest.split(`<@${user}>`).join('');
  const stray: string[] = [];
  for (const m of rest.matchAll(/[<>]|&(?!amp;|lt;|gt;)/g)) stray.push(m[0]);
  return stray;
}

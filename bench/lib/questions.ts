/**
 * Realistic questions for benchmarks: 1–4 consecutive content words taken from a random summary
 * (so that they co-occur as they do in news), asked in several ways: plain; with a filter
 * (from:<outlet start>, last:, since:, "this month", "in <Month> <Year>"); with the last word cut
 * to a prefix as if still being typed; in plain English ("what's the latest on …?"); or quoted.
 */
import type { Summary } from '../../src/corpus/summary.js';
import { questionTerms } from '../../src/text/tokenize.js';
import type { Random } from './random.js';

export interface BenchQuestion {
  readonly text: string;
  readonly kind: 'plain' | 'filter' | 'prefix' | 'english' | 'phrase';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function benchQuestions(summaries: readonly Summary[], count: number, random: Random, now: number): BenchQuestion[] {
  const out: BenchQuestion[] = [];
  while (out.length < count) {
    const summary = random.pick(summaries);
    const words = summary.text
      .split(/\s+/)
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((word) => word.length >= 3 && questionTerms(word).length > 0);
    if (words.length < 4) continue;
    const length = random.pick([1, 2, 2, 3, 3, 4]);
    const start = random.int(0, words.length - length);
    const picked = words.slice(start, start + length);
    const roll = random.next();
    if (roll < 0.45) out.push({ text: picked.join(' ').toLowerCase(), kind: 'plain' });
    else if (roll < 0.65) out.push({ text: `${picked.join(' ')} ${filter(summary, random, now)}`, kind: 'filter' });
    else if (roll < 0.85) {
      const last = picked.at(-1)!;
      const cut = last.slice(0, Math.min(last.length, random.int(3, 6)));
      out.push({ text: [...picked.slice(0, -1), cut].join(' ').toLowerCase(), kind: 'prefix' });
    } else if (roll < 0.95) out.push({ text: `what's the latest on ${picked.join(' ')}?`, kind: 'english' });
    else out.push({ text: `"${picked.slice(0, 2).join(' ')}"${picked.length > 2 ? ` ${picked.slice(2).join(' ')}` : ''}`, kind: 'phrase' });
  }
  return out;
}

function filter(summary: Summary, random: Random, now: number): string {
  const date = new Date(now - random.int(0, 200) * 86_400_000);
  switch (random.int(0, 4)) {
    case 0:
      return summary.source !== undefined ? `from:${summary.source.split(/\s+/)[0]!.toLowerCase()}` : 'last:30d';
    case 1:
      return random.pick(['last:7d', 'last:2w', 'last:24h', 'last:30d']);
    case 2:
      return `since:${date.toISOString().slice(0, 10)}`;
    case 3:
      return random.pick(['this month', 'last week', 'yesterday', 'this year']);
    default:
      return `in ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
}

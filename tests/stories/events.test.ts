import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { contradicts, meetingPlaces, meetingState } from '../../src/stories/event-cues.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import { Cluster } from '../../src/stories/cluster.js';
import { eventScore, joinEventSteps, QuoteTally } from '../../src/stories/events.js';
import { summaryProfile } from '../../src/stories/profile.js';
import { TermNumbers } from '../../src/stories/sparse.js';
import { GROUPING } from '../../src/stories/tuning.js';
import { clustersOf, shippedData, shuffled, summary, WINDOW } from './fixtures.js';

describe('event cues', () => {
  it('finds where a meeting was held, not every place named', () => {
    // A venue is in its city: talks at the Pentagon and talks in Washington may be one meeting.
    expect(meetingPlaces('Senior officials held high-level talks at the Pentagon to discuss defense.')).toEqual(['pentagon', 'washington']);
    expect(meetingPlaces('The meeting in Hawaii marks a thaw.')).toEqual(['hawaii']);
    expect(meetingPlaces('Two-day talks at the Pentagon. Regular contact is key.')).toEqual(['pentagon', 'washington']);
    expect(meetingPlaces('Talks resumed in March after officials from Beijing arrived.')).toEqual([]);
    expect(meetingPlaces('Taiwan is on high alert amid increased Chinese military activity.')).toEqual([]);
  });

  it('says which two reports cannot be of one meeting', () => {
    expect(contradicts({ places: ['pentagon', 'washington'], meeting: 1 }, { places: ['hawaii'], meeting: 1 })).toBe(true);
    expect(contradicts({ places: ['pentagon', 'washington'], meeting: 1 }, { places: ['washington'], meeting: 1 })).toBe(false);
    expect(contradicts({ places: [], meeting: 1 }, { places: [], meeting: -1 })).toBe(true);
    expect(contradicts({ places: ['pentagon'], meeting: 1 }, { places: [], meeting: 0 })).toBe(false);
  });

  it('tells a meeting held from one called off', () => {
    expect(meetingState("China's defense minister has declined a meeting with Lloyd Austin.")).toBe(-1);
    expect(meetingState('The decision to halt talks reflects strains.')).toBe(-1);
    expect(meetingState('Officials resumed talks at the Pentagon.')).toBe(1);
    expect(meetingState('Top officials met at the Pentagon for the first time since 2020.')).toBe(1);
    expect(meetingState('China asserts its refusal to compromise on Taiwan.')).toBe(0);
    // "meeting with" after a comma is a meeting held; after "a", the meeting declined.
    expect(meetingState("Xi Jinping begins his first visit to the United States, meeting with technology company leaders in Seattle.")).toBe(1);
    expect(meetingState('The two ministers met with reporters after the summit.')).toBe(1);
    expect(meetingState('The minister declined a meeting with his counterpart, meeting with reporters instead.')).toBe(0);
  });
});

describe('stories joined into events', () => {
  const day = Date.UTC(2024, 0, 10);
  const texts = {
    pentagon: 'Defense officials held talks at the Pentagon on Tuesday to restore military lines of communication.',
    angle: 'At the defense talks, held at the Pentagon on Tuesday, China said it would "never compromise" on Taiwan.',
    hawaii: 'Defense officials held talks in Hawaii on Tuesday to restore military lines of communication.',
    refusal: "China's defense minister declined a meeting with officials on military lines of communication.",
  };
  const index = new SummaryIndex();
  const all = Object.entries(texts).map(([id, text]) => summary(id, text, { published: day }));
  index.addAll(all);
  const numbers = new TermNumbers();
  const story = (key: number, ...ids: (keyof typeof texts)[]) => {
    const cluster = new Cluster(key);
    for (const id of ids) cluster.add(summaryProfile(all.find((s) => s.id === id)!, index, numbers));
    return cluster;
  };
  const score = (a: Cluster, b: Cluster) => eventScore(a, b, WINDOW, GROUPING, new QuoteTally());

  it('scores two stories of one meeting by their summed wording, more when held in one place', () => {
    // Both say the meeting was at the Pentagon: they need only eventCueJoin of likeness, and have it.
    expect(score(story(0, 'pentagon'), story(1, 'angle'))).toBeGreaterThanOrEqual(0);
    // Without a place or a quote in common, wording alone must reach eventJoin (off for paragraphs).
    const unplaced = new Cluster(2);
    unplaced.add(summaryProfile(summary('z', 'China said it would never compromise on Taiwan, officials told reporters.', { published: day }), index, numbers));
    expect(score(story(0, 'pentagon'), unplaced)).toBeLessThan(0);
  });

  it('never joins meetings held in two places, or one held and one called off', () => {
    expect(score(story(0, 'pentagon'), story(1, 'hawaii'))).toBe(-Infinity);
    expect(score(story(0, 'pentagon', 'angle'), story(1, 'refusal'))).toBe(-Infinity);
  });

  it('never joins stories whose dated members would be further apart than the window', () => {
    const early = new Cluster(0);
    early.add(summaryProfile(summary('x', texts.pentagon, { published: day }), index, numbers));
    const late = new Cluster(1);
    late.add(summaryProfile(summary('y', texts.angle, { published: day + 2 * WINDOW }), index, numbers));
    expect(score(early, late)).toBe(-Infinity);
    // An undated member does not open the window: the dated ones of both stories still count.
    early.add(summaryProfile(summary('x2', texts.angle), index, numbers));
    late.add(summaryProfile(summary('y2', texts.pentagon), index, numbers));
    expect(score(early, late)).toBe(-Infinity);
    // Only stories with no dated member on one side have no dates to compare.
    const undated = new Cluster(2);
    undated.add(summaryProfile(summary('z2', texts.angle), index, numbers));
    expect(score(early, undated)).toBeGreaterThan(-Infinity);
  });

  it('joins two stories in one step, telling of each story before it changes', () => {
    const more = {
      pentagon2: 'Defense officials met for talks at the Pentagon on Tuesday about military lines of communication.',
      angle2: 'China said at the Pentagon talks on Tuesday that it would "never compromise" on Taiwan, officials said.',
      angle3: 'At the talks held at the Pentagon on Tuesday, China would "never compromise" on Taiwan, it said.',
    };
    const { clusters, profile } = clustersOf(Object.entries({ pentagon: texts.pentagon, angle: texts.angle, ...more }).map(([id, text]) => summary(id, text, { published: day })));
    const talks = clusters.place(profile('pentagon'));
    clusters.place(profile('pentagon2'), talks);
    const angle = clusters.place(profile('angle'));
    for (const id of ['angle2', 'angle3']) clusters.place(profile(id), angle);
    const told: number[] = [];
    const steps = joinEventSteps(clusters, [profile('pentagon')], WINDOW, GROUPING, new QuoteTally(), { changed: (key) => told.push(key) });
    const sizes: number[] = [];
    let step = steps.next();
    while (!step.done) {
      sizes.push(talks.size);
      // Between steps each summary is in one story or the other, never lost.
      expect(talks.size + (clusters.get(angle.key)?.size ?? 0)).toBe(5);
      step = steps.next();
    }
    expect(step.value.sort()).toEqual([talks.key, angle.key].sort());
    expect(talks.members).toHaveLength(5);
    expect(clusters.get(angle.key)).toBeUndefined();
    // The older story takes the other's three members in one step, both told of before they move.
    expect(sizes.filter((size, i) => i > 0 && size !== sizes[i - 1]!)).toEqual([5]);
    expect(told.slice(0, 2).sort()).toEqual([talks.key, angle.key].sort());
  });

  it('counts how many summaries quote each word pair, and forgets a summary taken out', () => {
    const tally = new QuoteTally();
    const quoting = (id: string) => summaryProfile(summary(id, 'China said it would "never compromise" on Taiwan.'), index, numbers);
    tally.add(quoting('q1'));
    tally.add(quoting('q2'));
    expect(tally.count('never compromise')).toBe(2);
    tally.remove(quoting('q1'));
    expect(tally.count('never compromise')).toBe(1);
    tally.remove(quoting('q2'));
    expect(tally.count('never compromise')).toBe(0);
  });

  it('makes the Pentagon talks one event from seed 000 alone, and keeps it when seed 001 comes one summary at a time', async () => {
    const { summaries, line } = await shippedData();
    const seed001 = summaries.filter((s) => s.origin.file.startsWith('seed-001'));
    const grouper = new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW });
    grouper.addAll(summaries.filter((s) => !seed001.includes(s)));
    const lines = (ids: readonly string[]) => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].filter((n) => ids.includes(line('seed-000', n).id));
    expect(lines(grouper.storyOf(line('seed-000', 5).id)!.memberIds)).toEqual([5, 6, 7, 8, 9]);
    for (const summary of seed001) grouper.add(summary);
    const story = grouper.storyOf(line('seed-000', 5).id)!;
    expect(lines(story.memberIds)).toEqual([5, 6, 7, 8, 9]);
    expect(seed001.every((s) => story.memberIds.includes(s.id))).toBe(true);
  });

  it('keeps seed 000 line 1 (a meeting declined, undated) out of a story of 2015: Xi "meeting with" leaders in Seattle is a meeting held', async () => {
    const { summaries, line } = await shippedData();
    const grouper = new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW });
    grouper.addAll(summaries);
    const refusal = grouper.storyOf(line('seed-000', 1).id)!;
    expect(refusal.memberIds).not.toContain('wcep-2015-56984');
  });

  it('gives the same events in any load order (shipped data)', async () => {
    const { summaries } = await shippedData();
    const storiesOf = (order: typeof summaries) => {
      const grouper = new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW });
      grouper.addAll(order);
      return grouper.stories().map((story) => story.id).sort();
    };
    expect(storiesOf(shuffled(summaries, 7))).toEqual(storiesOf(summaries));
  });
});

import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { meetingPlaces, meetingState } from '../../src/stories/event-cues.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import { Cluster } from '../../src/stories/cluster.js';
import { eventScore, QuoteTally } from '../../src/stories/events.js';
import { summaryProfile } from '../../src/stories/profile.js';
import { TermNumbers } from '../../src/stories/sparse.js';
import { GROUPING } from '../../src/stories/tuning.js';
import { shippedData, shuffled, summary, WINDOW } from './fixtures.js';

describe('event cues', () => {
  it('finds where a meeting was held, not every place named', () => {
    expect(meetingPlaces('Senior officials held high-level talks at the Pentagon to discuss defense.')).toEqual(['pentagon']);
    expect(meetingPlaces('The meeting in Hawaii marks a thaw.')).toEqual(['hawaii']);
    expect(meetingPlaces('Two-day talks at the Pentagon. Regular contact is key.')).toEqual(['pentagon']);
    expect(meetingPlaces('Talks resumed in March after officials from Beijing arrived.')).toEqual([]);
    expect(meetingPlaces('Taiwan is on high alert amid increased Chinese military activity.')).toEqual([]);
  });

  it('tells a meeting held from one called off', () => {
    expect(meetingState("China's defense minister has declined a meeting with Lloyd Austin.")).toBe(-1);
    expect(meetingState('The decision to halt talks reflects strains.')).toBe(-1);
    expect(meetingState('Officials resumed talks at the Pentagon.')).toBe(1);
    expect(meetingState('Top officials met at the Pentagon for the first time since 2020.')).toBe(1);
    expect(meetingState('China asserts its refusal to compromise on Taiwan.')).toBe(0);
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

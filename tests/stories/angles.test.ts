/**
 * The angles kept inside an event (stories/angles.ts): which angle-sized story each member of a
 * joined story came from, so that its brief can give a Signal an angle.
 */
import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import { shippedData, summary, WINDOW } from './fixtures.js';

async function grouped() {
  const { summaries, line } = await shippedData();
  const grouper = new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW });
  grouper.addAll(summaries);
  const pentagon = () => grouper.storyOf(line('seed-000', 5).id)!;
  const angleOf = (id: string) => pentagon().angles!.findIndex((angle) => angle.includes(id));
  return { grouper, line, pentagon, angleOf };
}

const SCMP = 'semafor-2024-01-10-signal-scmp';
const POLITICO = 'semafor-2024-01-10-signal-politico';
const FT = 'semafor-2024-01-10-signal-ft';
const SEMAFOR = 'semafor-2024-01-10-us-china-talks';

describe('the angles of an event', () => {
  it('keeps the angles the Pentagon talks were joined from: every member in one, Taiwan apart from the talks', async () => {
    const { pentagon, angleOf, line } = await grouped();
    const story = pentagon();
    expect(story.angles).toBeDefined();
    expect(story.angles!.length).toBeGreaterThan(1);
    expect(story.angles!.flat().sort()).toEqual([...story.memberIds].sort());
    // China's "never compromise" is one angle (SCMP and Politico), the talks held another.
    expect(angleOf(SCMP)).toBe(angleOf(POLITICO));
    expect(angleOf(SEMAFOR)).toBe(angleOf(FT));
    expect(angleOf(SCMP)).not.toBe(angleOf(SEMAFOR));
    expect(angleOf(line('seed-000', 6).id)).toBe(angleOf(line('seed-000', 7).id));
    // Each angle in member order.
    for (const angle of story.angles!) expect(angle).toEqual(story.memberIds.filter((id) => angle.includes(id)));
  });

  it('has none for a story never joined', async () => {
    const { grouper } = await grouped();
    const plain = grouper.stories().filter((story) => story.angles !== undefined);
    // Only the Pentagon talks were joined from angles in the data Tidings ships with.
    expect(plain).toHaveLength(1);
    expect(grouper.storyOf('wcep-2015-56984')!.angles).toBeUndefined();
  });

  it('puts a summary that joins the event later with its most alike angle, and forgets one removed', async () => {
    const { grouper, pentagon, angleOf } = await grouped();
    // Nearly the FT's words: most alike to the FT's summary of all the members.
    const later = summary('later', 'Michael Chase, a U.S. defense official, emphasized the importance of preventing further communication breakdowns at the two-day talks at the Pentagon. Regular military contact is key to avoiding conflicts, he said.', {
      source: 'Reuters',
      published: Date.UTC(2024, 0, 10, 15),
    });
    grouper.add(later);
    expect(pentagon().memberIds).toContain('later');
    expect(angleOf('later')).toBe(angleOf(FT));
    grouper.remove(FT);
    expect(pentagon().angles!.flat()).not.toContain(FT);
    expect(angleOf('later')).toBe(angleOf(SEMAFOR));
  });
});

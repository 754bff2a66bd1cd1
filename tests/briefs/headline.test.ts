import { describe, expect, it } from 'vitest';
import { clauseHeadline, sameTitle, signalHeadline, storyHeadline } from '../../src/briefs/headline.js';
import { sentencePool, showable } from '../../src/briefs/pool.js';
import { addInto, normalize } from '../../src/text/vector.js';
import { summary } from '../stories/fixtures.js';

const noCentroid = new Map<string, number>();

describe("a story's headline", () => {
  it('is the title closest to what The News says, not the title of an angle', () => {
    const members = [
      summary('angle', 'Taiwan would never compromise, officials in Beijing said. Taiwan holds an election on Saturday.', { title: 'China says it will never compromise on Taiwan' }),
      summary('event', 'U.S. and Chinese defense officials resumed military talks at the Pentagon on Tuesday. The talks had been frozen since 2022.', {
        title: 'US and China resume military talks',
      }),
      summary('event2', 'Defense officials of the U.S. and China resumed military talks after a two-year pause.'),
    ];
    expect(storyHeadline(members, noCentroid)).toBe('US and China resume military talks');
  });

  it('without titles, is a whole clause of a central sentence that names its subject', () => {
    const members = [
      summary('a', 'It resumed military talks with the United States at the Pentagon on Tuesday after a long pause over Taiwan.'),
      summary('b', 'China resumed military talks with the United States at the Pentagon on Tuesday, officials said.'),
      summary('c', 'Military talks between China and the United States resumed at the Pentagon.'),
    ];
    const headline = storyHeadline(members, noCentroid);
    expect(headline).not.toMatch(/^It\b/);
    expect(headline.length).toBeLessThanOrEqual(80);
    expect(headline).toMatch(/resumed/);
    expect(headline).not.toMatch(/officials said|,$/);
  });

  it('is "Untitled story" when nothing can be cut', () => {
    expect(storyHeadline([summary('x', 'x'.repeat(200))], noCentroid)).toBe('Untitled story');
    expect(clauseHeadline([], 80)).toBe('');
  });
});

describe("a Signal's headline", () => {
  const members = [
    summary('ft', 'Michael Chase, a U.S. defense official, emphasized the importance of preventing further communication breakdowns. Regular contact is key to avoiding conflict, he said.', {
      title: 'US urges China to keep communication lines open',
    }),
    summary('wire', 'U.S. and Chinese defense officials resumed military talks at the Pentagon on Tuesday.', { title: 'US and China resume military talks at the Pentagon' }),
    summary('plain', 'Chinese officials said they would “never compromise” on Taiwan during the talks.'),
  ];
  const byId = new Map(members.map((m) => [m.id, m]));
  const pool = showable(sentencePool(members));
  const news = pool.filter((s) => s.summaryId === 'wire');
  const newsVector = new Map<string, number>();
  for (const s of news) addInto(newsVector, s.vector);
  normalize(newsVector);
  const of = (id: string) => pool.filter((s) => s.summaryId === id);

  it("is the title of a summary it quotes when that title is about the angle and not taken", () => {
    expect(signalHeadline(of('ft'), byId, newsVector, ['US and China resume military talks'], 80)).toBe('US urges China to keep communication lines open');
    expect(signalHeadline(of('ft'), byId, newsVector, ['US urges China to keep communication lines open'], 80)).not.toBe('US urges China to keep communication lines open');
  });

  it('is not a title that says what The News says', () => {
    const headline = signalHeadline([...of('wire')], byId, newsVector, [], 80);
    expect(headline).not.toBe('US and China resume military talks at the Pentagon');
  });

  it('without a fitting title, is a clause that keeps the quote and its named subject', () => {
    expect(signalHeadline(of('plain'), byId, newsVector, [], 80)).toMatch(/^Chinese officials said they would “never compromise” on Taiwan/);
  });

  it('compares titles whatever their case and quotes', () => {
    expect(sameTitle('China says it will ‘never compromise’', "china says it will 'never compromise'")).toBe(true);
    expect(sameTitle('US and China resume talks', 'US and China resume military talks')).toBe(false);
  });
});

/**
 * Headline style for a clause cut from a sentence: present tense, no articles, and nothing else
 * changed. The inputs are clause headlines the briefs cut from allsides/dev's summaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headlineStyle } from '../../src/text/headline-style.js';
import { baseOfParticiple, baseOfPast, thirdPersonOf } from '../../src/text/verb-forms.js';

describe('headlineStyle', () => {
  it.each([
    // Present perfect → present, by the auxiliary's number.
    ['China and Singapore have signed a memorandum of understanding', 'China and Singapore sign memorandum of understanding'],
    ['America has added back 16.7 million jobs', 'America adds back 16.7 million jobs'],
    ['US Senate lawmakers have approved a massive spending plan', 'US Senate lawmakers approve massive spending plan'],
    ['Adams has secured 31.7 percent of the vote', 'Adams secures 31.7 percent of vote'],
    ['The White House has decided to hit back harder', 'The White House decides to hit back harder'],
    ['Tensions between the U.S. and Russia have soared', 'Tensions between the U.S. and Russia soar'],
    // Simple past → present, when the subject is plainly one or many.
    ['The head of the World Health Organization said it was “premature”', 'Head of the World Health Organization says it was “premature”'],
    ['Lawmakers approved Democrats’ budget resolution on a party-line 50-49 vote', 'Lawmakers approve Democrats’ budget resolution on party-line 50-49 vote'],
    ['The far-right group asked McCarthy to file and bring up a privileged motion', 'Far-right group asks McCarthy to file and bring up privileged motion'],
    ['Israeli airstrikes and artillery killed at least 230 Palestinians', 'Israeli airstrikes and artillery kill at least 230 Palestinians'],
    ['The unemployment rate stood at 5.9%', 'Unemployment rate stands at 5.9%'],
    ['Mr. Zarif and Mr. Kerry spoke constantly', 'Mr. Zarif and Mr. Kerry speak constantly'],
    ['The Gun Violence Archive reported 189 people killed and 516 injured in shootings', 'The Gun Violence Archive reports 189 people killed and 516 injured in shootings'],
    ['Police arrested two men', 'Police arrest two men'],
    // An adverb before the verb is not the subject's head.
    ['Agents also seized company business records', 'Agents also seize company business records'],
    ['Two other officers later killed themselves', 'Two other officers later kill themselves'],
    ['The Supreme Court unanimously agreed to hear the case', 'The Supreme Court unanimously agrees to hear case'],
    // After a reporting verb, the verbs of what was said stay as they are.
    ['The CDC also said all adults and students should wear masks', 'The CDC also says all adults and students should wear masks'],
    ['Police said that more than 90 people are now known to have died', 'Police say that more than 90 people are now known to have died'],
    // Passive: the auxiliary goes, for a named subject, when the participle still reads as one.
    ['Residents were urged to cut power consumption', 'Residents urged to cut power consumption'],
    ['No casualties among the civilians have been reported', 'No casualties among civilians reported'],
    ['Chauvin was found guilty of second- and third-degree murder', 'Chauvin was found guilty of second- and third-degree murder'],
    ['The bill was approved by a 94-1 vote', 'Bill approved by a 94-1 vote'],
    ['He was arrested at the airport', 'He was arrested at airport'],
    ['This reversal was made out of concern', 'This reversal was made out of concern'],
    // Articles go, but never before a name, a number, a quote, or in an idiom.
    ['The decision to halt talks reflects a broader shift', 'Decision to halt talks reflects broader shift'],
    ['The Hague ruled against the government', 'The Hague rules against government'],
    ['Two of the biggest names in the Democratic Party have split', 'Two of the biggest names in the Democratic Party have split'],
    ['He said it happened twice a day', 'He says it happened twice a day'],
    ['The panel will sit for three days a week for the next six months', 'Panel will sit for three days a week for next six months'],
    ['Only about a quarter of the total price tag appears', 'Only about a quarter of total price tag appears'],
    ['Biden has made a lot of progress on COVID-19', 'Biden makes a lot of progress on COVID-19'],
    ['Geneva was also the site of the 1985 summit', 'Geneva was also the site of the 1985 summit'],
    ['The group said "the plan is dead" and left', 'Group said "the plan is dead" and left'],
    // Unsure: the words stay as they are (but for their articles).
    ['China did not attend the talks', 'China did not attend talks'],
    ['Economists had expected the C.P.I. to rise 3.6 percent over the year', 'Economists had expected the C.P.I. to rise 3.6 percent over year'],
    ['The Justice Department announced Friday that it is suing the state of Georgia', 'The Justice Department announced Friday that it is suing state of Georgia'],
    ['Warner was elected to the Senate in 1978', 'Warner elected to the Senate in 1978'],
    ['A new joint effort made up of NATO member states', 'New joint effort made up of NATO member states'],
    ['The blueprint released by the White House ties together three major spending', 'Blueprint released by the White House ties together three major spending'],
    ['Energy prices climbed 1.5% month over month and food prices rose 0.8%', 'Energy prices climbed 1.5% month over month and food prices rose 0.8%'],
    ['The outspoken actress and #MeToo advocate discussed being able', 'Outspoken actress and #MeToo advocate discussed being able'],
    ['China says the U.S. has signed a deal', 'China says the U.S. has signed deal'],
    ['Officials believe the deal has been signed', 'Officials believe deal has been signed'],
    ['Democrats announced a plan', 'Democrats announce plan'],
    ['Massachusetts became the third state', 'Massachusetts became third state'],
    ['Researchers found just 32 cases', 'Researchers find just 32 cases'],
    ['The Chinese announced a plan', 'The Chinese announced plan'],
    ['The US Food and Drug Administration gave emergency use authorization', 'The US Food and Drug Administration gave emergency use authorization'],
    ['Johnson & Johnson announced a recall', 'Johnson & Johnson announced recall'],
    // "told" → "tells" would make it longer, and no article is left to drop.
    ['The California Democrat told colleagues about her plans', 'The California Democrat told colleagues about her plans'],
    ['The deal signed last week was hailed', 'Deal signed last week was hailed'],
    ['Two armed men attacked a bank', 'Two armed men attacked bank'],
    ['The number of confirmed dead', 'The number of confirmed dead'],
    ["The world's shortest man ever recorded", "World's shortest man ever recorded"],
    ['Houthi militants parade captured Saudi soldiers on pro-Houthi Al Masirah TV', 'Houthi militants parade captured Saudi soldiers on pro-Houthi Al Masirah TV'],
    ['A federal judge blocked the law on Monday', 'Federal judge blocked law on Monday'],
    ['“The CDC order must be set aside,” the judge wrote', '“The CDC order must be set aside,” judge wrote'],
    ['The talks', 'The talks'],
  ])('%s', (input, expected) => {
    expect(headlineStyle(input)).toBe(expected);
  });

  it('leaves a clause with an open quote as it is', () => {
    expect(headlineStyle('The minister said the deal was “a step')).toBe('The minister said the deal was “a step');
  });
});

describe('verb forms', () => {
  it('reads only the verbs it lists, by the form each takes', () => {
    expect(baseOfPast('stopped')).toBe('stop');
    expect(baseOfPast('declined')).toBe('decline');
    expect(baseOfPast('tried')).toBe('try');
    expect(baseOfPast('took')).toBe('take');
    // "taken" is a participle, not a simple past; "armed" and "concerned" are no listed verbs.
    expect(baseOfPast('taken')).toBeUndefined();
    expect(baseOfParticiple('taken')).toBe('take');
    expect(baseOfPast('armed')).toBeUndefined();
    expect(baseOfParticiple('concerned')).toBeUndefined();
    expect(['sign', 'push', 'try', 'echo', 'have', 'say'].map(thirdPersonOf)).toEqual(['signs', 'pushes', 'tries', 'echoes', 'has', 'says']);
  });
});

describe('headlineStyle keeps what a reader must see unchanged', () => {
  const words = fc.constantFrom(
    'the', 'The', 'a', 'an', 'A', 'has', 'have', 'had', 'was', 'were', 'been', 'not', 'never', "didn't", 'did',
    'signed', 'said', 'announced', 'met', 'taken', 'arrested', 'urged', 'to', 'of', 'and', 'in', 'by', 'on', 'last', 'week',
    'talks', 'officials', 'deal', 'decision', 'group', 'police', 'few', 'lot', 'same',
    'China', 'Biden', 'The Hague', 'New York Times', 'U.S.', 'Pentagon', 'Xi',
    '34', '1,000', '$250', '3.6%', '2022',
    '“never compromise”', '"take seriously"', '‘open lines’',
  );
  const clause = fc.array(words, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));
  const quoted = (text: string) => text.match(/“[^”]*”|"[^"]*"|‘[^’]*’/gu) ?? [];
  const numbers = (text: string) => text.match(/[$\d][\d,.%]*/gu) ?? [];
  // A capitalised word is a name unless it opens the clause as "The"/"A"/"An" does.
  const names = (text: string) => text.split(' ').filter((word, i) => /^\p{Lu}/u.test(word) && !(i === 0 && /^(?:The|A|An)$/u.test(word)));
  const negations = (text: string) => (text.match(/\b(?:not|never)\b|n't\b/giu) ?? []).length;

  it('every quoted span, name, number and negation of its input, never empty, never longer', () => {
    fc.assert(
      fc.property(clause, (text) => {
        const out = headlineStyle(text);
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(text.length);
        for (const quote of quoted(text)) expect(out).toContain(quote);
        for (const number of numbers(text)) expect(numbers(out)).toContain(number);
        const outWords = out.split(' ');
        for (const name of names(text)) expect(outWords).toContain(name);
        expect(negations(out)).toBe(negations(text));
      }),
      { numRuns: 2000 },
    );
  });
});

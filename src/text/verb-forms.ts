/**
 * The forms of common news verbs, for putting a headline in the present tense (headline-style.ts):
 * "signed" → "sign"/"signs", "met" → "meet"/"meets". Only verbs listed here are ever changed: a
 * past form is read as a verb's only when it is generated from (or listed with) a base below, so
 * "armed", "concerned" or "based" are never turned into a tense they do not have. verb.ts says
 * where a sentence's first verb is; this says what its forms are.
 */

/** Regular verbs, base form: their past is base + "ed" (or "d", "ied", a doubled consonant: see pastOf). */
const REGULAR = `accept accuse acknowledge add admit adopt advise affirm agree aim allow announce appeal approve
argue arrest ask attack attempt back ban block boost call cancel capture caution charge cite claim
close commit condemn confirm consider continue convict cross debate decide declare decline defend delay
demand deny deploy describe detain dismiss dispute double drop echo elect emphasize emphasise end
ensure escalate evacuate expand expect explain express extend face fail file fire force free gain halt
help hope ignore impose include increase indict insist intend introduce invite join kill launch
lift limit list mark move name note object offer open oppose order pass plan pledge praise predict
present press prevent promise propose protest prove provide push question raise reach reaffirm receive
recommend record reduce refuse reiterate reject release remain remove repeat reply report request
require rescue resign resume return reveal rule sanction scrap secure seek seize sign slam slash
sound spark stage start state step stop stress strike submit suggest supply support suspend target
threaten trigger try turn underscore unveil urge visit vote vow walk want warn welcome
withdraw work discuss post issue grant denounce criticize criticise investigate respond publish reverse
restore sue settle score surge plunge soar jump climb appoint nominate pardon veto endorse fund invest
acquire hire postpone expel impeach acquit sentence deport injure invade overturn revise
preside scramble outline clear confront contest crash demolish destroy detail discover
dismantle examine fine host identify kidnap lower negotiate probe recall recover
rejoin reopen resolve retire rally arrive`
  .split(/\s+/)
  .filter(Boolean);

/** Irregular verbs: base, simple past, past participle. */
const IRREGULAR: readonly (readonly [string, string, string])[] = [
  ['say', 'said', 'said'],
  ['meet', 'met', 'met'],
  ['hold', 'held', 'held'],
  ['make', 'made', 'made'],
  ['take', 'took', 'taken'],
  ['give', 'gave', 'given'],
  ['see', 'saw', 'seen'],
  ['come', 'came', 'come'],
  ['begin', 'began', 'begun'],
  ['leave', 'left', 'left'],
  ['tell', 'told', 'told'],
  ['find', 'found', 'found'],
  ['win', 'won', 'won'],
  ['lose', 'lost', 'lost'],
  ['send', 'sent', 'sent'],
  ['bring', 'brought', 'brought'],
  ['keep', 'kept', 'kept'],
  ['strike', 'struck', 'struck'],
  ['rise', 'rose', 'risen'],
  ['grow', 'grew', 'grown'],
  ['speak', 'spoke', 'spoken'],
  ['write', 'wrote', 'written'],
  ['break', 'broke', 'broken'],
  ['choose', 'chose', 'chosen'],
  ['lead', 'led', 'led'],
  ['pay', 'paid', 'paid'],
  ['sell', 'sold', 'sold'],
  ['become', 'became', 'become'],
  ['fight', 'fought', 'fought'],
  ['seek', 'sought', 'sought'],
  ['build', 'built', 'built'],
  ['spend', 'spent', 'spent'],
  ['withdraw', 'withdrew', 'withdrawn'],
  ['draw', 'drew', 'drawn'],
  ['drive', 'drove', 'driven'],
  ['fly', 'flew', 'flown'],
  ['throw', 'threw', 'thrown'],
  ['forbid', 'forbade', 'forbidden'],
  ['undergo', 'underwent', 'undergone'],
  ['overtake', 'overtook', 'overtaken'],
  ['fall', 'fell', 'fallen'],
  ['buy', 'bought', 'bought'],
  ['oversee', 'oversaw', 'overseen'],
  ['uphold', 'upheld', 'upheld'],
  ['stand', 'stood', 'stood'],
  ['flee', 'fled', 'fled'],
  ['shoot', 'shot', 'shot'],
  ['teach', 'taught', 'taught'],
  ['catch', 'caught', 'caught'],
  ['forgive', 'forgave', 'forgiven'],
  ['arise', 'arose', 'arisen'],
];

/** Verbs ending in one vowel and one consonant whose last syllable is stressed: "stopped", "admitted". */
const DOUBLING: ReadonlySet<string> = new Set(`admit ban commit drop plan scrap slam step stop submit kidnap`.split(' '));

/** Regular verbs whose irregular entry (above) wins: "strike", "seek", "withdraw" are listed twice for clarity. */
const irregularBases = new Set(IRREGULAR.map(([base]) => base));

/** The simple past of a regular verb. */
function pastOf(base: string): string {
  if (DOUBLING.has(base)) return base + base.at(-1)! + 'ed';
  if (base.endsWith('e')) return base + 'd';
  if (/[^aeiou]y$/u.test(base)) return base.slice(0, -1) + 'ied';
  return base + 'ed';
}

/** The third person singular present: "signs", "pushes", "tries", "echoes". */
export function thirdPersonOf(base: string): string {
  if (base === 'have') return 'has';
  if (/(?:s|sh|ch|x|z|o)$/u.test(base)) return base + 'es';
  if (/[^aeiou]y$/u.test(base)) return base.slice(0, -1) + 'ies';
  return base + 's';
}

/** Past form (simple past or participle) → base, for every verb listed. */
const PAST_TO_BASE = new Map<string, string>();
/** Simple past only: "took", not "taken" ("China taken" is no clause). */
const SIMPLE_PAST = new Set<string>();
/** Past participle only: "taken", "signed" (after "has", "have", "been", "was"). */
const PARTICIPLE = new Set<string>();
for (const base of REGULAR) {
  if (irregularBases.has(base)) continue;
  const past = pastOf(base);
  PAST_TO_BASE.set(past, base);
  SIMPLE_PAST.add(past);
  PARTICIPLE.add(past);
}
for (const [base, past, participle] of IRREGULAR) {
  PAST_TO_BASE.set(past, base);
  PAST_TO_BASE.set(participle, base);
  SIMPLE_PAST.add(past);
  PARTICIPLE.add(participle);
}

/** The base form of a listed verb's simple past ("announced" → "announce"), else undefined. */
export function baseOfPast(word: string): string | undefined {
  return SIMPLE_PAST.has(word) ? PAST_TO_BASE.get(word) : undefined;
}

/** The base form of a listed verb's past participle ("signed", "taken"), else undefined. */
export function baseOfParticiple(word: string): string | undefined {
  return PARTICIPLE.has(word) ? PAST_TO_BASE.get(word) : undefined;
}

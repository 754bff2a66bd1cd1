/**
 * Where a sentence's first verb is, so that a headline cut before it can be told for the fragment
 * it is ("Regular military contact" of "Regular military contact between the two superpowers is
 * key …"). Without a tagger the test is lexical: an auxiliary, a common news verb ("closes",
 * "meet", "said"), or a past tense ("-ed") not after "having"/"being". It knows too few verbs to say that
 * a text has none ("Taliban fighters swept into Kabul"): it only says where a known one is.
 */
const AUXILIARIES: ReadonlySet<string> = new Set(
  `is are was were be been am has have had do does did will would shall should can could may might must
  isn't aren't wasn't weren't hasn't haven't hadn't doesn't didn't won't wouldn't can't couldn't`
    .split(/\s+/)
    .filter(Boolean),
);

/** Common news verbs, present tense, third person ("Croatia closes", "Russia moves"). */
const PRESENT: ReadonlySet<string> = new Set(
  `says calls plans seeks wants moves closes deploys begins warns urges asks vows launches announces rejects
  approves passes signs faces holds meets sends takes makes gives gets sees shows opens ends kills hits wins
  loses leaves arrives returns agrees accuses denies claims reports confirms condemns demands offers orders
  bans blocks cuts raises suspends resumes refuses declines threatens expects fails needs keeps puts runs
  sets stays tells tries becomes remains comes goes grows falls rises drops jumps lifts pushes pulls reaches
  seizes strikes struck bombs attacks fires names elects appoints resigns quits joins backs supports opposes
  asserts insists argues believes fears hopes plans emphasizes stresses notes adds writes says reveals
  unveils releases files sues charges arrests detains frees rescues evacuates votes rules finds`
    .split(/\s+/)
    .filter(Boolean),
);

/** The same verbs after a plural subject ("Foreign ministers … meet with officials"). */
const BASE: ReadonlySet<string> = new Set(
  `meet say call plan agree vote hold begin seek want warn urge ask vow launch announce reject approve sign
  face send take make give see show open win lose leave return accuse deny claim report confirm condemn
  demand offer order ban block raise suspend resume refuse decline threaten expect fail need keep`
    .split(/\s+/)
    .filter(Boolean),
);

const IRREGULAR_PAST: ReadonlySet<string> = new Set(
  `said met held made took gave got saw came went began left told found put set ran won lost sent brought
  thought kept struck fell rose grew drew spoke wrote broke chose drove flew hit cut led paid shot sold
  stood understood became`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a word is an auxiliary ("is", "were", "has", "will" …). */
export function isAuxiliary(word: string): boolean {
  return AUXILIARIES.has(word.toLowerCase());
}

/** The index of the first known verb of a text, or −1 when it has none that this module knows. */
export function firstVerbAt(text: string): number {
  let previous = '';
  for (const match of text.matchAll(/[\p{L}']+/gu)) {
    const word = match[0].toLowerCase();
    if (AUXILIARIES.has(word) || PRESENT.has(word) || BASE.has(word) || IRREGULAR_PAST.has(word)) return match.index;
    // "accused", "recovered": a past tense, unless a participle after "having" or "being".
    if (previous !== '' && /\p{L}{3}ed$/u.test(word) && previous !== 'having' && previous !== 'being') return match.index;
    previous = word;
  }
  return -1;
}

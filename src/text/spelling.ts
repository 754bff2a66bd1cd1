/**
 * British spellings as American ones, so that a summary from the Guardian ("defence minister",
 * "organisation", "travelled") and one from the Associated Press ("defense minister",
 * "organization", "traveled") share their words: in search ("defense" finds "defence") and in
 * story grouping alike. Only words listed here (and the -ise/-our/-re/-ll- forms built from the
 * lists) change: a rule on every "-ise" would turn "promise" and "exercise" into non-words, and
 * "-our" would take "four" and "tour".
 * Runs on folded, lower-case terms after the plural stemmer (stem.ts), which has already turned
 * "centres" into "centre" and "organisations" into "organisation".
 */

/** Stems whose -ise, -ised, -ising, -isation (British) are -ize, -ized, -izing, -ization (American). */
const IZE_STEMS = `organ recogn critic apolog author real emphas priorit mobil privat legal minim maxim stabil
  destabil summar sympath modern normal jeopard categor character civil global urban colon hospital
  immun militar demilitar national util optim capital subsid scrutin terror polar radical neutral
  decentral digit random standard harmon monopol penal revital decriminal commercial industrial final
  formal special visual central democrat familiar memor critic patron fantas ideal moral western
  vapor satir agon antagon metabol crystal fertil steril synchron evangel galvan jeopard`
  .split(/\s+/)
  .filter(Boolean);
const IZE_ENDINGS: readonly (readonly [string, string])[] = [
  ['ise', 'ize'],
  ['ised', 'ized'],
  ['ising', 'izing'],
  ['isation', 'ization'],
  ['iser', 'izer'],
];

/** Words whose British -our is American -or, with the endings they take. */
const OUR_STEMS = `labour favour honour colour neighbour behaviour harbour rumour humour armour endeavour vigour
  valour saviour flavour odour parlour tumour splendour clamour`
  .split(/\s+/)
  .filter(Boolean);
const OUR_ENDINGS = ['', 'ed', 'ing', 'able', 'ably', 'ite', 'ful', 'hood', 'al', 'less', 'er', 'ers'];

/** Words whose British -re is American -er. */
const RE_WORDS = `centre theatre metre kilometre centimetre millimetre litre fibre calibre sabre spectre lustre
  meagre sombre`
  .split(/\s+/)
  .filter(Boolean);

/** Everything else, British → American. */
const OTHERS: Readonly<Record<string, string>> = {
  defence: 'defense',
  offence: 'offense',
  licence: 'license',
  pretence: 'pretense',
  programme: 'program',
  travelled: 'traveled',
  travelling: 'traveling',
  traveller: 'traveler',
  cancelled: 'canceled',
  cancelling: 'canceling',
  labelled: 'labeled',
  labelling: 'labeling',
  modelled: 'modeled',
  modelling: 'modeling',
  fuelled: 'fueled',
  fuelling: 'fueling',
  signalled: 'signaled',
  signalling: 'signaling',
  channelled: 'channeled',
  levelled: 'leveled',
  totalled: 'totaled',
  counselling: 'counseling',
  counsellor: 'counselor',
  marvellous: 'marvelous',
  jewellery: 'jewelry',
  catalogue: 'catalog',
  analyse: 'analyze',
  analysed: 'analyzed',
  analysing: 'analyzing',
  paralyse: 'paralyze',
  paralysed: 'paralyzed',
  grey: 'gray',
  tyre: 'tire',
  sceptical: 'skeptical',
  sceptic: 'skeptic',
  scepticism: 'skepticism',
  aluminium: 'aluminum',
  paediatric: 'pediatric',
  paediatrician: 'pediatrician',
  anaesthetic: 'anesthetic',
  haemorrhage: 'hemorrhage',
  oestrogen: 'estrogen',
  foetus: 'fetus',
  diarrhoea: 'diarrhea',
  manoeuvre: 'maneuver',
  manoeuvred: 'maneuvered',
  ageing: 'aging',
  judgement: 'judgment',
  fulfil: 'fulfill',
  enrol: 'enroll',
  enrolment: 'enrollment',
  plough: 'plow',
  pyjama: 'pajama',
  moustache: 'mustache',
  storey: 'story',
  draught: 'draft',
  kerb: 'curb',
};

const AMERICAN: ReadonlyMap<string, string> = new Map([
  ...IZE_STEMS.flatMap((stem) => IZE_ENDINGS.map(([british, american]) => [stem + british, stem + american] as const)),
  ...OUR_STEMS.flatMap((word) => OUR_ENDINGS.map((ending) => [word + ending, word.slice(0, -2) + 'r' + ending] as const)),
  ...RE_WORDS.map((word) => [word, word.slice(0, -2) + 'er'] as const),
  ...Object.entries(OTHERS),
]);

/** A term in American spelling (itself when it has no British form listed). */
export function americanSpelling(term: string): string {
  return AMERICAN.get(term) ?? term;
}

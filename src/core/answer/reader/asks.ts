import { wordsOf } from '../../text/analyze.js';
import { OFFICES } from '../../question/office.js';
import { interrogative, questionKind } from '../../question/kind.js';

/**
 * The type of answer a question asks for: the question's kind (who, when, where, how many…, with the
 * "-kah" and English forms) made precise by the noun that says what is asked ("negara apa", "which
 * company", "tahun berapa").
 */
export type AnswerType = 'person' | 'date' | 'number' | 'place' | 'org' | 'name' | 'thing' | 'reason';

export const ANSWER_TYPES: readonly AnswerType[] = [
  'person',
  'date',
  'number',
  'place',
  'org',
  'name',
  'thing',
  'reason',
];

/** Nouns for people that are no office: "which player", "tokoh apa". */
const PEOPLE = [
  'tokoh',
  'orang',
  'pemain',
  'penulis',
  'pencipta',
  'penemu',
  'pendiri',
  'pemimpin',
  'person',
  'player',
  'writer',
  'founder',
  'inventor',
  'envoy',
  'chairwoman',
  'leader',
  'commander',
  'official',
];

/** Nouns that say what kind of thing "X apa / X mana / which X" asks for. */
const KIND_NOUNS: [AnswerType, RegExp][] = [
  ['date', /^(tanggal|tahun|hari|bulan|abad|date|year|day|month|century|waktu|jam|pukul|time|periode|era|masa)$/],
  [
    'place',
    /^(negara|kota|provinsi|pulau|daerah|wilayah|kabupaten|kecamatan|desa|tempat|lokasi|benua|gunung|sungai|danau|laut|selat|country|city|province|island|region|place|town|village|state|continent|river|lake|mountain)$/,
  ],
  [
    'org',
    /^(perusahaan|organisasi|partai|kelompok|lembaga|instansi|klub|tim|universitas|bank|badan|kementerian|company|organisation|organization|party|group|club|team|university|agency|ministry|institution)$/,
  ],
  ['person', new RegExp(`^(${[...OFFICES, ...PEOPLE].join('|')})$`)],
  [
    'number',
    /^(jumlah|banyak|number|amount|berat|tinggi|panjang|luas|harga|biaya|kapasitas|usia|umur|kecepatan|suhu|jarak|skor|score)$/,
  ],
  ['name', /^(nama|name|julukan|gelar|judul|title)$/],
];

/** Words that end the noun phrase after "which"/"what": the question's verb or a preposition. */
const PHRASE_ENDS = new Set([
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'will',
  'can',
  'of',
  'in',
  'on',
  'at',
  'for',
  'to',
  'from',
  'by',
  'with',
]);

const KIND_TYPE = {
  who: 'person',
  when: 'date',
  where: 'place',
  count: 'number',
  why: 'reason',
  how: 'reason',
} as const;

/** Whether the question's kind words ("skor" of "Berapa skor…", "score" of "What was the score…") ask for a match's score. */
export const asksScore = (kinds: ReadonlySet<string>): boolean => kinds.has('skor') || kinds.has('score');

/** The answer type a noun names ("negara" → place, "company" → org), if it names one. */
export function typeOfNoun(noun: string | undefined): AnswerType | undefined {
  if (!noun) return undefined;
  for (const [type, pattern] of KIND_NOUNS) if (pattern.test(noun)) return type;
  return undefined;
}

/** The answer type of a question; "thing" for what/apa questions that name no kind of thing. */
export function answerType(question: string): AnswerType {
  const kind = questionKind(question);
  if (kind !== 'what' && kind !== 'other') return KIND_TYPE[kind];
  const words = wordsOf(question);
  const at = words.findIndex((w) => interrogative(w) !== null);
  if (at < 0) return 'thing';
  // Indonesian names the kind before its question word ("negara apa"), English after it, perhaps past a
  // modifier ("which country", "which US secretary of state").
  return typeOfNoun(words[at - 1]) ?? englishKind(words.slice(at + 1)) ?? 'thing';
}

/** How many words after "which"/"what" may name the kind of thing asked for, before the noun phrase ends. */
const KIND_PHRASE = 3;

/** The first word naming a kind in the noun phrase after an English question word; it ends at the first verb-like stopword. */
function englishKind(after: string[]): AnswerType | undefined {
  for (const word of after.slice(0, KIND_PHRASE)) {
    const type = typeOfNoun(word);
    if (type) return type;
    if (PHRASE_ENDS.has(word)) return undefined;
  }
  return undefined;
}

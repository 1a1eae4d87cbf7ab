import { interrogative, questionKind } from '../question-kind.js';

/**
 * The type of answer a question asks for: the question's kind (who, when, where, how many…, with the
 * "-kah" and English forms) made precise by the noun that says what is asked ("negara apa", "which
 * company", "tahun berapa").
 */
export type AnswerType = 'person' | 'date' | 'number' | 'place' | 'org' | 'name' | 'thing' | 'reason';

export const ANSWER_TYPES: readonly AnswerType[] = ['person', 'date', 'number', 'place', 'org', 'name', 'thing', 'reason'];

/** Nouns that say what kind of thing "X apa / X mana / which X" asks for. */
const KIND_NOUNS: [AnswerType, RegExp][] = [
  ['date', /^(tanggal|tahun|hari|bulan|abad|date|year|day|month|century|waktu|jam|pukul|time|periode|era|masa)$/],
  ['place', /^(negara|kota|provinsi|pulau|daerah|wilayah|kabupaten|kecamatan|desa|tempat|lokasi|benua|gunung|sungai|danau|laut|selat|country|city|province|island|region|place|town|village|state|continent|river|lake|mountain)$/],
  ['org', /^(perusahaan|organisasi|partai|kelompok|lembaga|instansi|klub|tim|universitas|bank|badan|kementerian|company|organisation|organization|party|group|club|team|university|agency|ministry|institution)$/],
  ['person', /^(tokoh|orang|pemain|pelatih|presiden|menteri|raja|ratu|penulis|pencipta|penemu|pendiri|person|player|coach|president|minister|king|queen|writer|founder|inventor)$/],
  ['number', /^(jumlah|banyak|number|amount|berat|tinggi|panjang|luas|harga|biaya|kapasitas|usia|umur|kecepatan|suhu|jarak)$/],
  ['name', /^(nama|name|julukan|gelar|judul|title)$/],
];

const KIND_TYPE = { who: 'person', when: 'date', where: 'place', count: 'number', why: 'reason', how: 'reason' } as const;

function typeOfNoun(noun: string | undefined): AnswerType | undefined {
  if (!noun) return undefined;
  for (const [type, pattern] of KIND_NOUNS) if (pattern.test(noun)) return type;
  return undefined;
}

/** The answer type of a question; "thing" for what/apa questions that name no kind of thing. */
export function answerType(question: string): AnswerType {
  const kind = questionKind(question);
  if (kind !== 'what' && kind !== 'other') return KIND_TYPE[kind];
  const words = question.toLowerCase().match(/\p{L}+/gu) ?? [];
  const at = words.findIndex((w) => interrogative(w) !== null);
  if (at < 0) return 'thing';
  // Indonesian names the kind before its question word ("negara apa"), English after it ("which country").
  return typeOfNoun(words[at - 1]) ?? typeOfNoun(words[at + 1]) ?? 'thing';
}


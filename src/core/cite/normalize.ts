import { WORD } from '../text/analyze.js';
/**
 * Text as a sequence of normalised words, each with its offsets in the original string: case, accents,
 * quote styles, punctuation and whitespace disappear, and every word still points back at its characters.
 */

export interface NormWord {
  /** Lower-cased, accents removed. */
  word: string;
  start: number;
  end: number;
  /** The original began with a capital letter. */
  capital: boolean;
  /** Digits, or a number word mapped to its digits ("empat", "four" → "4"). */
  number: string | null;
}

/** Number words of both languages ("satu" and "one" are left out: "satu sama lain", "one another"). */
const NUMBER_WORDS: Record<string, string> = {
  dua: '2',
  tiga: '3',
  empat: '4',
  lima: '5',
  enam: '6',
  tujuh: '7',
  delapan: '8',
  sembilan: '9',
  sepuluh: '10',
  sebelas: '11',
  seratus: '100',
  seribu: '1000',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  hundred: '100',
  thousand: '1000',
  // "kedua negara" is "the two countries", "kedua belah pihak" "both sides".
  kedua: '2',
  both: '2',
};

export const foldWord = (surface: string): string =>
  surface
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export function numberOf(word: string): string | null {
  if (/^\p{N}+$/u.test(word)) return String(Number(word)) === 'NaN' ? word : word.replace(/^0+(?=\d)/, '');
  return NUMBER_WORDS[word] ?? null;
}

/** The words of `text` with offsets into it: `text.slice(w.start, w.end)` is the word as written. */
export function normalizeWords(text: string): NormWord[] {
  const words: NormWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const surface = match[0];
    const word = foldWord(surface);
    words.push({
      word,
      start: match.index,
      end: match.index + surface.length,
      capital: /^\p{Lu}/u.test(surface),
      number: numberOf(word),
    });
  }
  return words;
}

/** Indonesian SMS abbreviations and common short forms, expanded before fuzzy matching. */
export const ABBREVIATIONS: Record<string, string> = {
  yg: 'yang',
  dgn: 'dengan',
  dg: 'dengan',
  utk: 'untuk',
  tdk: 'tidak',
  tak: 'tidak',
  krn: 'karena',
  karna: 'karena',
  sdh: 'sudah',
  udh: 'sudah',
  blm: 'belum',
  tsb: 'tersebut',
  pd: 'pada',
  dr: 'dari',
  dlm: 'dalam',
  bhw: 'bahwa',
  sbg: 'sebagai',
  spt: 'seperti',
  kpd: 'kepada',
  thd: 'terhadap',
  trhdp: 'terhadap',
  jg: 'juga',
  sy: 'saya',
  kmrn: 'kemarin',
  hr: 'hari',
  bs: 'bisa',
  org: 'orang',
  tgl: 'tanggal',
  thn: 'tahun',
  bln: 'bulan',
  sj: 'saja',
  lg: 'lagi',
  sbb: 'sebagai berikut',
  dsb: 'dan sebagainya',
  dll: 'dan lain lain',
  scr: 'secara',
  msh: 'masih',
  hrs: 'harus',
  akn: 'akan',
  ttg: 'tentang',
  sblm: 'sebelum',
  stlh: 'setelah',
  skrg: 'sekarang',
  bbrp: 'beberapa',
  mrk: 'mereka',
  n: 'dan',
  dn: 'dan',
  u: 'you',
  ur: 'your',
  w: 'with',
  govt: 'government',
  intl: 'international',
};

/**
 * Words for fuzzy matching: abbreviations expanded ("yg" → "yang") and reduplication written with a 2
 * spelled out ("langkah2" → "langkah langkah"). Expanded words keep the offsets of what was written.
 */
export function fuzzyWords(text: string): NormWord[] {
  const out: NormWord[] = [];
  for (const w of normalizeWords(text)) {
    const redup = /^(\p{L}{2,})2$/u.exec(w.word);
    const expanded = redup ? `${redup[1]} ${redup[1]}` : ABBREVIATIONS[w.word];
    if (expanded) for (const part of expanded.split(' ')) out.push({ ...w, word: part, number: numberOf(part) });
    else out.push(w);
  }
  return out;
}

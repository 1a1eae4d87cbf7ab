import { tokenize, wordsOf } from '../text/analyze.js';
import { isName } from '../text/names.js';
/**
 * What a question asks for, which tells the answerer what a good answer looks like: a person
 * (who), a date or time (when), a place (where), a number (count), or a thing, reason or manner.
 */
export type QuestionKind = 'who' | 'when' | 'where' | 'count' | 'what' | 'why' | 'how' | 'other';

/**
 * Question words and what each asks for. Indonesian ones also count with "-kah" ("siapakah",
 * "berapakah", "manakah") and with a fused preposition ("dimana", "kemanakah").
 */
const INTERROGATIVES: Record<string, QuestionKind> = {
  siapa: 'who',
  kapan: 'when',
  bilamana: 'when',
  bila: 'when',
  dimana: 'where',
  kemana: 'where',
  darimana: 'where',
  berapa: 'count',
  apa: 'what',
  mana: 'what',
  mengapa: 'why',
  kenapa: 'why',
  bagaimana: 'how',
  who: 'who',
  whom: 'who',
  whose: 'who',
  when: 'when',
  where: 'where',
  what: 'what',
  which: 'what',
  why: 'why',
  how: 'how',
};

/** Words that are question words only with "-kah": "bilakah" asks when, "bila" alone means "if". */
const KAH_ONLY = new Set(['bila']);

/** The question word a word is, without its "-kah" ("siapakah" → "siapa"), or null when it is none. */
export function interrogative(word: string): string | null {
  const lower = word.toLowerCase();
  const base = lower.endsWith('kah') ? lower.slice(0, -3) : lower;
  if (!(base in INTERROGATIVES)) return null;
  return base === lower && KAH_ONLY.has(base) ? null : base;
}

/** Whether a word only says that something is asked, not what about ("apakah", "dimanakah", "which"). */
export const isInterrogative = (word: string): boolean => interrogative(word) !== null;

/** Nouns that make "berapa"/"apa"/"what"/"which" ask for a time: "tahun berapa", "hari apa", "what year". */
const TIME_NOUNS = new Set([
  'tanggal',
  'tahun',
  'hari',
  'bulan',
  'pukul',
  'jam',
  'abad',
  'date',
  'year',
  'day',
  'month',
  'time',
  'century',
]);
/** Prepositions that make "mana" ask for a place: "di mana", "di negara manakah", "ke mana". */
const PLACE_PREPOSITIONS = new Set(['di', 'ke', 'dari', 'in', 'from']);
/** What follows "how" to ask for a number or a measure: "how many", "how often", "how deep", "how tall". */
const HOW_COUNT = new Set([
  'many',
  'much',
  'often',
  'long',
  'far',
  'old',
  'deep',
  'high',
  'tall',
  'wide',
  'big',
  'large',
  'heavy',
  'fast',
  'thick',
  'hot',
  'cold',
  'warm',
]);

/** The kind of answer a question word asks for, read with its neighbours. */
function kindAt(words: string[], i: number): QuestionKind | null {
  const base = interrogative(words[i]);
  if (base === null) return null;
  const before = words[i - 1];
  const after = words[i + 1];
  if ((base === 'berapa' || base === 'apa') && before !== undefined && TIME_NOUNS.has(before)) return 'when';
  if ((base === 'what' || base === 'which') && after !== undefined && TIME_NOUNS.has(after)) return 'when';
  if (base === 'how' && after !== undefined && HOW_COUNT.has(after)) return 'count';
  if (base === 'mana' && [words[i - 1], words[i - 2]].some((w) => w !== undefined && PLACE_PREPOSITIONS.has(w)))
    return 'where';
  return INTERROGATIVES[base];
}

/** What the question asks for, from its first question word; "other" when it has none. */
export function questionKind(question: string): QuestionKind {
  const words = wordsOf(question);
  for (let i = 0; i < words.length; i++) {
    const kind = kindAt(words, i);
    if (kind !== null) return kind;
  }
  return 'other';
}

const NUMBER =
  /\b(\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|ratus|ribu|juta|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|once|twice)\b/i;
const DATE =
  /\b(\d{1,2}\/\d{1,2}|\d{4}|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday|kemarin|yesterday)\b/i;

/**
 * Whether a sentence holds the kind of fact asked for, beyond what the question itself says: a number,
 * a date, a name. Kinds that ask for no particular shape (what, why, how) accept any sentence.
 */
export function hasAnswerShape(kind: QuestionKind, sentence: string, questionWords: Set<string>): boolean {
  const fresh = (pattern: RegExp) =>
    (sentence.match(new RegExp(pattern.source, 'gi')) ?? []).some((w) => !questionWords.has(w.toLowerCase()));
  switch (kind) {
    case 'count':
      return fresh(NUMBER);
    case 'when':
      return fresh(DATE);
    case 'who':
    case 'where':
      // A name (text/names.ts) of two letters or more that the question does not say already.
      return tokenize(sentence).some((t, i) => isName(t, i === 0) && t.word.length > 1 && !questionWords.has(t.word));
    default:
      return true;
  }
}

import { matchesWord, type QuestionWord, type StemmedToken } from './coverage.js';
import { isCommonWord, type Analyzer } from '../text/analyze.js';
import { isName } from '../text/names.js';

/** Offices news writes right before the holder's name: "Presiden Joko Widodo", "Coach Shin Tae-yong". */
export const OFFICES = [
  'presiden',
  'wakil',
  'menteri',
  'menlu',
  'gubernur',
  'bupati',
  'walikota',
  'wali',
  'ketua',
  'direktur',
  'dirut',
  'panglima',
  'raja',
  'ratu',
  'sultan',
  'pelatih',
  'jubir',
  'duta',
  'sekretaris',
  'president',
  'minister',
  'secretary',
  'governor',
  'mayor',
  'chairman',
  'director',
  'coach',
  'king',
  'queen',
  'spokesperson',
  'spokeswoman',
  'spokesman',
  'senator',
  'ambassador',
  'premier',
  'chancellor',
];
const OFFICE = new Set(OFFICES);

/** The question's words that name an office ("presiden" in "Siapa presiden Rusia?"): a who-question about them asks for its holder. */
export const officesAsked = (words: QuestionWord[]): QuestionWord[] => words.filter((w) => OFFICE.has(w.word));

/**
 * Whether a sentence (its stemmed tokens) names someone beside an office asked about: it holds the
 * office and a name, a capitalised word (not the sentence's first) that is neither the question's, a
 * stopword nor a dictionary word. "Iranian and Russian presidents held talks" speaks of presidents but
 * names none.
 */
export function namesHolder(
  offices: QuestionWord[],
  tokens: StemmedToken[],
  asked: Set<string>,
  analyzer: Analyzer,
): boolean {
  const office = tokens.some((t) => offices.some((w) => matchesWord(w, t.word, t.stem)));
  return office && tokens.some((t, i) => isName(t, i === 0) && !asked.has(t.word) && !isCommonWord(t.word, analyzer));
}

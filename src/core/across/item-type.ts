import { interrogative } from '../question/kind.js';
import { OFFICES } from '../question/office.js';
import { answerType, typeOfNoun, type AnswerType } from '../answer/reader/asks.js';
import { isOrgHead } from '../answer/reader/spans.js';
import { isCommonWord, WORD, wordsOf, type Analyzer } from '../text/analyze.js';
import { isStopword } from '../text/stopwords.js';
import type { Span } from '../types.js';
import { isCalendarWord } from './dates.js';

/**
 * What a list asks its items to be, and whether an item is one. A list names its kind of item with a
 * plural ("which countries", "which companies") or a noun phrase whose head opens it ("negara elite
 * Eropa mana saja", "pemain diaspora mana saja"), which the single-answer type (asks.ts) reads only in
 * the singular and right beside the question word.
 */

/** English plurals the kind nouns are read from: "countries" → "country", "players" → "player". */
const singular = (word: string): string =>
  word === 'people'
    ? 'person'
    : word.endsWith('ies')
      ? `${word.slice(0, -3)}y`
      : word.endsWith('s') && !word.endsWith('ss')
        ? word.slice(0, -1)
        : word;

/** How many words after "which"/"what" may name the kind of item. */
const KIND_PHRASE = 3;

/** The type of the items a list question asks for. */
export function listItemType(question: string): AnswerType {
  const type = answerType(question);
  if (type !== 'thing') return type;
  const words = wordsOf(question);
  const at = words.findIndex((w) => interrogative(w) !== null);
  if (at < 0) return type;
  // Indonesian: the phrase before the question word, back to a stopword; its first word is the head.
  let head = at;
  while (head > 0 && !isStopword(words[head - 1])) head--;
  const before = head < at ? typeOfNoun(words[head]) : undefined;
  const after = words
    .slice(at + 1, at + 1 + KIND_PHRASE)
    .map((w) => typeOfNoun(singular(w)))
    .find((t) => t !== undefined);
  return before ?? after ?? type;
}

/** The answer types whose items are names. */
const NAME_TYPES = new Set<AnswerType>(['person', 'place', 'org', 'name']);
export const asksNames = (type: AnswerType): boolean => NAME_TYPES.has(type);
/** The answer types whose items are dates or numbers. */
const FIGURE_TYPES = new Set<AnswerType>(['date', 'number']);
/** Articles, which may open a thing's name ("the arts"). */
const ARTICLE = /^(?:the|a|an)$/iu;

const OFFICE = new Set(OFFICES);
/** Words right before a name that make it a place's: "di Bandung", "in Guernsey", "asal Brasil". */
const PLACE_BEFORE = /(?:^|\s)(?:di|ke|asal|in|at)\s+$/iu;
/** Indonesian ministries, written out or shortened: "Kementerian", "Kemenlu", "Kemenkeu", "Kemendagri". */
const MINISTRY = /^kemen/iu;
/**
 * The kind a word names when it opens or stands before a name: a ministry, or a word that heads an
 * organisation's name ("Komisi Pemberantasan Korupsi", "Dewan Pengawas"), is an organisation's.
 */
const kindOf = (word: string | undefined) =>
  word && (MINISTRY.test(word) || isOrgHead(word.toLowerCase())) ? 'org' : typeOfNoun(word?.toLowerCase());

/**
 * Whether an item is of the type asked for. Unless dates or numbers are asked for, no date ("Rabu",
 * "Januari 2022", "5") is one. Any name is one (no comma in it, more than a lone letter). A person has a word that is no common word, office or date ("Menteri Sekretaris
 * Negara Pratikno", not "Direktur Utama" or "Presiden Iran"), and is neither a place nor an organisation:
 * not opened by one's kind noun ("Pulau Penang", "Dinas Lingkungan Hidup", "Kemenlu Iran"), nor right
 * after one ("Kecamatan Sei Lepan", "Ministry of Foreign Affairs") or a place preposition ("di Guernsey").
 */
export function fitsItemType(type: AnswerType, sentence: Span, item: Span, analyzer: Analyzer): boolean {
  if (FIGURE_TYPES.has(type)) return true;
  // A date or a bare number is no name and no thing of a kind ("27 dan 28 Mei 2023" for "Stadion mana saja").
  const words = item.text.match(WORD) ?? [];
  if (words.every((w) => /^\p{N}+$/u.test(w) || isCalendarWord(w))) return false;
  // A thing opened by a function word is a clause or a fragment ("he hoped …", "should expand …", "up").
  const [first = ''] = words;
  if (!NAME_TYPES.has(type)) return ARTICLE.test(first) || !isStopword(first.toLowerCase());
  // A name holds no list: "JCC, Hutan Kota Plataran" is two.
  if (/[,;]/u.test(item.text)) return false;
  // A lone letter names nothing ("grup A").
  if (words.length === 1 && words[0].length === 1) return false;
  if (type !== 'person') return true;
  const before = sentence.text.slice(0, item.start - sentence.start);
  // The word before, or before its "of" ("the Ministry of Foreign Affairs").
  const kindBefore = kindOf(before.match(/([\p{L}]+)\s+(?:of\s+)?$/iu)?.[1]);
  const kindOpening = kindOf(words[0]);
  if (PLACE_BEFORE.test(before) || kindBefore === 'place' || kindBefore === 'org') return false;
  if (kindOpening === 'place' || kindOpening === 'org') return false;
  return words.some((w) => {
    const lower = w.toLowerCase();
    return !OFFICE.has(lower) && !isCalendarWord(w) && !/^\p{N}+$/u.test(w) && !isCommonWord(lower, analyzer);
  });
}

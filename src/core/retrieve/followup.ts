import { tokenize, type Analyzer } from '../text/analyze.js';
import type { Filters, Turn } from '../types.js';
import { detectLanguage } from '../corpus/language.js';

/** Words that point back at something said before. */
const REFERENCES = /\b(he|she|it|they|him|her|them|his|their|that|this|those|there|then|dia|ia|beliau|itu|tersebut|mereka|nya|sana|saat itu|waktu itu)\b/i;
const PERSON = /\b(he|she|him|her|his|they|them|their|dia|ia|beliau|mereka)\b/i;
const SHORT = 4;

/**
 * Resolves a follow-up question offline: when it refers back ("When was that?", "Kapan itu?") or is
 * very short and names nothing of its own, the names and content words of the previous resolved question are carried into it, and
 * the previous turn's filters stay in force unless new ones are given.
 */
export function resolveFollowUp(question: string, history: Turn[], analyzer: Analyzer): { question: string; filters: Filters } {
  const previous = history[history.length - 1];
  if (!previous) return { question, filters: {} };
  const lang = detectLanguage(question);
  const content = tokenize(question).filter((t) => !analyzer.isStopword(t.word, lang));
  // A short question that names something of its own ("What did Zakharova say?") stands alone.
  const namesItsOwn = content.some((t) => (t.capital && t.start > 0) || /\p{N}/u.test(t.word));
  if (!REFERENCES.test(question) && (content.length >= SHORT || namesItsOwn)) return { question, filters: previous.filters };
  const have = new Set(content.map((t) => t.word));
  const wordsOf = (text: string, namesOnly: boolean) =>
    tokenize(text)
      .filter((t) => (!namesOnly || (t.capital && t.start > 0)) && !analyzer.isStopword(t.word, 'en') && !analyzer.isStopword(t.word, 'id') && !have.has(t.word))
      .map((t) => text.slice(t.start, t.end));
  // "he", "she", "dia": the person is most likely named in the previous answer.
  const carried = [...wordsOf(previous.resolvedQuestion, false), ...(PERSON.test(question) ? wordsOf(previous.answer.replace(/\[\d+\]/g, ''), true) : [])];
  const unique = [...new Set(carried)];
  return { question: unique.length ? `${question} (${unique.join(' ')})` : question, filters: previous.filters };
}

import { tokenize, type Token } from '../text/analyze.js';
import type { Turn } from '../types.js';
import { isInterrogative } from './kind.js';
import { isStopword } from '../text/stopwords.js';
import { isName, opensSentence } from '../text/names.js';

/** Words that point back at something said before: pronouns, demonstratives, "there", "then". */
const REFERENCES = new Set([
  'he',
  'she',
  'it',
  'they',
  'him',
  'her',
  'them',
  'his',
  'hers',
  'its',
  'their',
  'that',
  'this',
  'those',
  'these',
  'there',
  'then',
  'dia',
  'ia',
  'beliau',
  'mereka',
  'itu',
  'tersebut',
  'ini',
  'sana',
  'situ',
]);

/** An elliptic question that continues the previous one: "And the foreign ministers?", "Bagaimana dengan menteri luar negeri?". */
const CONTINUES = /^\s*(and|what about|how about|dan|lalu|bagaimana dengan)\b/i;

/** A reference word, or an Indonesian word with the possessive "-nya" ("pertemuannya", "katanya"; not "hanya", "bertanya"). */
const refersBack = (word: string) =>
  REFERENCES.has(word) || (/^\p{L}{3,}nya$/u.test(word) && !/^(hanya|punya)$|tanya$/.test(word));

/** How many turns back a follow-up's subject is looked for. */
const SUBJECT_LOOKBACK = 3;

/** A name of the text's own: a capitalised word that does not just open the sentence, or a number. */
const isOwnName = (t: Token, text: string) => /\p{N}/u.test(t.word) || isName(t, opensSentence(text, t.start));

/** The content words of a question: neither stopwords nor question words. */
const contentOf = (text: string) => tokenize(text).filter((t) => !isStopword(t.word) && !isInterrogative(t.word));

/** A question's names ("Shoygu", "Lavrov", "Moskow", "2020"). */
const namesOf = (question: string): string[] => [
  ...new Set(
    contentOf(question)
      .filter((t) => isOwnName(t, question))
      .map((t) => question.slice(t.start, t.end)),
  ),
];

/**
 * The subject of the conversation so far, to carry into a follow-up: the names of the latest question
 * that names anything (a follow-up's own question may have been searched as asked), or, when none
 * does, the previous question's content words.
 */
export function conversationSubject(history: Turn[]): string[] {
  for (let i = history.length - 1; i >= Math.max(0, history.length - SUBJECT_LOOKBACK); i--) {
    const names = namesOf(history[i].resolvedQuestion);
    if (names.length) return names;
  }
  const last = history[history.length - 1];
  return last
    ? [...new Set(contentOf(last.resolvedQuestion).map((t) => last.resolvedQuestion.slice(t.start, t.end)))]
    : [];
}

/**
 * Resolves a follow-up question offline. A question is a follow-up only on evidence: it refers back
 * (a pronoun or demonstrative: "he", "they", "that", "dia", "mereka", "itu", "tersebut") or is an
 * ellipsis (no content word of its own, "Kapan?", or a continuation, "And the foreign ministers?"), and it names no subject of its own
 * (a question that names someone or something always stands alone). The conversation's subject,
 * its names and not its wording, is carried in: "When was that? (Shoygu)". Returns null when the
 * question stands alone.
 */
export function resolveFollowUp(question: string, history: Turn[]): string | null {
  const previous = history[history.length - 1];
  if (!previous) return null;
  const content = contentOf(question);
  if (content.some((t) => isOwnName(t, question))) return null;
  if (content.length > 0 && !tokenize(question).some((t) => refersBack(t.word)) && !CONTINUES.test(question))
    return null;
  const have = new Set(content.map((t) => t.word));
  const carried = conversationSubject(history).filter((word) => !have.has(word.toLowerCase()));
  return carried.length ? `${question} (${carried.join(' ')})` : null;
}

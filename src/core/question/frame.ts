import { interrogative, isInterrogative } from './kind.js';
import type { Token } from '../text/analyze.js';
import { isName } from '../text/names.js';
import { QUERY_WEIGHTS } from '../settings.js';

/** Question words that follow the kind of thing asked for in Indonesian: "negara apa", "provinsi manakah", "tahun berapa". */
const TRAILING = new Set(['apa', 'mana', 'berapa']);
/** Interrogatives that precede it in English: "which country", "what year". */
const LEADING = new Set(['which', 'what']);
/** "Apa nama …", "siapa nama …": asking for a name, not about names. */
const NAME = new Set(['nama', 'name']);

export const ANSWER_TYPE_WEIGHT = QUERY_WEIGHTS.answerType;

/**
 * Words that only relate the question's things ("Indonesia melawan Vietnam", "scored against Vietnam"):
 * a sentence states the relation in its own verb ("Indonesia mengalahkan Vietnam", "the goal was scored
 * by…"), so they say nothing it must repeat.
 */
const RELATIONS = new Set(['against', 'versus', 'vs', 'melawan', 'kontra']);

/**
 * How much each token of a question says about the fact sought: 0 for question words (with their
 * "-kah" and fused forms, "dimanakah", "berapakah": they say what is asked, not what about) and the
 * "name" of "what is the name of" and words that only relate two things ("against", "melawan"),
 * ANSWER_TYPE_WEIGHT for the kind of thing or the attribute asked for, 1 for the rest.
 */
export function frameWeights(tokens: Token[]): number[] {
  return tokens.map((token, i) => {
    if (isInterrogative(token.word) || RELATIONS.has(token.word)) return 0;
    const before = tokens[i - 1]?.word;
    const after = tokens[i + 1]?.word;
    if (NAME.has(token.word) && before !== undefined && isInterrogative(before)) return 0;
    if (isName(token, i === 0)) return 1;
    if (
      (after !== undefined && TRAILING.has(interrogative(after) ?? '')) ||
      (before !== undefined && LEADING.has(before))
    )
      return ANSWER_TYPE_WEIGHT;
    if (asksAttribute(tokens, i)) return ANSWER_TYPE_WEIGHT;
    return 1;
  });
}

/** Words that join "what is the" to the attribute asked for. */
const COPULA = new Set(['is', 'was', 'are', 'were', 'the', 'a', 'an']);

/**
 * Whether a token names the attribute asked for right after "apa(kah)" or "apa nama" ("Apakah kepanjangan
 * BPS?", "Apa nama latin penyu hijau?") or after "what is the" ("What is the capital of…"): the answer
 * stands in its place.
 */
function asksAttribute(tokens: Token[], i: number): boolean {
  let j = i - 1;
  if (j >= 0 && NAME.has(tokens[j].word)) j--;
  while (j >= 0 && COPULA.has(tokens[j].word)) j--;
  const asked = j >= 0 ? interrogative(tokens[j].word) : null;
  return asked === 'apa' || (asked === 'what' && j < i - 1);
}

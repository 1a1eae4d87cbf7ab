/**
 * Cheap necessary conditions for two terms to be within d edits, for fuzzy matching: both stores test
 * these before measuring an edit distance.
 */

/** Which of 32 buckets each character of a term falls in, as bits: one edit changes at most two of them. */
export function characterMask(term: string): number {
  let mask = 0;
  for (let i = 0; i < term.length; i++) mask |= 1 << (term.charCodeAt(i) & 31);
  return mask;
}

/** Which of 32 buckets each pair of adjacent characters falls in, as bits: one edit changes at most four of them. */
export function pairMask(term: string): number {
  let mask = 0;
  for (let i = 1; i < term.length; i++) mask |= 1 << ((term.charCodeAt(i - 1) * 31 + term.charCodeAt(i)) & 31);
  return mask;
}

import { distance } from 'fastest-levenshtein';
import type { WeightedTerm } from './port.js';
import { BM25 } from '../settings.js';

/** Which of 32 buckets each character of a term falls in, as bits: one edit changes at most two of them. */
function characterMask(term: string): number {
  let mask = 0;
  for (let i = 0; i < term.length; i++) mask |= 1 << (term.charCodeAt(i) & 31);
  return mask;
}

/** Which of 32 buckets each pair of adjacent characters falls in, as bits: one edit changes at most four of them. */
function pairMask(term: string): number {
  let mask = 0;
  for (let i = 1; i < term.length; i++) mask |= 1 << ((term.charCodeAt(i - 1) * 31 + term.charCodeAt(i)) & 31);
  return mask;
}

function bitCount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * The indexed terms grouped by length, for fuzzy matching. A term within d edits of another differs
 * from it in at most 2d character buckets and 4d character-pair buckets, so only terms that pass those
 * cheap tests are measured.
 */
export class SimilarTerms {
  private readonly byLength = new Map<number, { terms: string[]; masks: number[]; pairs: number[] }>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      let group = this.byLength.get(term.length);
      if (!group) this.byLength.set(term.length, (group = { terms: [], masks: [], pairs: [] }));
      group.terms.push(term);
      group.masks.push(characterMask(term));
      group.pairs.push(pairMask(term));
    }
  }

  /** Indexed terms within `maxDistance` edits of `term` (the term itself excluded), with their distance. */
  near(term: string, maxDistance: number): { term: string; distance: number }[] {
    const near: { term: string; distance: number }[] = [];
    const mask = characterMask(term);
    const pairs = pairMask(term);
    for (let length = term.length - maxDistance; length <= term.length + maxDistance; length++) {
      const group = this.byLength.get(length);
      if (!group) continue;
      for (let i = 0; i < group.terms.length; i++) {
        if (bitCount(group.masks[i] ^ mask) > 2 * maxDistance || bitCount(group.pairs[i] ^ pairs) > 4 * maxDistance)
          continue;
        const other = group.terms[i];
        if (other === term) continue;
        const d = distance(term, other);
        if (d <= maxDistance) near.push({ term: other, distance: d });
      }
    }
    return near;
  }
}

/** MiniSearch's rule: a fraction of the term's length, rounded and capped at 2 edits; 1 or more is a distance. */
export const maxEdits = (term: WeightedTerm): number =>
  term.fuzzy <= 0
    ? 0
    : term.fuzzy < 1
      ? Math.min(BM25.maxFuzzy, Math.round(term.term.length * term.fuzzy))
      : Math.floor(term.fuzzy);

/**
 * What a query term matches, with the share of its weight each carries: the term itself (1) and, when it is
 * fuzzy, every indexed term within its allowed edits, weighing `fuzzyWeight · len / (len + distance)`.
 * Both stores score these alike.
 */
export function termVariants(
  query: WeightedTerm,
  indexed: Pick<SimilarTerms, 'near'> | undefined,
): { term: string; weight: number }[] {
  const variants = [{ term: query.term, weight: 1 }];
  const edits = maxEdits(query);
  if (edits > 0 && indexed)
    for (const near of indexed.near(query.term, edits))
      variants.push({
        term: near.term,
        weight: (BM25.fuzzyWeight * near.term.length) / (near.term.length + near.distance),
      });
  return variants;
}

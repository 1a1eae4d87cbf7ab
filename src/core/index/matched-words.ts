import type { WeightedTerm } from './port.js';

/**
 * The slot of each term's word, numbered 0, 1, … in order of first appearance: BM25 multiplies a passage's
 * score by how many slots it matched (a word and its translations count once). A term without a word has a
 * slot of its own.
 */
export function wordSlots(terms: readonly WeightedTerm[]): { slots: number[]; count: number } {
  const byWord = new Map<number, number>();
  let count = 0;
  const slots = terms.map((t) => {
    if (t.word === undefined) return count++;
    let slot = byWord.get(t.word);
    if (slot === undefined) byWord.set(t.word, (slot = count++));
    return slot;
  });
  return { slots, count };
}

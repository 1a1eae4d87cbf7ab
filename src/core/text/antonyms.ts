import { ANTONYM_PAIRS } from './antonyms-derived.js';

const NONE: readonly string[] = Object.freeze([]);
let byStem: Map<string, string[]> | undefined;

/** The Indonesian stems of opposite meaning to a stem ("menang" → "kalah"), from the derived thesaurus pairs. */
export function antonymsOf(stem: string): readonly string[] {
  if (!byStem) {
    byStem = new Map();
    for (const line of ANTONYM_PAIRS.split('\n')) {
      const [a, b] = line.split(' ');
      if (!b) continue;
      byStem.set(a, [...(byStem.get(a) ?? []), b]);
      byStem.set(b, [...(byStem.get(b) ?? []), a]);
    }
  }
  return byStem.get(stem) ?? NONE;
}

import { readData } from '../data.js';

/**
 * Surface words whose swap turns a quoted claim into its opposite, in both languages. The derived pairs
 * (antonymsOf, below) are Indonesian stems; a quote is compared word for word, unstemmed, and in English too, so these
 * few stay beside them (folding them into the derived set would change what `kabar cite` accepts).
 */
const OPPOSITES: [string, string][] = [
  ['continue', 'stop'],
  ['continue', 'halt'],
  ['continue', 'end'],
  ['melanjutkan', 'menghentikan'],
  ['lanjut', 'henti'],
  ['growing', 'decline'],
  ['growth', 'decline'],
  ['increase', 'decrease'],
  ['increasing', 'declining'],
  ['growing', 'declining'],
  ['positive', 'negative'],
  ['meningkat', 'menurun'],
  ['peningkatan', 'penurunan'],
  ['positif', 'negatif'],
  ['tumbuh', 'turun'],
  ['despite', 'because'],
  ['meskipun', 'karena'],
  ['lifted', 'imposed'],
  ['dicabut', 'diberlakukan'],
];

/** How many of the opposite pairs `quote` has one side of where `source` has only the other. */
export function oppositesSwapped(quote: ReadonlySet<string>, source: ReadonlySet<string>): number {
  let swaps = 0;
  for (const [a, b] of OPPOSITES) {
    if ((quote.has(a) && !source.has(a) && source.has(b)) || (quote.has(b) && !source.has(b) && source.has(a))) swaps++;
  }
  return swaps;
}

const NONE: readonly string[] = Object.freeze([]);
let byStem: Map<string, string[]> | undefined;

/** The Indonesian stems of opposite meaning to a stem ("menang" → "kalah"), from the derived thesaurus pairs. */
export function antonymsOf(stem: string): readonly string[] {
  if (!byStem) {
    byStem = new Map();
    // Derived from LibreOffice's Indonesian thesaurus by `npm run lexicon` (data/antonyms.json), read on first use.
    for (const line of readData<{ pairs: string[] }>('antonyms.json').pairs) {
      const [a, b] = line.split(' ');
      if (!b) continue;
      byStem.set(a, [...(byStem.get(a) ?? []), b]);
      byStem.set(b, [...(byStem.get(b) ?? []), a]);
    }
  }
  return byStem.get(stem) ?? NONE;
}

/**
 * IBM Model 1 word alignment (Brown et al. 1993), the simplest statistical translation model: each
 * word of the target sentence was produced by one word of the source sentence (or by none, NULL), and
 * t(target | source) is learnt by expectation-maximisation over sentence pairs alone. It needs no
 * dictionary, only parallel sentences; a few iterations settle the frequent words.
 */

/** The source word that stands for "no word": target words it explains (particles, affixes) translate nothing. */
export const NULL_WORD = '\0';

/** t(target | source) for each source word seen, over the target words seen with it. */
export type TranslationTable = Map<string, Map<string, number>>;

/** Learns t(target | source) from pairs [source words, target words] in `iterations` rounds of EM. */
export function trainIbm1(pairs: [string[], string[]][], iterations: number): TranslationTable {
  // Uniform start over the target words each source word is seen with.
  const table: TranslationTable = new Map();
  for (const [source, target] of pairs)
    for (const s of [NULL_WORD, ...source]) {
      let row = table.get(s);
      if (!row) table.set(s, (row = new Map()));
      for (const t of target) row.set(t, 1);
    }
  for (const row of table.values()) for (const t of row.keys()) row.set(t, 1 / row.size);

  for (let round = 0; round < iterations; round++) {
    const counts: TranslationTable = new Map();
    for (const [source, target] of pairs) {
      const sources = [NULL_WORD, ...source];
      for (const t of target) {
        let total = 0;
        for (const s of sources) total += table.get(s)!.get(t)!;
        for (const s of sources) {
          const share = table.get(s)!.get(t)! / total;
          let row = counts.get(s);
          if (!row) counts.set(s, (row = new Map()));
          row.set(t, (row.get(t) ?? 0) + share);
        }
      }
    }
    for (const [s, row] of counts) {
      let sum = 0;
      for (const c of row.values()) sum += c;
      const next = table.get(s)!;
      for (const [t, c] of row) next.set(t, c / sum);
    }
  }
  return table;
}

import { Stemmer } from 'sastrawijs';

/** meng-/peng- before an "e" that is not the one-syllable roots' "menge-"/"penge-": the prefix, and the rest. */
const NASAL_E = /^(me|pe)ng(e.+)$/;

/**
 * Indonesian stems: Sastrawi, with the reading it lacks for meng-/peng- before "e". Sastrawi takes
 * "menge-" only as the prefix of a one-syllable root ("mengebom" → "bom"), so a root that starts with
 * "e" ("mengekspor" → "ekspor") or with the "k" the prefix drops ("mengerahkan" → "kerah", as
 * "dikerahkan" is; "mengerjakan" → "kerja") keeps its prefix, and the active and passive forms of a
 * verb never meet. When Sastrawi finds no root, the word is read again with that "k" put back, then
 * with its root starting at the "e"; the first that reaches a root in Sastrawi's dictionary is the stem.
 */
export function createIndonesianStemmer(): (word: string) => string {
  const sastrawi = new Stemmer();
  const rooted = (word: string): string | undefined => {
    const stem = sastrawi.stem(word);
    return stem !== word || sastrawi.find(word) ? stem : undefined;
  };
  return (word) => {
    const stem = rooted(word);
    if (stem !== undefined) return stem;
    const nasal = NASAL_E.exec(word);
    if (!nasal) return word;
    const [, prefix, rest] = nasal;
    return rooted(`${prefix}ngk${rest}`) ?? rooted(rest) ?? word;
  };
}

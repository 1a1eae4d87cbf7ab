import type { DerivedLexicon } from '../../src/core/text/lexicon.js';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The shape the loader reads (createLexicon): concept i is line i ("english stems | indonesian
 * stems"), and per language each stem with its concepts, sorted by stem in the order `<` compares,
 * which is the order the loader bisects.
 */
export function derivedLexicon(concepts: string[]): DerivedLexicon {
  const index = (side: 0 | 1) => {
    const byStem = new Map<string, number[]>();
    concepts.forEach((line, concept) => {
      for (const s of line.split(' | ')[side].split(' ')) byStem.set(s, [...(byStem.get(s) ?? []), concept]);
    });
    return [...byStem.keys()]
      .sort(byCodeUnits)
      .map((s) => [s, ...(byStem.get(s) ?? [])].join(' '))
      .join('\n');
  };
  return { concepts: concepts.join('\n'), en: index(0), id: index(1) };
}

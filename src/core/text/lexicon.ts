import { createHash } from 'node:crypto';
import { LEXICON } from './lexicon-data.js';
import type { Lang } from '../types.js';

/** Maps stems to concepts and back, per language, for cross-language matching. */
export interface Lexicon {
  /** Concept ids a stem of `lang` belongs to. */
  concepts(stem: string, lang: Lang): readonly number[];
  /** Stems of `lang` that express a concept. */
  stems(concept: number, lang: Lang): readonly string[];
}

type Stem = (word: string, lang: Lang) => string;

/** Changes whenever the lexicon does: vectors built with concepts of another lexicon must not be mixed with these. */
export const LEXICON_VERSION = createHash('sha1').update(LEXICON).digest('hex').slice(0, 8);

const stemsOf = (words: string, lang: Lang, stem: Stem): string[] => [
  ...new Set(words.toLowerCase().match(/[\p{L}\p{N}-]+/gu)?.flatMap((w) => w.split('-')).filter(Boolean).map((w) => stem(w, lang)) ?? []),
];

/**
 * Builds the lexicon with the same stemmer the index uses, so that "meetings" and "pertemuan" meet
 * at one concept. An entry's words each stand for its concept, except that a word which is an entry
 * of its own ("besar", big) does not stand for a phrase it is part of ("duta besar", ambassador)
 * when the phrase has other words to carry it.
 */
export function createLexicon(stem: Stem, source = LEXICON): Lexicon {
  const entries = source
    .split('\n')
    .map((line) => line.split('|'))
    .filter((sides) => sides.length === 2)
    .map(([en, id]) => ({ en: stemsOf(en, 'en', stem), id: stemsOf(id, 'id', stem) }));
  const own: Record<Lang, Set<string>> = { en: new Set(), id: new Set() };
  for (const entry of entries) for (const lang of ['en', 'id'] as const) if (entry[lang].length === 1) own[lang].add(entry[lang][0]);
  const byStem: Record<Lang, Map<string, number[]>> = { en: new Map(), id: new Map() };
  const byConcept: Record<Lang, string[][]> = { en: [], id: [] };
  entries.forEach((entry, concept) => {
    for (const lang of ['en', 'id'] as const) {
      const specific = entry[lang].filter((s) => !own[lang].has(s));
      const stems = entry[lang].length > 1 && specific.length > 0 ? specific : entry[lang];
      byConcept[lang][concept] = stems;
      for (const s of stems) byStem[lang].set(s, [...(byStem[lang].get(s) ?? []), concept]);
    }
  });
  return {
    concepts: (stem, lang) => byStem[lang].get(stem) ?? [],
    stems: (id, lang) => byConcept[lang][id] ?? [],
  };
}

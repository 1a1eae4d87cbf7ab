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

/**
 * Builds the lexicon with the same stemmer the index uses, so that "meetings" and "pertemuan" meet
 * at one concept. Multi-word entries ("foreign minister") are kept as single stems of each word only
 * when the entry is one word; phrases contribute each of their words.
 */
export function createLexicon(stem: Stem, source = LEXICON): Lexicon {
  const byStem: Record<Lang, Map<string, number[]>> = { en: new Map(), id: new Map() };
  const byConcept: Record<Lang, string[][]> = { en: [], id: [] };
  let concept = 0;
  for (const line of source.split('\n')) {
    const [en, id] = line.split('|');
    if (id === undefined) continue;
    for (const [lang, words] of [['en', en], ['id', id]] as const) {
      const stems = [...new Set(words.toLowerCase().match(/[\p{L}\p{N}-]+/gu)?.flatMap((w) => w.split('-')).filter(Boolean).map((w) => stem(w, lang)) ?? [])];
      byConcept[lang][concept] = stems;
      for (const s of stems) {
        const list = byStem[lang].get(s) ?? [];
        list.push(concept);
        byStem[lang].set(s, list);
      }
    }
    concept++;
  }
  return {
    concepts: (stem, lang) => byStem[lang].get(stem) ?? [],
    stems: (id, lang) => byConcept[lang][id] ?? [],
  };
}

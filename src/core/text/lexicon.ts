import { createHash } from 'node:crypto';
import { LEXICON } from './lexicon-data.js';
import { linesText, readData } from '../data.js';
import type { Lang } from '../types.js';

/** Maps stems to concepts and back, per language, for cross-language matching. */
export interface Lexicon {
  /** Concept ids a stem of `lang` belongs to. */
  concepts(stem: string, lang: Lang): readonly number[];
  /** Stems of `lang` that express a concept. */
  stems(concept: number, lang: Lang): readonly string[];
  /**
   * A name for a concept made of its stems, both sides: unlike its id, it does not move when lines are
   * added to or removed from the lexicon, so what is hashed from it (the hashing embedder's vectors,
   * story fingerprints) changes only for the concepts that changed.
   */
  key(concept: number): string;
}

export type Stem = (word: string, lang: Lang) => string;

/** The lexicon derived from FreeDict by `npm run lexicon` (data/lexicon.json), read once when the analyzer's module loads. */
export const DERIVED_LEXICON: DerivedLexicon = (() => {
  const data = readData<Record<keyof DerivedLexicon, string[]>>('lexicon.json');
  return { concepts: linesText(data.concepts), en: linesText(data.en), id: linesText(data.id) };
})();

/** Changes whenever the lexicon does: vectors built with concepts of another lexicon must not be mixed with these. */
export const LEXICON_VERSION = createHash('sha1')
  .update(LEXICON)
  .update(DERIVED_LEXICON.concepts)
  .digest('hex')
  .slice(0, 8);

const LANGS = ['en', 'id'] as const;
const NONE: readonly number[] = Object.freeze([]);

/** The distinct stems of the words of one side of an entry; hyphenated words count as their parts. */
export const stemsOf = (words: string, lang: Lang, stem: Stem): string[] => [
  ...new Set(
    words
      .toLowerCase()
      .match(/[\p{L}\p{N}-]+/gu)
      ?.flatMap((w) => w.split('-'))
      .filter(Boolean)
      .map((w) => stem(w, lang)) ?? [],
  ),
];

type Entry = Record<Lang, string[]>;

/** The lines "english words | indonesian words" of a lexicon text, each side stemmed. */
const entriesOf = (source: string, stem: Stem): Entry[] =>
  source
    .split('\n')
    .map((line) => line.split('|'))
    .filter((sides) => sides.length === 2)
    .map(([en, id]) => ({ en: stemsOf(en, 'en', stem), id: stemsOf(id, 'id', stem) }));

/**
 * The stems that stand for each hand-written entry: an entry's words each stand for its concept,
 * except that a word which is an entry of its own ("besar", big) does not stand for a phrase it is
 * part of ("duta besar", ambassador) when the phrase has other words to carry it.
 */
function standing(entries: Entry[]): Entry[] {
  const own: Record<Lang, Set<string>> = { en: new Set(), id: new Set() };
  for (const entry of entries) for (const lang of LANGS) if (entry[lang].length === 1) own[lang].add(entry[lang][0]);
  return entries.map((entry) => {
    const pick = (lang: Lang) => {
      const specific = entry[lang].filter((s) => !own[lang].has(s));
      return entry[lang].length > 1 && specific.length > 0 ? specific : entry[lang];
    };
    return { en: pick('en'), id: pick('id') };
  });
}

/**
 * What `npm run lexicon` writes: concept lines "english stems | indonesian stems" (concept i is line
 * i) and, per language, index lines "stem concept concept…" sorted by stem.
 */
export interface DerivedLexicon {
  concepts: string;
  en: string;
  id: string;
}

/** Looks a stem up in a sorted index by bisection, so that start-up builds no map of thousands of stems. */
function sortedIndex(text: string): (stem: string) => number[] {
  const lines = text.split('\n').filter(Boolean);
  const keys = lines.map((line) => line.slice(0, line.indexOf(' ')));
  return (stem) => {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] < stem) lo = mid + 1;
      else hi = mid;
    }
    return keys[lo] === stem ? lines[lo].split(' ').slice(1).map(Number) : [];
  };
}

/**
 * Builds the lexicon with the same stemmer the index uses, so that "meetings" and "pertemuan" meet
 * at one concept. The hand-written entries (`source`, stemmed here) are the authority; the derived
 * ones (`derived`, written by `npm run lexicon` with stems already, so that start-up does not stem
 * thousands of words) add concepts for the stems the hand-written ones do not know. A stem the
 * hand-written lexicon knows keeps only its hand-written concepts in that language, though a derived
 * concept may still translate into it ("secretary" → "menteri").
 */
export function createLexicon(stem: Stem, source = LEXICON, derived: DerivedLexicon = DERIVED_LEXICON): Lexicon {
  const entries = standing(entriesOf(source, stem));
  const byStem: Record<Lang, Map<string, number[]>> = { en: new Map(), id: new Map() };
  entries.forEach((entry, concept) => {
    for (const lang of LANGS)
      for (const s of entry[lang]) byStem[lang].set(s, [...(byStem[lang].get(s) ?? []), concept]);
  });
  const offset = entries.length;
  const derivedConcepts = derived.concepts.split('\n').filter(Boolean);
  const index = { en: sortedIndex(derived.en), id: sortedIndex(derived.id) };
  const concepts = (s: string, lang: Lang): readonly number[] => {
    const known = byStem[lang].get(s);
    if (known) return known;
    const found = index[lang](s);
    if (found.length === 0) return NONE;
    const ids = found.map((c) => c + offset);
    byStem[lang].set(s, ids);
    return ids;
  };
  const stems = (concept: number, lang: Lang): readonly string[] => {
    if (concept < offset) return entries[concept]?.[lang] ?? [];
    const sides = derivedConcepts[concept - offset]?.split(' | ');
    return sides ? sides[lang === 'en' ? 0 : 1].split(' ') : [];
  };
  const keys = new Map<number, string>();
  const key = (concept: number): string => {
    let found = keys.get(concept);
    if (found === undefined)
      keys.set(concept, (found = `${stems(concept, 'en').join(' ')}|${stems(concept, 'id').join(' ')}`));
    return found;
  };
  return { concepts, stems, key };
}

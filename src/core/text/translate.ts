import { readData } from '../data.js';
import type { Lang } from '../types.js';
import type { Lexicon } from './lexicon.js';
import { TRANSLATION, type TranslationOptions } from '../settings.js';

/** A stem of the other language with how sure the translation is (the best translation of a word weighs 1). */
export interface WeightedStem {
  stem: string;
  weight: number;
}

/** Translates a stem of one language into weighted stems of the other. */
export interface Translator {
  /** The likeliest translations of `stem` (a stem of `from`), best first; none for a word neither source knows. */
  translate(stem: string, from: Lang): readonly WeightedStem[];
}

/** What `npm run lexicon` writes to data/translations.json: per language, sorted lines "stem other:weight …". */
export type LearntTable = Record<Lang, string[]>;

/** The translations learnt from parallel text (data/translations.json), read once when first needed. */
let shipped: LearntTable | undefined;
const learntTable = (): LearntTable => (shipped ??= readData<LearntTable>('translations.json'));

/** Looks a stem's line up by bisection in sorted lines "stem …" (no map of thousands of stems at start-up). */
function lineOf(lines: readonly string[], stem: string): string | undefined {
  let lo = 0;
  let hi = lines.length;
  const key = (i: number) => lines[i].slice(0, lines[i].indexOf(' '));
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) < stem) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && key(lo) === stem ? lines[lo] : undefined;
}

/**
 * Merges the two sources of translations. The learnt table weighs its candidates by how often the
 * parallel text aligns them (relative to the word's best); a lexicon translation the table does not
 * weigh counts `lexiconWeight` (the lexicon is sure of the pairing, not of how common the sense is).
 * The best `candidates` above `minShare` of the best are kept. A stem the other language writes the
 * same way is no translation: the query searches it as it is.
 */
export function createTranslator(
  lexicon: Lexicon,
  table: LearntTable | (() => LearntTable) = learntTable,
  options: TranslationOptions = TRANSLATION,
): Translator {
  const cache: Record<Lang, Map<string, readonly WeightedStem[]>> = { en: new Map(), id: new Map() };
  const read = typeof table === 'function' ? table : () => table;
  return {
    translate(stem, from) {
      const known = cache[from].get(stem);
      if (known) return known;
      const to: Lang = from === 'en' ? 'id' : 'en';
      const weights = new Map<string, number>();
      const line = lineOf(read()[from], stem);
      const learnt = (line?.split(' ').slice(1) ?? []).map((pair) => {
        const at = pair.lastIndexOf(':');
        return [pair.slice(0, at), Number(pair.slice(at + 1))] as const;
      });
      const best = Math.max(0, ...learnt.map(([, w]) => w));
      for (const [other, w] of learnt) weights.set(other, w / best);
      for (const concept of lexicon.concepts(stem, from))
        for (const other of lexicon.stems(concept, to))
          weights.set(other, Math.max(weights.get(other) ?? 0, options.lexiconWeight));
      weights.delete(stem);
      const top = Math.max(0, ...weights.values());
      const found = [...weights]
        .filter(([, w]) => w >= options.minShare * top)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, options.candidates)
        .map(([other, weight]) => ({ stem: other, weight }));
      cache[from].set(stem, found);
      return found;
    },
  };
}

const translators = new WeakMap<Lexicon, Translator>();

/** The translator over an analyzer's lexicon and the shipped learnt table, made once per lexicon. */
export function translatorFor(lexicon: Lexicon): Translator {
  let translator = translators.get(lexicon);
  if (!translator) translators.set(lexicon, (translator = createTranslator(lexicon)));
  return translator;
}

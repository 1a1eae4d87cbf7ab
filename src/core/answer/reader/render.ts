import { LEXICON } from '../../text/lexicon-data.js';
import type { Lang } from '../../types.js';

type Dictionary = Map<string, string>;

/**
 * Word-for-word renderings from the lexicon: a word that is a whole entry on its side ("rabu",
 * "tiga", "kali") maps to the first word of the other side. Words in more than one entry are left out.
 */
function dictionary(from: Lang, to: Lang): Dictionary {
  const map = new Map<string, string | null>();
  for (const line of LEXICON.split('\n')) {
    const sides = line.split('|').map((s) => s.trim().toLowerCase());
    if (sides.length !== 2) continue;
    const side = { en: sides[0], id: sides[1] };
    const word = side[from];
    if (!word || /\s/.test(word)) continue;
    map.set(word, map.has(word) ? null : side[to].split(/\s+/)[0]);
  }
  return new Map([...map].filter((entry): entry is [string, string] => entry[1] !== null));
}

const DICTIONARIES: Partial<Record<string, Dictionary>> = {};
const dictionaryFor = (from: Lang, to: Lang) => (DICTIONARIES[`${from}>${to}`] ??= dictionary(from, to));

/**
 * A text rendered word for word into another language ("Rabu" → "Wednesday", "tiga kali" → "three
 * times"), or null when some word of it has no rendering or none differs.
 */
export function renderWords(text: string, from: Lang, to: Lang): string | null {
  if (from === to) return null;
  const words = dictionaryFor(from, to);
  let changed = false;
  let complete = true;
  const rendered = text.replace(/[\p{L}]+/gu, (word) => {
    const found = words.get(word.toLowerCase());
    if (!found) {
      complete = false;
      return word;
    }
    if (found !== word.toLowerCase()) changed = true;
    return /^\p{Lu}/u.test(word) ? found[0].toUpperCase() + found.slice(1) : found;
  });
  return complete && changed ? rendered : null;
}

/**
 * What to show for a short answer: the span as written, followed by it in the question's language
 * in parentheses when the article's language differs and every word of it is a number or has a
 * rendering ("three times (tiga kali)", "Wednesday (Rabu)"). Names and anything else stay as written.
 */
export function renderShort(text: string, articleLang: Lang, questionLang: Lang): string {
  const rendered = renderWords(text, articleLang, questionLang);
  return rendered === null ? text : `${rendered} (${text})`;
}

import { franc } from 'franc-min';
import type { Lang } from '../types.js';
import { STOPWORDS } from './stopwords.js';

/** The languages' names in English, for messages and prompts. */
export const LANGUAGE_NAME: Record<Lang, string> = { id: 'Indonesian', en: 'English' };

/** Short texts (questions) are told apart by their function words; franc needs more text to be reliable. */
const SHORT = 120;

function byFunctionWords(text: string): Lang | undefined {
  let id = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (STOPWORDS.id.has(word)) id++;
    if (STOPWORDS.en.has(word)) en++;
  }
  if (id === en) return undefined;
  return id > en ? 'id' : 'en';
}

/** Indonesian or English; English when nothing tells them apart. */
export function detectLanguage(text: string): Lang {
  if (text.length < SHORT) {
    const guess = byFunctionWords(text);
    if (guess) return guess;
  }
  const code = franc(text, { only: ['ind', 'eng'], minLength: 1 });
  if (code === 'ind') return 'id';
  if (code === 'eng') return 'en';
  return byFunctionWords(text) ?? 'en';
}

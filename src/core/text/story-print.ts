import { conceptsOf, tokenize, type Analyzer } from './analyze.js';
import { isStopword } from './stopwords.js';

/**
 * A story fingerprint: a bag of keys as sorted key numbers (a 32-bit hash of each key) with their
 * counts, and its squared norm. Key numbers do not depend on the process, so a store may keep prints.
 */
export interface StoryPrint {
  keys: Uint32Array;
  counts: Uint32Array;
  norm2: number;
}

/** FNV-1a of a key. */
function keyNumber(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Each word's keys, remembered per analyzer (as a plain and as a capitalised word): the same words recur endlessly. */
const memos = new WeakMap<
  Analyzer,
  { plain: Map<string, readonly number[]>; capital: Map<string, readonly number[]> }
>();

/** The keys a word adds to a fingerprint: its lexicon concepts, else a name or number prefix, else its stem; none for a stopword. */
function keysOf(word: string, capital: boolean, analyzer: Analyzer): readonly number[] {
  let memo = memos.get(analyzer);
  if (!memo) memos.set(analyzer, (memo = { plain: new Map(), capital: new Map() }));
  const cache = capital ? memo.capital : memo.plain;
  let keys = cache.get(word);
  if (keys) return keys;
  if (isStopword(word)) keys = [];
  else {
    const concepts = conceptsOf(word, analyzer);
    if (concepts.length > 0) keys = concepts.map((c) => keyNumber(`c${analyzer.lexicon.key(c)}`));
    else if (capital || /\p{N}/u.test(word)) keys = [keyNumber(`n${word.slice(0, 5)}`)];
    else keys = [keyNumber(`w${analyzer.stem(word, 'id')}`)];
  }
  cache.set(word, keys);
  return keys;
}

/**
 * What two tellings of one story share whatever their language: names, numbers and lexicon concepts.
 * The cosine of these bags is high for the same story in two outlets or two languages and low for
 * different stories on the same topic.
 */
export function storyFingerprint(text: string, analyzer: Analyzer): StoryPrint {
  const all: number[] = [];
  for (const token of tokenize(text)) for (const key of keysOf(token.word, token.capital, analyzer)) all.push(key);
  all.sort((a, b) => a - b);
  const keys: number[] = [];
  const counts: number[] = [];
  for (const key of all) {
    if (keys.length > 0 && keys[keys.length - 1] === key) counts[counts.length - 1]++;
    else {
      keys.push(key);
      counts.push(1);
    }
  }
  let norm2 = 0;
  for (const c of counts) norm2 += c * c;
  return { keys: Uint32Array.from(keys), counts: Uint32Array.from(counts), norm2 };
}

/** The cosine of two fingerprints' bags (0 when either is empty). */
export function cosine(a: StoryPrint, b: StoryPrint): number {
  if (a.norm2 === 0 || b.norm2 === 0) return 0;
  let dot = 0;
  for (let i = 0, j = 0; i < a.keys.length && j < b.keys.length;) {
    if (a.keys[i] < b.keys[j]) i++;
    else if (a.keys[i] > b.keys[j]) j++;
    else dot += a.counts[i++] * b.counts[j++];
  }
  return dot / Math.sqrt(a.norm2 * b.norm2);
}

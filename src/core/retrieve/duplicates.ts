import { conceptsOf, tokenize, type Analyzer } from '../text/analyze.js';
import type { Hit } from '../types.js';
import { isStopword } from '../text/stopwords.js';

/**
 * What two tellings of one story share whatever their language: names, numbers and lexicon concepts.
 * The cosine of these bags is high for the same story in two outlets or two languages and low for
 * different stories on the same topic.
 */
export function storyFingerprint(text: string, analyzer: Analyzer): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (key: string) => bag.set(key, (bag.get(key) ?? 0) + 1);
  for (const token of tokenize(text)) {
    if (isStopword(token.word)) continue;
    const concepts = conceptsOf(token.word, analyzer);
    if (concepts.length > 0) for (const c of concepts) add(`c${c}`);
    else if (token.capital || /\p{N}/u.test(token.word)) add(`n${token.word.slice(0, 5)}`);
    else add(`w${analyzer.stem(token.word, 'id')}`);
  }
  return bag;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, x] of a) {
    na += x * x;
    const y = b.get(key);
    if (y) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Collapses hits that tell the same story (another outlet or language) into the first of them, which
 * keeps links to the others in `related`. Passages of one article are never collapsed together.
 */
export function collapseDuplicates(hits: Hit[], analyzer: Analyzer, threshold: number): Hit[] {
  const kept: { hit: Hit; print: Map<string, number> }[] = [];
  for (const hit of hits) {
    const print = storyFingerprint(hit.passage.text, analyzer);
    const twin = kept.find((k) => k.hit.passage.file !== hit.passage.file && cosine(k.print, print) >= threshold);
    if (twin) twin.hit.related.push({ id: hit.passage.id, file: hit.passage.file, lang: hit.article.lang, similarity: cosine(twin.print, print) });
    else kept.push({ hit, print });
  }
  return kept.map((k) => k.hit);
}

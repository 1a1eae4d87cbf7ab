import type { Hit } from '../types.js';
import type { Analyzer } from '../text/analyze.js';
import { storyFingerprint, type StoryPrint } from '../text/story-print.js';

/**
 * Collapses hits that tell the same story (another outlet or language) into the first of them, which
 * keeps links to the others in `related`. Passages of one article are never collapsed together.
 * `known` holds fingerprints a store kept, by passage id; the others are made from the text.
 */
export function collapseDuplicates(
  hits: Hit[],
  analyzer: Analyzer,
  threshold: number,
  known?: ReadonlyMap<string, StoryPrint>,
): Hit[] {
  const kept: { hit: Hit; print: StoryPrint }[] = [];
  // The kept fingerprints inverted (key → kept index and count): a hit's dot product with every kept
  // one is summed over its own keys, not by comparing it with each in turn. The sums are whole
  // numbers, so each cosine is exactly the pairwise one.
  const holders = new Map<number, number[]>();
  const dots = new Float64Array(hits.length);
  for (const hit of hits) {
    const print = known?.get(hit.passage.id) ?? storyFingerprint(hit.passage.text, analyzer);
    dots.fill(0, 0, kept.length);
    for (let i = 0; i < print.keys.length; i++) {
      const list = holders.get(print.keys[i]);
      if (!list) continue;
      for (let j = 0; j < list.length; j += 2) dots[list[j]] += print.counts[i] * list[j + 1];
    }
    let twin: { hit: Hit; similarity: number } | undefined;
    for (let j = 0; j < kept.length; j++) {
      const k = kept[j];
      if (k.hit.passage.file === hit.passage.file) continue;
      const similarity = k.print.norm2 && print.norm2 ? dots[j] / Math.sqrt(k.print.norm2 * print.norm2) : 0;
      if (similarity >= threshold) {
        twin = { hit: k.hit, similarity };
        break;
      }
    }
    if (twin)
      twin.hit.related.push({
        id: hit.passage.id,
        file: hit.passage.file,
        lang: hit.article.lang,
        similarity: twin.similarity,
      });
    else {
      for (let i = 0; i < print.keys.length; i++) {
        const list = holders.get(print.keys[i]);
        if (list) list.push(kept.length, print.counts[i]);
        else holders.set(print.keys[i], [kept.length, print.counts[i]]);
      }
      kept.push({ hit, print });
    }
  }
  return kept.map((k) => k.hit);
}

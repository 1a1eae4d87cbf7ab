import type { Hit, Turn } from '../types.js';
import { reciprocalRankFusion } from './fuse.js';

/**
 * Rewrites a question for retrieval (with a language model): the conversation condensed into one
 * standalone question, and that question in the corpus languages. Without one, the engine resolves
 * follow-ups offline.
 */
export interface QueryRewriter {
  rewrite(question: string, history: Turn[], signal?: AbortSignal): Promise<{ standalone: string; variants: string[] }>;
}

/** Fuses the hits of several phrasings by rank; a passage already collapsed into a kept hit is not repeated. */
export function fuseHitLists(lists: Hit[][], k: number): Hit[] {
  if (lists.length === 1) return lists[0].slice(0, k);
  const byId = new Map<string, Hit>();
  for (const list of lists) for (const hit of list) if (!byId.has(hit.passage.id)) byId.set(hit.passage.id, hit);
  const scores = reciprocalRankFusion(lists.map((list) => ({ ids: list.map((h) => h.passage.id), weight: 1 })));
  const kept: Hit[] = [];
  const covered = new Set<string>();
  for (const [id, score] of [...scores].sort((a, b) => b[1] - a[1])) {
    if (covered.has(id)) continue;
    const hit = { ...byId.get(id)!, score };
    kept.push(hit);
    covered.add(id);
    for (const related of hit.related) covered.add(related.id);
    if (kept.length === k) break;
  }
  return kept;
}

import type { Hit } from '../types.js';

/** Whether a hit holds at least one of the query's terms: a hit found only by vector closeness is no search result. */
export const matchesATerm = (hit: Hit): boolean => (hit.why.lexical ?? 0) > 0;

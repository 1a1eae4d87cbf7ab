import type { Filters } from '../../types.js';
import type { WeightedTerm } from '../port.js';
import { filterSql } from './filter-sql.js';
import { wordSlots } from '../matched-words.js';
import { BM25 } from '../../settings.js';

/** MiniSearch's rule: a fraction of the term's length, rounded and capped at 2 edits; 1 or more is a distance. */
export const maxEdits = (term: WeightedTerm): number =>
  term.fuzzy <= 0
    ? 0
    : term.fuzzy < 1
      ? Math.min(BM25.maxFuzzy, Math.round(term.term.length * term.fuzzy))
      : Math.floor(term.fuzzy);

/**
 * BM25 in one SQL statement, scored exactly as the local store (MiniSearch's BM25+):
 * each query term and its fuzzy variants (terms of the index within the allowed edit distance, each
 * weighing fuzzyWeight·len/(len+distance), core/settings.ts) add weight × IDF × (d + tf·(k1+1)/(tf + k1·(1−b+b·len/avglen)))
 * to the passages holding them, and a passage's sum is multiplied by how many query words it matched (a
 * word's terms, its translations among them, count once: `matched-words.ts`).
 * IDF comes from kabar's `terms` table (df) and `totals` (N, summed lengths); term frequencies and
 * lengths from `postings`, so the unfiltered path reads only the B-tree.
 * Per matched posting only double-precision arithmetic is left (each term's weight × IDF and length
 * slope are worked out once), and the query words a passage matched are counted as the set bits of one
 * mask per query word OR-ed together (a `count(DISTINCT …)` sorted every passage's rows apart).
 */
export function lexicalSql(
  schema: string,
  terms: WeightedTerm[],
  k: number,
  filters: Filters,
): { text: string; params: unknown[] } {
  const s = schema;
  const { k1, b, d, fuzzyWeight } = BM25;
  const { slots, count } = wordSlots(terms);
  const params: unknown[] = [
    terms.map((t) => t.term),
    terms.map((t) => t.weight),
    terms.map(maxEdits),
    k,
    count,
    slots,
  ];
  const filter = filterSql(filters, 'p', params.length + 1);
  params.push(...filter.params);
  const scored = `
    WITH q AS (
      SELECT * FROM unnest($1::text[], $2::float8[], $3::int[], $6::int[]) AS q(term, weight, edits, slot)
    ), variants AS (
      SELECT q.slot, q.term, q.weight FROM q
      UNION ALL
      SELECT q.slot, t.term, q.weight * ${fuzzyWeight} * length(t.term) / (length(t.term) + e.distance)
      FROM q
      JOIN ${s}.terms t ON q.edits > 0 AND t.term <> q.term AND length(t.term) BETWEEN length(q.term) - q.edits AND length(q.term) + q.edits
      CROSS JOIN LATERAL (SELECT levenshtein_less_equal(t.term, q.term, q.edits) AS distance) e
      WHERE e.distance <= q.edits
    ), weighted AS (
      SELECT v.term,
             v.weight * ln(1 + (tot.passages - t.df + 0.5)::float8 / (t.df + 0.5)) AS factor,
             ${k1 * b}::float8 / (tot.lengths::float8 / greatest(tot.passages, 1)) AS slope,
             set_bit(repeat('0', $5)::bit varying, v.slot, 1) AS mask
      FROM variants v
      CROSS JOIN ${s}.totals tot
      CROSS JOIN LATERAL (SELECT df FROM ${s}.terms t WHERE t.term = v.term OFFSET 0) t
    ), scored AS (
      SELECT po.pid,
             sum(w.factor * (${d}::float8 + po.tf * ${k1 + 1}::float8 / (po.tf + ${k1 * (1 - b)}::float8 + w.slope * po.length))) * bit_count(bit_or(w.mask)) AS score
      FROM weighted w
      CROSS JOIN LATERAL (SELECT pid, tf::float8 AS tf, length FROM ${s}.postings po WHERE po.term = w.term OFFSET 0) po
      GROUP BY po.pid
    )`;
  const text = filter.params.length
    ? `${scored}
      SELECT p.id, sc.score FROM scored sc JOIN ${s}.passages p ON p.pid = sc.pid
      WHERE ${filter.where}
      ORDER BY sc.score DESC, sc.pid LIMIT $4`
    : `${scored}, top AS (SELECT * FROM scored ORDER BY score DESC, pid LIMIT $4)
      SELECT p.id, top.score FROM top JOIN ${s}.passages p ON p.pid = top.pid
      ORDER BY top.score DESC, top.pid`;
  return { text, params };
}

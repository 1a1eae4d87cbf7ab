import type { Filters } from '../../types.js';
import type { WeightedTerm } from '../port.js';
import { filterSql } from './filter-sql.js';
import { wordSlots } from '../matched-words.js';
import { BM25 } from '../../settings.js';
import { termVariants, type SimilarTerms } from '../similar-terms.js';

/**
 * BM25 in one SQL statement, scored exactly as the local store (MiniSearch's BM25+):
 * each query term and its fuzzy variants (`termVariants`: found in `indexed`, the index's terms as this
 * process last read them, so the server does not compare every term with each fuzzy name) add
 * weight × IDF × (d + tf·(k1+1)/(tf + k1·(1−b+b·len/avglen)))
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
  indexed?: Pick<SimilarTerms, 'near'>,
): { text: string; params: unknown[] } {
  const s = schema;
  const { k1, b, d } = BM25;
  const { slots, count } = wordSlots(terms);
  const variants = terms.flatMap((query, i) =>
    termVariants(query, indexed).map((v) => ({ term: v.term, weight: v.weight * query.weight, slot: slots[i] })),
  );
  const params: unknown[] = [
    variants.map((v) => v.term),
    variants.map((v) => v.weight),
    variants.map((v) => v.slot),
    k,
    count,
  ];
  const filter = filterSql(filters, 'p', params.length + 1);
  params.push(...filter.params);
  const scored = `
    WITH variants AS (
      SELECT * FROM unnest($1::text[], $2::float8[], $3::int[]) AS v(term, weight, slot)
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

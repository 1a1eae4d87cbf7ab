/**
 * Sentence pairs from two translations of one text, cut into the same documents in the same order but
 * not sentence for sentence (PANL-BPPT: 12 lines a document, one document missing on one side, sentences
 * joined or split by the translator). Both levels are aligned the same way, by a monotone alignment
 * (Gale & Church's dynamic programme): a pair costs less the more it shares names and numbers and, for
 * sentences, the closer its lengths are; a unit may also be left out, or two sentences matched to one.
 */
import { splitSentences } from '../../src/core/corpus/sentences.js';

/** Names and numbers, which a translation keeps as they are: the anchors of an alignment. */
export const anchorsOf = (text: string): Set<string> =>
  new Set((text.match(/\p{Lu}[\p{L}]+|\p{N}+/gu) ?? []).map((w) => w.toLowerCase()));

const jaccard = (a: Set<string>, b: Set<string>): number => {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
};

/** What leaving a unit out costs, and what matching two units to one costs on top of its pair cost. */
const SKIP = 1;
const MERGE = 0.3;
/** Indonesian runs about this much longer than the same English, in characters. */
const LENGTH_RATIO = 1.1;

/**
 * The cheapest monotone alignment of `a` to `b` by `cost(aUnits, bUnits)` of a matched group (1–1, and
 * 1–2 / 2–1 when `merges`), a skipped unit costing SKIP, within `band` units of the diagonal.
 * Returns the matched groups in order.
 */
export function alignMonotone<T>(
  a: T[],
  b: T[],
  cost: (x: T[], y: T[]) => number,
  merges: boolean,
  band = Infinity,
): [T[], T[]][] {
  const n = a.length;
  const m = b.length;
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const step = Array.from({ length: n + 1 }, () => new Int8Array(m + 1));
  const moves: [number, number][] = merges
    ? [
        [1, 0],
        [0, 1],
        [1, 1],
        [1, 2],
        [2, 1],
      ]
    : [
        [1, 0],
        [0, 1],
        [1, 1],
      ];
  best[0][0] = 0;
  for (let i = 0; i <= n; i++)
    for (let j = Math.max(0, i - band); j <= Math.min(m, i + band); j++) {
      if (i === 0 && j === 0) continue;
      moves.forEach(([di, dj], move) => {
        if (i < di || j < dj) return;
        const from = best[i - di][j - dj];
        if (from === Infinity) return;
        const c =
          di === 0 || dj === 0 ? SKIP : cost(a.slice(i - di, i), b.slice(j - dj, j)) + (di + dj > 2 ? MERGE : 0);
        if (from + c < best[i][j]) {
          best[i][j] = from + c;
          step[i][j] = move;
        }
      });
    }
  const groups: [T[], T[]][] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [di, dj] = moves[step[i][j]];
    if (di > 0 && dj > 0) groups.push([a.slice(i - di, i), b.slice(j - dj, j)]);
    i -= di;
    j -= dj;
  }
  return groups.reverse();
}

/** Documents this far apart in order are never matched: one side lacks a few, not hundreds. */
const DOCUMENT_BAND = 50;

/** How unlike an English and an Indonesian group of sentences are: their lengths and shared anchors. */
function sentenceCost(en: string[], id: string[]): number {
  const x = en.join(' ');
  const y = id.join(' ');
  return (
    Math.abs(Math.log((y.length + 1) / (LENGTH_RATIO * (x.length + 1)))) +
    0.5 * (1 - jaccard(anchorsOf(x), anchorsOf(y)))
  );
}

const sentencesOf = (text: string): string[] => splitSentences(text).map((s) => s.text);

/** Sentence pairs [English, Indonesian] of two translations cut into documents in the same order. */
export function sentencePairs(english: string[], indonesian: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  const doc = (text: string) => ({ text, anchors: anchorsOf(text) });
  const documents = alignMonotone(
    english.map(doc),
    indonesian.map(doc),
    ([x], [y]) => 1 - jaccard(x.anchors, y.anchors),
    false,
    DOCUMENT_BAND,
  );
  for (const [[en], [id]] of documents)
    for (const [x, y] of alignMonotone(sentencesOf(en.text), sentencesOf(id.text), sentenceCost, true))
      pairs.push([x.join(' '), y.join(' ')]);
  return pairs;
}

import type { WeightedTerm } from '../port.js';
import { lengthOf, tfOf } from './postings.js';
import { wordSlots } from '../matched-words.js';
import { BM25 } from '../../settings.js';
import { termVariants, type SimilarTerms } from '../similar-terms.js';

/** What scoring needs from an inverted index. */
export interface PostingSource {
  documentCount: number;
  averageLength: number;
  /** The largest passage label there is (labels are positive integers). */
  maxLabel: number;
  df(term: string): number;
  /** The term's postings as blocks of (label, tf << 16 | length) pairs (`postings.ts`). */
  postings(term: string): Uint32Array[];
  /** The indexed terms, for fuzzy matching. */
  similarTerms: Pick<SimilarTerms, 'near'>;
}

export interface LabelScore {
  label: number;
  score: number;
}

/**
 * Lexical scoring: the weighted sum of each matched query term's BM25+ (fuzzy matches weigh
 * `fuzzyWeight · len / (len + distance)`), times the number of query words matched (a word's terms, its
 * translations among them, count once: `matched-words.ts`). Scores are summed
 * in arrays indexed by label, kept between queries (only touched entries are reset), and the best `k`
 * are picked with a heap; ties keep the order in which passages were first matched.
 */
export class Bm25Scorer {
  private score = new Float64Array(0);
  private matched = new Uint16Array(0);
  /** Which query word last matched each label (`epoch` grows by one per query word). */
  private mark = new Uint32Array(0);
  private epoch = 0;

  top(source: PostingSource, terms: WeightedTerm[], k: number, accept?: (label: number) => boolean): LabelScore[] {
    const { k1, b, d } = BM25;
    this.reserve(source.maxLabel + 1);
    const { score, matched, mark } = this;
    const touched: number[] = [];
    const { slots, count } = wordSlots(terms);
    const first = this.epoch + 1;
    this.epoch += count;
    // A word's terms are scored one after another, so that a label's mark tells whether its word was counted.
    const order = terms.map((_, i) => i).sort((x, y) => slots[x] - slots[y] || x - y);
    for (const t of order) {
      const query = terms[t];
      const epoch = first + slots[t];
      for (const { term, weight } of termVariants(query, source.similarTerms)) {
        const df = source.df(term);
        if (df === 0) continue;
        const idf = Math.log(1 + (source.documentCount - df + 0.5) / (df + 0.5));
        const factor = weight * query.weight * idf;
        for (const block of source.postings(term)) {
          for (let i = 0; i < block.length; i += 2) {
            const label = block[i];
            const tf = tfOf(block[i + 1]);
            const s =
              factor *
              (d + (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengthOf(block[i + 1])) / source.averageLength)));
            if (matched[label] === 0) {
              touched.push(label);
              score[label] = s;
              matched[label] = 1;
              mark[label] = epoch;
            } else {
              score[label] += s;
              if (mark[label] !== epoch) {
                mark[label] = epoch;
                matched[label]++;
              }
            }
          }
        }
      }
    }
    const best = new TopK(k);
    for (let order = 0; order < touched.length; order++) {
      const label = touched[order];
      const final = score[label] * matched[label];
      score[label] = 0;
      matched[label] = 0;
      if (!accept || accept(label)) best.offer(label, final, order);
    }
    return best.sorted();
  }

  private reserve(size: number): void {
    if (this.score.length >= size) return;
    const room = Math.ceil(size * 1.25);
    this.score = new Float64Array(room);
    this.matched = new Uint16Array(room);
    this.mark = new Uint32Array(room);
    this.epoch = 0;
  }
}

/** The k best (label, score) by score, then by first-matched order: a min-heap of the best so far. */
class TopK {
  private readonly heap: { label: number; score: number; order: number }[] = [];

  constructor(private readonly k: number) {}

  /** Whether a is worse than b. */
  private static worse(a: { score: number; order: number }, b: { score: number; order: number }): boolean {
    return a.score < b.score || (a.score === b.score && a.order > b.order);
  }

  offer(label: number, score: number, order: number): void {
    const { heap, k } = this;
    if (k <= 0) return;
    const item = { label, score, order };
    if (heap.length < k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
      return;
    }
    if (!TopK.worse(heap[0], item)) return;
    heap[0] = item;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && TopK.worse(heap[left], heap[worst])) worst = left;
      if (right < heap.length && TopK.worse(heap[right], heap[worst])) worst = right;
      if (worst === i) break;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  }

  sorted(): LabelScore[] {
    return [...this.heap]
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ label, score }) => ({ label, score }));
  }
}

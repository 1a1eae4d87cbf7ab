import MiniSearch from 'minisearch';
import { readLines, writeLines } from './lines.js';

/** A term of a query with how much it counts and how loosely it may match. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Edit distance allowed, as a fraction of the term's length (0 = exact). */
  fuzzy: number;
}

export interface LexicalHit {
  id: string;
  score: number;
}

/**
 * BM25 over pre-analysed terms (MiniSearch), plus document frequencies for the answerer. Documents are
 * given as their term lists; MiniSearch only splits on spaces.
 */
export class LexicalIndex {
  private constructor(
    private readonly search: MiniSearch,
    private readonly df: Map<string, number>,
  ) {}

  static empty(): LexicalIndex {
    return new LexicalIndex(new MiniSearch(OPTIONS), new Map());
  }

  get documentCount(): number {
    return this.search.documentCount;
  }

  /** How many passages contain `term`. */
  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  add(id: string, terms: string[]): void {
    this.search.add({ id, terms: terms.join(' ') });
    for (const term of new Set(terms)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  remove(id: string, terms: string[]): void {
    this.search.discard(id);
    for (const term of new Set(terms)) {
      const n = (this.df.get(term) ?? 0) - 1;
      if (n > 0) this.df.set(term, n);
      else this.df.delete(term);
    }
  }

  query(terms: WeightedTerm[], limit: number, accept?: (id: string) => boolean): LexicalHit[] {
    if (terms.length === 0) return [];
    const weights = new Map(terms.map((t) => [t.term, t.weight]));
    const fuzziness = new Map(terms.map((t) => [t.term, t.fuzzy]));
    const results = this.search.search(terms.map((t) => t.term).join(' '), {
      boostTerm: (term) => weights.get(term) ?? 1,
      fuzzy: (term) => fuzziness.get(term) || false,
      maxFuzzy: 2,
      filter: accept ? (result) => accept(result.id as string) : undefined,
    });
    return results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score }));
  }

  async save(file: string): Promise<void> {
    if (this.search.dirtCount > 0) await this.search.vacuum({ batchSize: 10_000, batchWait: 0 });
    const { index, documentIds, fieldLength, storedFields, ...header } = this.search.toJSON();
    function* records() {
      yield { h: header };
      for (const [short, id] of Object.entries(documentIds)) yield { d: [short, id, fieldLength[short]] };
      for (const entry of index) yield { t: entry };
    }
    await writeLines(file, records());
  }

  static async load(file: string): Promise<LexicalIndex> {
    let header: Record<string, unknown> | undefined;
    const documentIds: Record<string, unknown> = {};
    const fieldLength: Record<string, number[]> = {};
    const index: [string, Record<string, Record<string, number>>][] = [];
    for await (const record of readLines<{ h?: Record<string, unknown>; d?: [string, string, number[]]; t?: [string, Record<string, Record<string, number>>] }>(file)) {
      if (record.h) header = record.h;
      else if (record.d) {
        documentIds[record.d[0]] = record.d[1];
        fieldLength[record.d[0]] = record.d[2];
      } else if (record.t) index.push(record.t);
    }
    if (!header) throw new Error(`${file} has no header`);
    const search = MiniSearch.loadJS({ ...header, documentIds, fieldLength, storedFields: {}, index } as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
    const df = new Map<string, number>();
    for (const [term, fields] of index) {
      let n = 0;
      for (const docs of Object.values(fields)) n += Object.keys(docs).length;
      df.set(term, n);
    }
    return new LexicalIndex(search, df);
  }
}

const OPTIONS = {
  fields: ['terms'],
  storeFields: [],
  tokenize: (text: string) => text.split(' ').filter(Boolean),
  processTerm: (term: string) => term,
  searchOptions: { combineWith: 'OR' as const },
  autoVacuum: false,
};

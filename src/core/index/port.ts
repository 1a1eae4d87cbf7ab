import type { ArticleMeta, Filters, Lang, Passage, Skipped } from '../types.js';
import type { StoryPrint } from '../text/story-print.js';
import type { Manifest } from './manifest.js';

/**
 * The Store port: the only way the rest of kabar reaches indexed data. A backend (the local SQLite
 * store, PostgreSQL) implements it and passes the contract suite in `test/store/contract.ts`.
 * Every method is async so that a server backend fits; filters are data, run by the backend itself.
 */

/** A query term for lexical search, with how much it counts and how loosely it may match. */
export interface WeightedTerm {
  term: string;
  weight: number;
  /** Edit distance allowed, as a fraction of the term's length (0 = exact). */
  fuzzy: number;
  /**
   * The question word the term stands for: a word's stem, its other-language stem and its translations share
   * one, and a passage matching several of them counts as matching one word. A term without one is a word alone.
   */
  word?: number;
}

/** A passage id with a score: cosine similarity for dense search, BM25 for lexical search. */
export interface ScoredId {
  id: string;
  score: number;
}

/** Document frequencies for weighting terms: rare terms matter more. */
export interface TermStats {
  /** How many passages the store holds. */
  documentCount: number;
  /** How many passages contain `term` (0 for a term not asked for). */
  documentFrequency(term: string): number;
}

/** What identifies the version of an article's source the store indexed. */
export interface ArticleVersion {
  size: number;
  mtimeMs: number;
  /** SHA-1 of the raw text. */
  hash: string;
}

/** An article as the store keeps it: metadata (`file` is the article id), source version and passages. */
export interface StoredArticle extends ArticleMeta {
  version: ArticleVersion;
  passages: Passage[];
}

/** A passage with its article's metadata, and its story fingerprint when the store keeps them. */
export interface PassageRecord {
  passage: Passage;
  article: ArticleMeta;
  print?: StoryPrint;
}

/** One passage to write: the passage, its vector, its analysed terms (stems, repeats kept) and its story fingerprint (a store may keep it, or not). */
export interface PassageInput {
  passage: Passage;
  vector: number[];
  terms: string[];
  print?: StoryPrint;
}

/** One article to write with everything derived from it. `raw` is the text every offset points into. */
export interface ArticleInput {
  meta: ArticleMeta;
  raw: string;
  version: ArticleVersion;
  passages: PassageInput[];
  /** Each of its words that gave a term, with the term (its stem in the article's language). */
  stems?: Map<string, string>;
  /**
   * More passages of an article this transaction upserted already (an outsized article is written a part at
   * a time): they are appended to it, and its article row is left as it is.
   */
  continues?: boolean;
}

/** Read access. Readers never wait for a writer: they see the last committed state. */
export interface StoreReader {
  /** The manifest of the committed index, or null when nothing was ever committed. */
  manifest(): Promise<Manifest | null>;
  counts(): Promise<{ articles: number; passages: number }>;
  passage(id: string): Promise<PassageRecord | undefined>;
  /** The passages found among `ids` (missing ids are left out). */
  passages(ids: string[]): Promise<Map<string, PassageRecord>>;
  article(id: string): Promise<StoredArticle | undefined>;
  /** The article's original text, as indexed (every offset points into it); undefined for an unknown id. */
  raw(articleId: string): Promise<string | undefined>;
  /** Every article id with the version of its source, for refresh; only ids starting with one of `prefixes` when given. */
  versions(prefixes?: string[]): Promise<Map<string, ArticleVersion>>;
  skipped(): Promise<Skipped[]>;
  /** The k passages nearest to `vector` (cosine similarity, best first) among those passing `filters`. */
  dense(vector: number[], k: number, filters?: Filters): Promise<ScoredId[]>;
  /** The k best passages by BM25 over analysed terms (best first) among those passing `filters`. */
  lexical(terms: WeightedTerm[], k: number, filters?: Filters): Promise<ScoredId[]>;
  /** Document count and the document frequency of each of `terms`. */
  termStats(terms: string[]): Promise<TermStats>;
  /**
   * Every word of the articles in `lang` that gave one of `terms` (its stem), with that term: a search
   * then knows which words of a passage stand for a question's terms without stemming them all.
   * Undefined when the store does not keep them.
   */
  wordsOfTerms?(terms: string[], lang: Lang): Promise<Map<string, string> | undefined>;
}

/** The changes of one write transaction; nothing is visible to readers until it commits. */
export interface StoreTransaction {
  /** Adds or replaces an article with its passages, vectors and terms. */
  upsert(article: ArticleInput): Promise<void>;
  delete(articleId: string): Promise<void>;
  /** Removes every article (a full rebuild). */
  clear(): Promise<void>;
  /** Records a new source version for an unchanged article (e.g. only its mtime moved). */
  touch(articleId: string, version: ArticleVersion): Promise<void>;
  setSkipped(skipped: Skipped[]): Promise<void>;
  setManifest(manifest: Manifest): Promise<void>;
}

/**
 * What a write transaction is going to change, said before it starts, so that a backend shared by
 * several writers can take its locks up front, in one order (writers then wait for each other and
 * never deadlock).
 */
export interface WritePlan {
  /** Every article the transaction may add, replace, delete or touch. */
  articles: string[];
  /** It starts by removing every article (a rebuild). */
  clear?: boolean;
}

/** Write access: `work` is committed whole or not at all. */
export interface StoreWriter {
  write<T>(work: (tx: StoreTransaction) => Promise<T>, plan?: WritePlan): Promise<T>;
}

export interface Store extends StoreReader, StoreWriter {
  /**
   * Finishes what the last commit left undone (the local store: a graph checkpoint whose file is missing,
   * damaged or failed to save); called after every refresh, quick when there is nothing to do.
   */
  settle?(): Promise<void>;
  close(): Promise<void>;
}

/** What `kabar info` shows of one index, whichever backend holds it. */
export interface IndexSummary {
  /** The embedder's folder inside the index directory. */
  dir: string;
  manifest: Manifest | null;
  counts: { articles: number; passages: number; skipped: number };
  /** The sources the last refresh could not index, and why. */
  skipped: Skipped[];
  bytes: number;
  problem?: string;
}

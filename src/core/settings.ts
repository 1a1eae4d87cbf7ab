/**
 * Each tunable of kabar, once, typed and documented: the backends, the retriever and the reader read
 * them from here (test/core/settings.test.ts fails when one uses another value).
 */

/**
 * The HNSW tuning numbers, in one place. Chosen with `bench/hnsw-study.ts` on 100k synthetic news
 * passages (hashing vectors, 256 dimensions: `HASHING_DEFAULT_DIMENSIONS`): recall@10 against exact
 * search at the query-time ef, and insert CPU time (README, "Performance"). Inserts run on a worker
 * thread during a full build, beside the writer's own work, so their cost bounds the build once it
 * exceeds the writer's. Measured at 100k: M 16 / efConstruction 100 → 0.73 ms per insert, recall@10
 * 0.971 at ef 400 and 0.980 at ef 800; efConstruction 200 → 1.54 ms, 0.982 / 0.990 (too slow for a
 * 1M build in 30 minutes); the former efConstruction 64 gave 0.932 at ef 400 (0.992 at 20k). On the
 * benchmark's shorter queries (`npm run bench`, 100k) efConstruction 100 gives 0.954 / 0.966 / 0.973
 * / 0.978 at ef 400 / 800 / 1200 / 2400: the search breadth is 1200, the least that reaches 0.97.
 */
export interface HnswParams {
  /** Links per node per layer (layer 0 keeps 2·M). More links: better recall, slower inserts, bigger file. */
  m: number;
  /** Candidate list size while inserting. Larger: a better graph, proportionally slower inserts. */
  efConstruction: number;
  /** Candidate list size while searching the local graph (at least k). LangChain never sets it; hnswlib's default is 10. */
  efSearch: number;
  /**
   * pgvector's `hnsw.ef_search` on a PostgreSQL server. The server runs `hnsw.iterative_scan`, which
   * keeps scanning until k rows pass the filters, for many clients at once; 200 keeps a query within
   * the server's load figures (docs/postgres.md). Raising it to the local 1200 changes those figures:
   * measure them first.
   */
  efSearchServer: number;
  /** Room reserved by a new graph before the first resize. */
  initialCapacity: number;
  /** Capacity is multiplied by this whenever it runs out, so n inserts cost O(log n) resizes. */
  growth: number;
  /** hnswlib's level generator seed: the same inserts build the same graph. */
  seed: number;
}

export const HNSW_PARAMS: HnswParams = {
  m: 16,
  efConstruction: 100,
  efSearch: 1200,
  efSearchServer: 200,
  initialCapacity: 1024,
  growth: 2,
  seed: 100,
};

/**
 * How a PostgreSQL server builds the vector index after a bulk load (a first build or a rebuild writes every
 * row first and builds the HNSW index once, instead of inserting into it row by row): the memory the build
 * may use (a graph that outgrows it is built on disk, several times slower; 100k passages of 256 dimensions
 * need about 200 MB) and how many parallel workers may help (capped by the server's own limits).
 */
export const POSTGRES_BULK = { maintenanceWorkMem: '1GB', parallelWorkers: 2 };

/** Okapi BM25+ parameters and how fuzzy term matches weigh; both backends score with these. */
export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation: 0 none, 1 full. */
  b: number;
  /** BM25+'s floor added to every matched term, so long passages are not pushed below zero. */
  d: number;
  /** A fuzzy match weighs this × len/(len + distance) of an exact one. */
  fuzzyWeight: number;
  /** The most edits a fuzzy match may have. */
  maxFuzzy: number;
}

/** As kabar has always scored lexical matches (MiniSearch's defaults). */
export const BM25: Bm25Params = { k1: 1.2, b: 0.7, d: 0.5, fuzzyWeight: 0.45, maxFuzzy: 2 };

/** How a question's words weigh as search terms (core/question/query.ts, frame.ts). */
export interface QueryWeights {
  /** A word's translation through the lexicon, relative to the word itself. */
  translation: number;
  /** The word stemmed as the other language would stem it. */
  otherStem: number;
  /** Names may be spelled differently (Sergey/Sergei, Shoygu/Shoigu): about one edit in this many letters' share. */
  nameFuzziness: number;
  /**
   * A word that names the kind of answer ("country" in "Which country…"): the answer replaces it, so a
   * sentence that holds the answer often lacks the word itself.
   */
  answerType: number;
}

export const QUERY_WEIGHTS: QueryWeights = { translation: 0.7, otherStem: 0.5, nameFuzziness: 0.2, answerType: 0.3 };

/**
 * How a question word is translated into the other language (core/text/translate.ts): through the
 * hand-written and FreeDict lexicon and the table learnt from parallel news (data/translations.json).
 */
export interface TranslationOptions {
  /** The most translations of one word a query searches, best first. */
  candidates: number;
  /** Translations weighing less than this share of the word's best one are left out. */
  minShare: number;
  /** How sure a lexicon translation counts when the learnt table does not weigh it (the learnt best counts 1). */
  lexiconWeight: number;
}

export const TRANSLATION: TranslationOptions = { candidates: 3, minShare: 0.2, lexiconWeight: 0.6 };

/** How many passages a search or a question retrieves unless told (`-k`). */
export const DEFAULT_K = 10;

export interface ChunkOptions {
  /** A passage grows sentence by sentence until the next one would pass this many characters. */
  maxChars: number;
  maxSentences: number;
}

/** What makes an article's first line its title (followed by a blank line, not closed by a full stop). */
export interface TitleLineRule {
  /** A longer first line is a paragraph, not a headline: headlines run to about 120 characters. */
  maxChars: number;
}

export const TITLE_LINE: TitleLineRule = { maxChars: 200 };

/**
 * When a line the corpus repeats is boilerplate: held by at least `minArticles` articles and by `share` of
 * them, though never more than `enoughArticles` are needed (a line in 200 articles of a million is a site's
 * footer, not news). Only short lines of a few words are counted, and the counts kept with the index stay
 * bounded: past `maxKeys` lines, those seen once are forgotten.
 */
export interface BoilerplateRule {
  minArticles: number;
  share: number;
  enoughArticles: number;
  /** Longer lines are paragraphs; a quoted sentence repeated across retellings of a story is not boilerplate. */
  maxChars: number;
  /** Shorter lines ("Jakarta", "Foto: Antara") are too common to tell. */
  minWords: number;
  maxKeys: number;
}

export const BOILERPLATE: BoilerplateRule = {
  minArticles: 5,
  share: 0.02,
  enoughArticles: 200,
  maxChars: 120,
  minWords: 3,
  maxKeys: 20_000,
};

/** How articles are cut into passages; recorded in the index manifest, so a change rebuilds the index. */
export const DEFAULT_CHUNKING: ChunkOptions = { maxChars: 500, maxSentences: 3 };

export interface RetrieverOptions {
  /** How many candidates each of the dense and lexical searches contributes before fusion. */
  candidates: number;
  denseWeight: number;
  lexicalWeight: number;
  /** Story-fingerprint similarity at which two passages count as the same story. */
  duplicateThreshold: number;
  /** `score`: normalised scores added with their weights; `rank`: reciprocal rank fusion. */
  fusion: 'score' | 'rank';
  /**
   * The fused top `depth` gain `weight` × the share of the question found in two adjacent sentences,
   * times `shapeless` when those sentences lack the kind of fact asked for (a number for "how many").
   */
  rerank: { weight: number; depth: number; shapeless: number };
  /**
   * The most passages of one article among the results; its further passages are folded under its best
   * (shown with `--all-passages`), so one outsized file cannot fill the results. Three keep the reader's
   * view of an article whose answer is in its third passage.
   */
  perArticle: number;
}

export const DEFAULT_RETRIEVER: RetrieverOptions = {
  candidates: 50,
  denseWeight: 0.3,
  lexicalWeight: 1,
  duplicateThreshold: 0.6,
  fusion: 'score',
  rerank: { weight: 2, depth: 50, shapeless: 0.5 },
  perArticle: 3,
};

export interface ReadOptions {
  /** How many top hits (with their same-story twins) are read for answer sentences. */
  depth: number;
  /** Coverage is multiplied by this when a sentence lacks the kind of fact the question asks for. */
  shapelessFactor: number;
  /** Two adjacent sentences are quoted together when they cover this much more of the question than one. */
  pairCost: number;
  /** Added to a sentence's score when it is in the question's language, so a tie goes to the reader's language. */
  sameLanguageBonus: number;
  /** Added to a sentence's score as this / (rank + 1) of its hit, so a tie goes to the better-ranked passage. */
  rankBonus: number;
}

export interface ExtractiveOptions extends ReadOptions {
  /** How many of the rule's best sentences the choice model weighs; kabar quotes the likeliest. */
  choices: number;
  /** Below this share of the question's (IDF-weighted) content found in one sentence, the rule abstains… */
  minCoverage: number;
  /** …unless the sentence holds at least this share and this much evidence (summed IDF of the words found). */
  paraphrase: { minCoverage: number; minEvidence: number };
  /** Story-fingerprint similarity above which a sentence of the best one's same-story twin is quoted as its translation. */
  translationSimilarity: number;
}

/** The offline reader's rule and thresholds; its learned weights are data/reader-weights.json. */
export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  depth: 5,
  minCoverage: 0.65,
  paraphrase: { minCoverage: 0.4, minEvidence: 18 },
  shapelessFactor: 0.8,
  pairCost: 0.2,
  sameLanguageBonus: 0.03,
  rankBonus: 0.05,
  choices: 3,
  translationSimilarity: 0.5,
};

/** How lists, timelines and briefs are gathered across articles (`core/across/`); tuned on eval/across.jsonl. */
export interface AcrossOptions {
  /** Passages retrieved for a list, timeline or brief (more than for one fact: the answer spans articles). */
  k: number;
  /** A sentence answers a list question when it holds this share of the question's weighted content… */
  listMinCoverage: number;
  /** …and this share of what the sentence that holds most of it holds. */
  listRelative: number;
  /** …or, for the items of a list written out in it ("yakni A, B dan C"), this share of the best one's. */
  listWrittenRelative: number;
  /** Once a list is written in a sentence holding the question, lists are taken only from sentences holding this share of what the fullest written list's sentence holds. */
  listFullest: number;
  /** A span is a list item when the reader gives it at least this share of its sentence's spans… */
  listMinSpan: number;
  /** …or this share of the sentence's best span, when it has the best span's shape (a name beside a name). */
  listSiblingRatio: number;
  /** A timeline event holds at least this share of the topic's weighted content. */
  timelineRelevance: number;
  /** A brief line holds at least this share of the topic's weighted content… */
  minRelevance: number;
  /** …and this share of what the sentence that holds most of it holds. */
  relative: number;
  /** Story-fingerprint similarity at which two sentences tell the same event (another outlet or language). */
  sameEvent: number;
  /** Lines of a brief unless `--lines` says otherwise. */
  briefLines: number;
  /** The first this many articles about the topic are read whole, not only the passages the search brought. */
  wholeArticles: number;
  /** Timelines and briefs draw on articles that hold this share of what the article holding most of the topic holds. */
  articleRelative: number;
  /** Maximal marginal relevance: the weight of relevance against likeness to the lines already chosen. */
  mmrLambda: number;
  /** A brief line this alike to one chosen already repeats it and is not taken. */
  briefRepeat: number;
  /** Added to a brief sentence's relevance when it states a figure (a number, an amount, a date). */
  briefFact: number;
  /** Added to a brief line's worth when its outlet has no line yet, so a brief draws on several outlets. */
  newOutletBonus: number;
  /** The most lines a timeline shows. */
  maxItems: number;
  /** The most items a list shows. */
  listItems: number;
}

export const DEFAULT_ACROSS: AcrossOptions = {
  k: 30,
  listMinCoverage: 0.4,
  listRelative: 0.7,
  listWrittenRelative: 0.5,
  listFullest: 0.9,
  listMinSpan: 0.2,
  listSiblingRatio: 0.3,
  timelineRelevance: 0.5,
  minRelevance: 0.3,
  relative: 0.6,
  sameEvent: 0.5,
  briefLines: 5,
  mmrLambda: 0.7,
  articleRelative: 0.9,
  wholeArticles: 3,
  briefRepeat: 0.6,
  briefFact: 0.2,
  newOutletBonus: 0.02,
  maxItems: 20,
  listItems: 6,
};

/** Scores below which a quote's match is not reported; tuned on eval/cite.jsonl. */
export interface CiteThresholds {
  fuzzy: number;
  semantic: number;
}

export const CITE_THRESHOLDS: CiteThresholds = { fuzzy: 0.75, semantic: 0.42 };

/** When a model's cited claim counts as supported by the passage it cites (answer/citations.ts). */
export interface VerifyThresholds {
  /** A claim is supported when this share of its content words is in the passage (across languages)… */
  minLexical: number;
  /** …or when at least this share is and the embedding similarity reaches `minDense`. */
  minLexicalWithDense: number;
  minDense: number;
}

export const DEFAULT_VERIFY: VerifyThresholds = { minLexical: 0.6, minLexicalWithDense: 0.3, minDense: 0.8 };

/** How many top hits go into a language model's prompt, numbered for its citation markers. */
export const LLM_PASSAGES = 6;

/**
 * How long a write lock taken on another host may be held before kabar says how to clear it. kabar
 * cannot see another machine's processes (an index on a shared folder), so such a lock is never taken
 * over; a full build of a million passages took about an hour of wall time (docs/performance.md), so a
 * lock older than six hours is most likely left by a machine that stopped.
 */
export const FOREIGN_LOCK_STALE_MS = 6 * 60 * 60 * 1000;

/**
 * The largest inputs kabar takes, each said in one sentence when passed: without them a 50 MB one-line
 * file took 1.1 GB of memory to index, a 200 MB model reply 2.5 GB, a 1 MB quote 39–63 s of CPU in
 * `kabar cite`. The largest news file in the benchmark corpora (FacQA, IDK-MRC) is 19,896 bytes; the article
 * limit still admits a 20 MB saved page (about 0.8 GB to index), which is outsized and folded, not skipped.
 */
export interface SizeLimits {
  /** An article's text after extraction; a longer one is skipped with a warning naming it. */
  articleChars: number;
  /** A model's reply; a longer one is cut off there with an error. */
  replyChars: number;
  /** A quote given to `kabar cite`. */
  quoteChars: number;
  /** A question given to `ask`, the chat or `eval`. */
  questionChars: number;
}

/**
 * An article with more text than this (yet within `SIZE_LIMITS.articleChars`) is outsized: `kabar info` lists it,
 * and its passages are folded under its best in results like any article's past `perArticle`.
 */
export const OUTSIZED_ARTICLE_CHARS = 500_000;

/**
 * From how many files on a corpus is checked through its folders by commands other than `kabar index`
 * (KABAR_REFRESH=auto): below it every file is listed (50,000 files take about 0.3 s), above it only the
 * folders' modification times are read and the folders whose time moved are listed again (a 214,000-file
 * corpus: 214 folders instead of 214,000 files, about 1.5 s saved per command).
 */
export const FOLDER_CHECK_FROM_FILES = 50_000;

export const SIZE_LIMITS: SizeLimits = {
  articleChars: 25_000_000,
  replyChars: 100_000,
  quoteChars: 10_000,
  questionChars: 2_000,
};

import type { Engine } from '../engine.js';
import type { StoredArticle } from '../index/port.js';
import { analyseQuery } from '../question/query.js';
import { lineOf, sourceLocation } from '../sources/location.js';
import type { ArticleOrigin, Lang } from '../types.js';
import { findExact } from './exact.js';
import { alignFuzzy } from './fuzzy.js';
import { fuzzyWords, normalizeWords } from './normalize.js';
import { alignSemantic } from './semantic.js';
import { sentenceGroups } from './sentences.js';
import { CITE_THRESHOLDS, SIZE_LIMITS, type CiteThresholds } from '../settings.js';
import { UserError } from '../errors.js';

export type MatchKind = 'exact' | 'fuzzy' | 'semantic';

/** Where a quote came from: `text === originalFile.slice(start, end)`. */
export interface QuoteMatch {
  file: string;
  /** The passage the match starts in (the one it overlaps most). */
  id: string;
  start: number;
  end: number;
  /** 1-based line of `start` in the file; for a record of an archive or feed, the record's line in `origin.file`. */
  line: number;
  /** The archive or feed file the article is a record of. */
  origin?: ArticleOrigin;
  text: string;
  /** Confidence in [0, 1]: 1 for exact matches. */
  score: number;
  kind: MatchKind;
  date: string | null;
  source: string | null;
  lang: Lang;
  /** The earliest-dated of several articles that carry the quote. */
  earliest: boolean;
}

export interface FindOptions {
  /** How many matches at most (default 5). */
  k?: number;
  thresholds?: CiteThresholds;
}

/** How many passages the lexical index and the hybrid search each propose. */
const LEXICAL_CANDIDATES = 20;
const SEARCH_CANDIDATES = 8;
/** How many articles the (costlier) sentence-level semantic alignment looks at. */
const SEMANTIC_ARTICLES = 6;
/** A fuzzy alignment covering this much of the quote that still failed (on its facts) is a near-miss. */
const NEAR_MISS_COVERAGE = 0.8;
/** Fuzzy matches stay below exact ones. */
const FUZZY_CEILING = 0.99;

interface Candidate {
  article: StoredArticle;
  /** Indices of the passages proposed for this article. */
  passages: Set<number>;
  /** Proposed by the hybrid search (dense + lexical), so worth a semantic look. */
  searched: boolean;
}

const passageIndex = (id: string): number => Number(id.slice(id.lastIndexOf('#') + 1));

/** The passage that overlaps a span most (or the nearest one), for the match's id. */
function passageOf(article: StoredArticle, start: number, end: number): string {
  let best = article.passages[0];
  let score = -Infinity;
  for (const p of article.passages) {
    const overlap = Math.min(end, p.end) - Math.max(start, p.start);
    if (overlap > score) {
      score = overlap;
      best = p;
    }
  }
  return best?.id ?? `${article.file}#0`;
}

/** Orders dates that may be partial (`2020-10` before `2020-10-22`); undated articles come last. */
const dateKey = (date: string | null): string => date ?? '\uffff';

/**
 * Finds where a quote or claim came from: exact matches (same words, any case, quotes, spacing or
 * punctuation), fuzzy ones (typos, abbreviations, missing words, new word order) and semantic ones
 * (a paraphrase or a translation), best first. Candidates come from the index (BM25 and the hybrid
 * search), never from scanning the corpus; an article's text comes from the store.
 * When several articles carry the quote, the earliest-dated is marked.
 */
export async function findQuote(engine: Engine, quote: string, options: FindOptions = {}): Promise<QuoteMatch[]> {
  const k = options.k ?? 5;
  const thresholds = options.thresholds ?? CITE_THRESHOLDS;
  if (quote.length > SIZE_LIMITS.quoteChars)
    throw new UserError(
      'BAD_FLAG',
      `The quote is ${quote.length.toLocaleString('en')} characters long; kabar cite looks up quotes of up to ${SIZE_LIMITS.quoteChars.toLocaleString('en')}.`,
      { hint: 'Cite a sentence or a paragraph at a time.' },
    );
  const quoteWords = normalizeWords(quote);
  if (quoteWords.length === 0) return [];
  const { store, analyzer } = engine;

  const proposed: { id: string; searched: boolean }[] = [];
  for (const hit of await store.lexical(analyseQuery(quote, analyzer).terms, LEXICAL_CANDIDATES))
    proposed.push({ id: hit.id, searched: false });
  const { hits } = await engine.search(quote, { k: SEARCH_CANDIDATES });
  for (const hit of hits) {
    proposed.push({ id: hit.passage.id, searched: true });
    for (const related of hit.related) proposed.push({ id: related.id, searched: true });
  }
  const candidates = new Map<string, Candidate>();
  for (const { id, searched } of proposed) {
    const file = id.slice(0, id.lastIndexOf('#'));
    let known = candidates.get(file);
    if (!known) {
      const article = await store.article(file);
      if (!article) continue;
      known = { article, passages: new Set<number>(), searched: false };
      candidates.set(file, known);
    }
    known.passages.add(passageIndex(id));
    known.searched ||= searched;
  }

  const raws = new Map<string, string>();
  const matches: Omit<QuoteMatch, 'earliest'>[] = [];
  const record = (article: StoredArticle, raw: string, start: number, end: number, score: number, kind: MatchKind) =>
    matches.push({
      file: article.file,
      id: passageOf(article, start, end),
      start,
      end,
      line: sourceLocation(article, raw, start).line ?? lineOf(raw, start),
      ...(article.origin ? { origin: article.origin } : {}),
      text: raw.slice(start, end),
      score: Math.round(score * 1000) / 1000,
      kind,
      date: article.date,
      source: article.source,
      lang: article.lang,
    });

  const fuzzyQuote = fuzzyWords(quote);
  const unresolved: Candidate[] = [];
  for (const candidate of candidates.values()) {
    const { article } = candidate;
    const raw = await store.raw(article.file);
    if (raw === undefined) continue;
    raws.set(article.file, raw);
    const exact = findExact(raw, quote);
    if (exact.length > 0) {
      for (const span of exact) record(article, raw, span.start, span.end, 1, 'exact');
      continue;
    }
    let best: { start: number; end: number; score: number; coverage: number } | null = null;
    for (const group of sentenceGroups(raw, article, candidate.passages, 1)) {
      const aligned = alignFuzzy(fuzzyQuote, group, analyzer);
      if (aligned && (!best || aligned.score > best.score)) best = aligned;
    }
    if (best && best.score >= thresholds.fuzzy)
      record(article, raw, best.start, best.end, Math.min(FUZZY_CEILING, best.score), 'fuzzy');
    // A near-miss (the words are there, a number or name is wrong) is a different claim: no paraphrase rescue.
    else if (!best || best.coverage < NEAR_MISS_COVERAGE) unresolved.push(candidate);
  }

  const semantic = unresolved.filter((c) => c.searched).slice(0, SEMANTIC_ARTICLES);
  const groups = semantic.map((c) => sentenceGroups(raws.get(c.article.file)!, c.article, c.passages, 0).flat());
  const langs = semantic.map((c) => c.article.lang);
  for (const aligned of await alignSemantic(quote, fuzzyQuote, groups, analyzer, engine.embedder, langs)) {
    if (aligned.score < thresholds.semantic) continue;
    const { article } = semantic[aligned.group];
    record(
      article,
      raws.get(article.file)!,
      aligned.start,
      aligned.end,
      Math.min(FUZZY_CEILING, aligned.score),
      'semantic',
    );
  }

  const kindOrder: Record<MatchKind, number> = { exact: 0, fuzzy: 1, semantic: 2 };
  matches.sort(
    (a, b) =>
      b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || a.file.localeCompare(b.file) || a.start - b.start,
  );
  const top = matches.slice(0, k).map((m) => ({ ...m, earliest: false }));
  if (new Set(top.map((m) => m.file)).size > 1) {
    const dated = top.filter((m) => m.date !== null);
    if (dated.length > 0) dated.reduce((a, b) => (dateKey(b.date) < dateKey(a.date) ? b : a)).earliest = true;
  }
  return top;
}

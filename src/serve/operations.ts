import { ApiError } from './errors.js';
import {
  findQuote,
  termMatches,
  passageContext,
  KABAR_VERSION,
  type Engine,
  type Filters,
  DEFAULT_K,
} from '../core/index.js';
import { citeJson, searchJson } from '../present/json.js';

/**
 * `kabar search --json`: the passages that match a query, each with exact offsets; passages without a
 * matching term are left out, as the CLI does. `allPassages`: every matching passage of an article, not
 * only its best few.
 */
export async function searchPassages(
  engine: Engine,
  query: string,
  k: number | undefined,
  filters: Filters,
  allPassages = false,
) {
  const found = await termMatches((depth) => engine.search(query, { k: depth, filters, allPassages }), k ?? DEFAULT_K);
  return searchJson(query, found.hits, found.ms);
}

/** `kabar show --json`: a passage with the sentences around it and its article's details, and the span asked for. */
export async function showPassage(engine: Engine, id: string, span?: { start: number; end: number }) {
  const shown = await passageContext(engine, id);
  if (!span) return shown;
  if (span.start < shown.start || span.end > shown.end) {
    throw new ApiError(
      400,
      'bad_request',
      `The span ${span.start}-${span.end} is not inside passage ${id}, which covers chars ${shown.start}-${shown.end}.`,
    );
  }
  return { ...shown, span: { ...span, text: shown.text.slice(span.start - shown.start, span.end - shown.start) } };
}

/** `kabar cite --json`: where a quote came from, exact, fuzzy or paraphrased. */
export async function citeQuote(engine: Engine, quote: string, k: number | undefined) {
  if (!/[\p{L}\p{N}]/u.test(quote)) throw new ApiError(400, 'bad_request', 'The quote has no words to look for.');
  return citeJson(quote, await findQuote(engine, quote, { k }));
}

/** What the index holds and what answers from it. */
export async function indexInfo(engine: Engine, models: string[]) {
  const counts = await engine.store.counts();
  return {
    version: KABAR_VERSION,
    corpus: engine.corpusDir,
    index: engine.indexDir,
    ...counts,
    embedder: engine.embedder.info,
    answerer: engine.answerer.name,
    models,
  };
}

/** A source (outlet) of the indexed articles: how many articles it has, in which languages, over which dates. */
export interface SourceSummary {
  source: string | null;
  articles: number;
  langs: string[];
  first: string | null;
  last: string | null;
}

/** The sources of the indexed articles, most articles first: what an agent can pass as the `source` filter. */
export async function listSources(engine: Engine): Promise<SourceSummary[]> {
  const by = new Map<string | null, SourceSummary>();
  for (const id of (await engine.store.versions()).keys()) {
    const article = await engine.store.article(id);
    if (!article) continue;
    const s = by.get(article.source) ?? { source: article.source, articles: 0, langs: [], first: null, last: null };
    s.articles++;
    if (!s.langs.includes(article.lang)) s.langs.push(article.lang);
    if (article.date && (!s.first || article.date < s.first)) s.first = article.date;
    if (article.date && (!s.last || article.date > s.last)) s.last = article.date;
    by.set(article.source, s);
  }
  return [...by.values()].sort((a, b) => b.articles - a.articles || String(a.source).localeCompare(String(b.source)));
}

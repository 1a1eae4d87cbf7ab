import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlText } from './html-text.js';
import { dateValue, langValue, plainLine, urlValue } from './values.js';
import type { SourceArticle, SourceRead } from './types.js';

/** Extracted text shorter than this is not an article body (Readability's own minimum content length). */
export const MIN_BODY_CHARS = 140;

type Doc = ReturnType<typeof parseHTML>['document'];

const meta = (doc: Doc, ...keys: string[]): string | null => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = plainLine(el?.getAttribute('content'));
    if (value) return value;
  }
  return null;
};

/** The page's JSON-LD article object (NewsArticle, Article, BlogPosting…), when it has one. */
function jsonLdArticle(doc: Doc): Record<string, unknown> | null {
  const objects: Record<string, unknown>[] = [];
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      objects.push(value as Record<string, unknown>);
      collect((value as Record<string, unknown>)['@graph']);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is its own business: the other metadata still counts.
    }
  }
  const isArticle = (o: Record<string, unknown>) =>
    [o['@type']].flat().some((t) => typeof t === 'string' && /Article|BlogPosting|NewsArticle/.test(t));
  return objects.find(isArticle) ?? objects.find((o) => 'datePublished' in o) ?? null;
}

const nameOf = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).name : value;

/**
 * A saved HTML page: the article body extracted with Readability; title, date (`article:published_time`,
 * JSON-LD `datePublished`), outlet (`og:site_name`) and canonical URL read from the page's metadata.
 * A page without an article body is warned and skipped.
 */
export function readHtml(file: string, content: string): SourceRead {
  const { document } = parseHTML(content);
  const ld = jsonLdArticle(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const found: SourceArticle['found'] = {};
  const pick = <T>(field: keyof SourceArticle['found'], ...values: (T | null)[]): T | null => {
    const value = values.find((v) => v !== null && v !== undefined) ?? null;
    if (value !== null) found[field] = 'html-meta';
    return value;
  };
  const url = pick('url', urlValue(canonical), urlValue(meta(document, 'og:url')), urlValue(ld?.url));
  const date = pick(
    'date',
    dateValue(
      meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'DC.date.issued'),
    ),
    dateValue(ld?.datePublished),
  );
  const source = pick('source', meta(document, 'og:site_name', 'application-name'), plainLine(nameOf(ld?.publisher)));
  const lang = pick(
    'lang',
    langValue(document.documentElement?.getAttribute('lang')),
    langValue(meta(document, 'og:locale', 'language')),
    langValue(ld?.inLanguage),
  );
  const headline = pick('title', meta(document, 'og:title', 'twitter:title'), plainLine(ld?.headline));

  // Readability changes the document it reads, so the metadata above is read first.
  const parsed = new Readability(document as unknown as Document).parse();
  const text = parsed?.content ? htmlText(parsed.content) : '';
  if (text.length < MIN_BODY_CHARS) {
    return { articles: [], warnings: [{ file, message: 'the page has no article body' }] };
  }
  const title = headline ?? plainLine(parsed?.title);
  if (title && !headline) found.title = 'html-meta';
  return {
    articles: [{ id: file, file, text, bodyStart: 0, markdown: false, title, date, source, url, lang, found }],
    warnings: [],
  };
}

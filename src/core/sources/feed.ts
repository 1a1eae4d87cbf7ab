import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlText } from './html-text.js';
import { dateValue, langValue, plainLine, urlValue } from './values.js';
import type { SourceArticle, SourceRead, SourceWarning } from './types.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

/** An element's text, whether the parser gave a string, a number or a node with attributes. */
const textOf = (value: unknown): string | null => {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (value && typeof value === 'object') return textOf((value as Node)['#text']);
  return null;
};

/** Feed text that may hold markup or entities, as plain text. */
const readable = (value: unknown): string | null => {
  const text = textOf(value);
  if (text === null) return null;
  return /[<&]/.test(text) ? htmlText(text) : text;
};

/** An item's link: RSS `<link>` text, or the Atom `<link rel="alternate" href>`. */
function linkOf(item: Node): string | null {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const link of links) {
    if (link && typeof link === 'object') {
      const node = link as Node;
      const rel = node['@_rel'];
      if (rel === undefined || rel === 'alternate') {
        const url = urlValue(node['@_href'] ?? node['#text']);
        if (url) return url;
      }
    } else {
      const url = urlValue(link);
      if (url) return url;
    }
  }
  return null;
}

/** Line numbers of each `<item>` / `<entry>` start tag, in document order. */
function itemLines(content: string): number[] {
  const lines: number[] = [];
  const tag = /<(?:[\w-]+:)?(?:item|entry)[\s>/]/g;
  let line = 1;
  let last = 0;
  for (let m = tag.exec(content); m; m = tag.exec(content)) {
    for (let i = last; i < m.index; i++) if (content.charCodeAt(i) === 10) line++;
    last = m.index;
    lines.push(line);
  }
  return lines;
}

/**
 * A saved RSS 2.0, RSS 1.0 (RDF) or Atom feed: one article per item with its title, date, link and source
 * (the item's `<source>`, else the feed's title). A file that is not XML or not a feed is warned and skipped.
 */
export function readFeed(file: string, content: string): SourceRead {
  // An entity declaration (external, or internal and expanded without bound) is refused for the whole file:
  // feeds do not need them, and the parser would otherwise throw or read what the declaration names.
  const entity = /<!ENTITY\b/i.exec(content);
  if (entity) {
    const line = content.slice(0, entity.index).split('\n').length;
    return {
      articles: [],
      warnings: [{ file, line, message: 'the feed declares XML entities, which kabar does not read' }],
    };
  }
  const valid = XMLValidator.validate(content);
  if (valid !== true) {
    return {
      articles: [],
      warnings: [{ file, line: valid.err.line, message: `the file is not well-formed XML (${valid.err.msg})` }],
    };
  }
  const doc = parser.parse(content) as Node;
  const rss = doc.rss as Node | undefined;
  const channel = (rss?.channel ?? (doc['rdf:RDF'] as Node | undefined)?.channel ?? doc.feed) as Node | undefined;
  const items = ((rss?.channel as Node | undefined)?.item ??
    (doc['rdf:RDF'] as Node | undefined)?.item ??
    (doc.feed as Node | undefined)?.entry) as Node[] | undefined;
  if (!channel && !items)
    return { articles: [], warnings: [{ file, message: 'the file is XML but not an RSS or Atom feed' }] };
  const feedTitle = plainLine(readable(channel?.title));
  const feedLang = langValue(
    textOf(channel?.language) ?? textOf(channel?.['@_xml:lang']) ?? textOf(channel?.['dc:language']),
  );
  const lines = itemLines(content);
  const articles: SourceArticle[] = [];
  const warnings: SourceWarning[] = [];
  (items ?? []).forEach((item, i) => {
    const line = lines[i];
    const text = readable(item['content:encoded'] ?? item.content ?? item.description ?? item.summary)?.trim() ?? '';
    if (text === '') {
      warnings.push({ file, line, message: 'the feed item has no text' });
      return;
    }
    const url = linkOf(item);
    const key = plainLine(textOf(item.guid) ?? textOf(item.id)) ?? url ?? String(i + 1);
    const found: SourceArticle['found'] = {};
    const mark = <T>(field: keyof SourceArticle['found'], value: T | null): T | null => {
      if (value !== null) found[field] = 'feed';
      return value;
    };
    articles.push({
      id: `${file}:${key}`,
      file,
      line,
      text,
      bodyStart: 0,
      markdown: false,
      title: mark('title', plainLine(readable(item.title))),
      date: mark('date', dateValue(textOf(item.pubDate ?? item.published ?? item['dc:date'] ?? item.updated))),
      source: mark('source', plainLine(readable(item.source)) ?? feedTitle),
      url: mark('url', url),
      lang: mark('lang', langValue(textOf(item['dc:language'])) ?? feedLang),
      found,
    });
  });
  return { articles, warnings };
}

import { UserError } from '../errors.js';
import { dateValue, langValue, plainLine, plainText, urlValue } from './values.js';
import { RECORD_FIELDS, type FieldMap, type RecordField, type SourceArticle, type SourceWarning } from './types.js';

/** Field names recognised without a mapping, most specific first (news-please's names included). */
const ALIASES: Record<RecordField, string[]> = {
  id: ['id', '_id', 'guid', 'uuid', 'article_id'],
  text: ['text', 'content', 'body', 'maintext', 'article', 'full_text', 'fulltext'],
  title: ['title', 'headline', 'judul'],
  date: ['date', 'published', 'published_at', 'publishedAt', 'date_publish', 'pubDate', 'datePublished', 'tanggal'],
  source: ['source', 'outlet', 'publisher', 'source_domain', 'site', 'sitename'],
  url: ['url', 'link', 'canonical', 'href'],
  lang: ['lang', 'language'],
};

/**
 * Reads `text=body` mappings (from repeated `--field` flags or a comma-separated `KABAR_FIELDS`);
 * a bad mapping is a UserError naming it.
 */
export function parseFieldMap(specs: string[], origin: string): FieldMap {
  const map: FieldMap = {};
  for (const spec of specs
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)\s*=\s*(\S+)$/.exec(spec);
    const field = match?.[1] as RecordField | undefined;
    if (!match || !RECORD_FIELDS.includes(field!)) {
      throw new UserError('BAD_FLAG', `${origin} ${spec} is not a field mapping.`, {
        hint: `Write FIELD=NAME with FIELD one of ${RECORD_FIELDS.join(', ')}, e.g. ${origin} text=body.`,
      });
    }
    map[field!] = match[2];
  }
  return map;
}

/** A record's value at `name`, following dots into nested objects (`meta.outlet`). */
function valueAt(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  let value: unknown = record;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Which column or key holds each field: the mapping first, then the first alias present (case-insensitive). */
export function detectFields(names: string[], map: FieldMap = {}): FieldMap {
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const found: FieldMap = {};
  for (const field of RECORD_FIELDS) {
    found[field] = map[field] ?? ALIASES[field].map((a) => lower.get(a.toLowerCase())).find((n) => n !== undefined);
  }
  return found;
}

/** Where one record sits: its archive file and the line it starts on. */
export interface RecordPlace {
  file: string;
  line: number;
}

/** An object value's readable name (`{ name: "Kompas" }` → "Kompas"). */
const named = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>).name
    : value;

/** Turns one archive record into an article, or a warning saying why it cannot be one. */
export function articleFromRecord(
  record: Record<string, unknown>,
  fields: FieldMap,
  place: RecordPlace,
): SourceArticle | SourceWarning {
  const get = (field: RecordField): unknown => (fields[field] ? valueAt(record, fields[field]!) : undefined);
  const raw = get('text');
  const text = typeof raw === 'string' ? plainText(raw).trim() : '';
  if (text === '') {
    const where = fields.text ? `in its "${fields.text}" field` : '(no text, content or body field)';
    return { ...place, message: `the record has no article text ${where}; map the field with --field text=NAME` };
  }
  const title = plainLine(get('title'));
  const date = dateValue(get('date'));
  const source = plainLine(named(get('source')));
  const url = urlValue(get('url'));
  const lang = langValue(get('lang'));
  const key = plainLine(get('id')) ?? url ?? String(place.line);
  const article: SourceArticle = {
    id: `${place.file}:${key}`,
    file: place.file,
    line: place.line,
    text,
    bodyStart: 0,
    markdown: false,
    title,
    date,
    source,
    url,
    lang,
    found: {},
  };
  for (const field of ['title', 'date', 'source', 'url', 'lang'] as const)
    if (article[field] !== null) article.found[field] = 'record';
  return article;
}

export const isWarning = (value: SourceArticle | SourceWarning): value is SourceWarning => 'message' in value;

/**
 * Keeps one article per id: a later record with the same id replaces the earlier one (an archive that
 * appends an updated version of a story), with a warning naming both lines.
 */
export function uniqueById(articles: SourceArticle[], warnings: SourceWarning[]): SourceArticle[] {
  const byId = new Map<string, SourceArticle>();
  for (const article of articles) {
    const earlier = byId.get(article.id);
    if (earlier) {
      warnings.push({
        file: article.file,
        line: article.line,
        message: `the record repeats the id of line ${earlier.line}; the later one is kept`,
      });
      byId.delete(article.id);
    }
    byId.set(article.id, article);
  }
  return [...byId.values()];
}

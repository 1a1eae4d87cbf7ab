import { UserError } from '../errors.js';
import type { ArticleSpan, Passage, Span } from '../types.js';
import { spanSource } from '../sources/location.js';
import { closestIds } from './closest-ids.js';
import type { StoredArticle, StoreReader } from './port.js';
import { sliceMatchesSource } from './stale.js';

/** A passage with the sentences around it and its article's details, as `show` and the chat's `/open` present it. */
export interface PassageContext extends ArticleSpan {
  before: Span[];
  after: Span[];
}

/** What reading a passage's context needs from an engine. */
export interface PassageSource {
  readonly store: Pick<StoreReader, 'passage' | 'article' | 'versions'>;
  /** Where article files are, to check a passage against its file before it is shown. */
  readonly corpusDir?: string;
  /** Re-reads articles whose file no longer holds their passages' text. */
  refreshArticles?(articleIds: string[]): Promise<void>;
}

async function notFound(engine: PassageSource, id: string): Promise<UserError> {
  const file = id.slice(0, id.lastIndexOf('#'));
  const article = await engine.store.article(file);
  const pool = article
    ? article.passages.map((p) => p.id)
    : [...(await engine.store.versions()).keys()].map((f) => `${f}#0`);
  const suggestions = closestIds(id, pool, 3);
  return new UserError('NOT_FOUND', `There is no passage ${id}.`, {
    hint: suggestions.length ? `Did you mean ${suggestions.join(', ')}?` : 'Run kabar search to find passage ids.',
    exitCode: 1,
  });
}

/**
 * The passage, `around` sentences either side of it, and its article; a UserError naming near ids
 * when there is no such passage. A passage whose file was edited since it was indexed (even with
 * the same size and time) is re-read first, so what is shown is always the file's text.
 */
export async function passageContext(engine: PassageSource, id: string, around = 2): Promise<PassageContext> {
  let found = await engine.store.passage(id);
  if (found && engine.corpusDir && engine.refreshArticles && !sliceMatchesSource(engine.corpusDir, found.passage)) {
    await engine.refreshArticles([found.passage.file]);
    found = await engine.store.passage(id);
  }
  const article = found && (await engine.store.article(found.passage.file));
  if (!found || !article) throw await notFound(engine, id);
  const { passage } = found;
  const sentences = article.passages.flatMap((p: Passage) => p.sentences);
  const first = sentences.findIndex((s) => s.start === passage.sentences[0].start);
  const last = first + passage.sentences.length - 1;
  return {
    id,
    file: article.file,
    title: article.title,
    source: article.source,
    date: article.date,
    lang: article.lang,
    start: passage.start,
    end: passage.end,
    text: passage.text,
    before: sentences.slice(Math.max(0, first - around), first),
    after: sentences.slice(last + 1, last + 1 + around),
    ...spanSource(article),
  };
}

/** A match inside the sentences around it: `before + text + after` is one slice of the original file. */
export interface MatchContext {
  before: string;
  text: string;
  after: string;
}

/** The text of the sentences a span starts and ends in, split around the span, for highlighting. */
export function matchContext(raw: string, article: StoredArticle, start: number, end: number): MatchContext {
  const sentences = article.passages.flatMap((p) => p.sentences);
  const first = sentences.find((s) => s.start <= start && start < s.end);
  const last = sentences.find((s) => s.start < end && end <= s.end);
  const from = Math.min(first?.start ?? start, start);
  const to = Math.max(last?.end ?? end, end);
  return { before: raw.slice(from, start), text: raw.slice(start, end), after: raw.slice(end, to) };
}

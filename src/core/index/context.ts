import { UserError } from '../errors.js';
import type { ArticleSpan, Passage, Span } from '../types.js';
import { closestIds } from './closest-ids.js';
import type { StoredArticle } from './store.js';
import type { CorpusView } from './view.js';

/** A passage with the sentences around it and its article's details, as `show` and the chat's `/open` present it. */
export interface PassageContext extends ArticleSpan {
  before: Span[];
  after: Span[];
}

/** What reading a passage's context needs from an engine. */
export interface PassageSource {
  readonly view: Pick<CorpusView, 'passage' | 'ids'>;
}

/** The passage, `around` sentences either side of it, and its article; a UserError naming near ids when there is no such passage. */
export function passageContext(engine: PassageSource, id: string, around = 2): PassageContext {
  const found = engine.view.passage(id);
  if (!found) {
    const suggestions = closestIds(id, [...engine.view.ids()], 3);
    throw new UserError('NOT_FOUND', `There is no passage ${id}.`, {
      hint: suggestions.length ? `Did you mean ${suggestions.join(', ')}?` : 'Run kabar search to find passage ids.',
      exitCode: 1,
    });
  }
  const { passage, article } = found;
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

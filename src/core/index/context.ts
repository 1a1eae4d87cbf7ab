import { UserError } from '../errors.js';
import type { ArticleSpan, Passage, Span } from '../types.js';
import { closestIds } from './closest-ids.js';
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

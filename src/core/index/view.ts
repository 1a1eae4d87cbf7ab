import type { ArticleMeta, Passage } from '../types.js';
import type { IndexData, StoredArticle } from './store.js';

/** Read access to an index's articles and passages by id. */
export class CorpusView {
  private readonly byId = new Map<string, { passage: Passage; article: StoredArticle }>();

  constructor(readonly data: IndexData) {
    for (const article of data.articles.values()) for (const passage of article.passages) this.byId.set(passage.id, { passage, article });
  }

  passage(id: string): { passage: Passage; article: StoredArticle } | undefined {
    return this.byId.get(id);
  }

  article(file: string): StoredArticle | undefined {
    return this.data.articles.get(file);
  }

  /** Every passage id, in corpus order. */
  ids(): IterableIterator<string> {
    return this.byId.keys();
  }

  get passageCount(): number {
    return this.byId.size;
  }
}

export const metaOf = (article: StoredArticle): ArticleMeta => ({
  file: article.file,
  title: article.title,
  date: article.date,
  source: article.source,
  lang: article.lang,
});

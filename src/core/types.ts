/** The data that flows through kabar, from files on disk to cited answers. */

export type Lang = 'id' | 'en';

/**
 * Where a piece of an article's metadata came from: the source's own fields, or evidence in the file (the
 * title line, the opening's dateline, an agency code closing it, a date in its path, an outlet-like folder);
 * `guessed` is what remains (a title from the first sentence, the language from the words).
 */
export type Provenance =
  | 'front-matter'
  | 'record'
  | 'html-meta'
  | 'feed'
  | 'title-line'
  | 'dateline'
  | 'byline'
  | 'path'
  | 'folder'
  | 'guessed'
  | 'absent';

/** The metadata fields whose origin is recorded. */
export const META_FIELDS = ['title', 'date', 'source', 'url', 'lang'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** The file (and line) an article was read from, when the article is one record of an archive or feed. */
export interface ArticleOrigin {
  /** Path relative to the corpus directory, with forward slashes. */
  file: string;
  /** 1-based line where the record starts, for line-based archives and feeds. */
  line?: number;
}

/** One article as read from the corpus directory. */
export interface Article {
  /**
   * The article's id: for an article that is a whole file (`.txt`, `.md`, `.html`), its path relative to the
   * corpus directory with forward slashes; for a record of an archive or feed, `file:key` (see `origin`).
   */
  file: string;
  /**
   * The text every offset in kabar points into: the original file for `.txt`/`.md`, the extracted text for
   * records, pages and feed items.
   */
  raw: string;
  /** Present when the article is one record of a file: that file and line. */
  origin?: ArticleOrigin;
  /** The article's web address, when its source gives one. */
  url?: string | null;
  /** Where each metadata field came from. */
  provenance?: Record<MetaField, Provenance>;
  title: string;
  /** ISO date, `YYYY-MM` or `YYYY-MM-DD`, or null when the article carries none. */
  date: string | null;
  /** Outlet or agency, e.g. "IslamTimes", "ARRAHMAHNEWS.COM", "IRNA"; null when unknown. */
  source: string | null;
  lang: Lang;
}

/** Article metadata without the text, as stored in the index. */
export type ArticleMeta = Omit<Article, 'raw'>;

/** A sentence of an article: `raw.slice(start, end) === text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A few consecutive sentences of one article, the unit of retrieval and citation. */
export interface Passage {
  /** Stable id `file#n`, n counted from 0 within the article. */
  id: string;
  file: string;
  start: number;
  end: number;
  /** Exactly `raw.slice(start, end)`. */
  text: string;
  /** The sentences inside the passage, with offsets into the original file. */
  sentences: Span[];
}

/** Filters a user can put on retrieval. Dates compare as prefixes: since 2020-09 keeps 2020-09-01 and later. */
export interface Filters {
  since?: string;
  until?: string;
  source?: string;
  lang?: Lang;
}

/** A retrieved passage with its article and why it was ranked where it is. */
export interface Hit {
  passage: Passage;
  article: ArticleMeta;
  score: number;
  why: { dense?: number; lexical?: number; denseRank?: number; lexicalRank?: number };
  /** Passages collapsed into this one because they tell the same story (another outlet or language). */
  related: { id: string; file: string; lang: Lang; similarity: number }[];
  /** Further passages of the same article, past the most one article may show, folded under its best hit. */
  folded?: string[];
}

/** A span of an article with its details: `text === originalFile.slice(start, end)`. */
export interface ArticleSpan {
  /** The passage the span is in. */
  id: string;
  file: string;
  title: string;
  source: string | null;
  date: string | null;
  lang: Lang;
  start: number;
  end: number;
  text: string;
  /** The archive or feed file and line the article is a record of, when it is one. */
  origin?: ArticleOrigin;
  url?: string | null;
}

/** One cited span, numbered as the answer's markers [n] number it. */
export interface Citation extends ArticleSpan {
  n: number;
  /** Present when a generative answerer produced the claim: whether the passage supports it. */
  verified?: boolean;
}

/** The short answer inside a cited sentence: `text === originalFile.slice(start, end)`. */
export interface ShortAnswer extends ArticleSpan {
  /** What is shown to the user: `text`, or `text` with a rendering in the question's language, e.g. "three times (tiga kali)". */
  shown: string;
}

/** What an answer is: one cited fact, or a list, a timeline or a brief gathered across articles. */
export type AnswerKind = 'answer' | 'list' | 'timeline' | 'brief';

/** One line of a list, timeline or brief: what it says, the date it is placed at, and every span that backs it. */
export interface AnswerItem {
  /** The item as shown: a name or phrase (list), a sentence (timeline, brief). */
  text: string;
  /** The event's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) on a timeline; a brief line's article date; null when unknown. */
  date: string | null;
  citations: Citation[];
}

export interface Answer {
  question: string;
  /** What the answer is; absent means `answer`, one cited fact. */
  kind?: AnswerKind;
  /** The lines of a list, timeline or brief, in order; every citation of them is also in `citations`. */
  items?: AnswerItem[];
  /** Generative lists, timelines and briefs: lines written without a marker that verifies, dropped. */
  droppedLines?: number;
  /** The question actually searched (after follow-up resolution); equals `question` when nothing was resolved. */
  resolvedQuestion: string;
  answer: string;
  abstained: boolean;
  citations: Citation[];
  /** Every retrieved hit in rank order, cited or not. */
  hits: Hit[];
  warnings: string[];
  /** Generative answers: how many [n] markers pointed at no retrieved passage (removed from `answer`). */
  invalidMarkers?: number;
  /** Generative answers: sentences that cite no passage, so nothing in the articles backs them. */
  unsupported?: string[];
  /** How sure the answerer is that the cited text answers the question, in [0, 1], when it can tell. */
  confidence?: number;
  /** The answer span (a name, number, date, place…), or null when none fits or the answerer abstained. */
  short?: ShortAnswer | null;
  /** The sentence (or two) quoted in support of the answer, or null when abstaining. */
  support?: ArticleSpan | null;
  /** When abstaining: the passage that came closest to answering, for the reader to judge; null when none was retrieved. */
  closest?: ArticleSpan | null;
  timingsMs: { retrieve: number; answer: number; total: number };
}

/** What an answerer yields while it works; every front end reads the same stream. */
export type AnswerEvent =
  | { type: 'resolved'; question: string; filters: Filters }
  | { type: 'retrieved'; hits: Hit[] }
  | { type: 'token'; text: string }
  | { type: 'done'; answer: Answer }
  | { type: 'error'; error: Error; partial?: string };

/** A previous turn of a conversation, for follow-up resolution. */
export interface Turn {
  question: string;
  resolvedQuestion: string;
  answer: string;
}

/** A source (a file, or a record of one) that could not be indexed, and why. */
export interface Skipped {
  file: string;
  /** The record's 1-based line, for a record of an archive or feed. */
  line?: number;
  reason: string;
}

import fs from 'node:fs';
import path from 'node:path';
import type { ArticleMeta, Passage } from '../types.js';
import { VectorIndex } from '../../providers/vector-index.js';
import { LexicalIndex } from './lexical.js';
import { readLines, writeLines } from './lines.js';
import type { Manifest } from './manifest.js';

/** An article as the index keeps it: metadata, what identifies its file's version, and its passages. */
export interface StoredArticle extends ArticleMeta {
  size: number;
  mtimeMs: number;
  hash: string;
  passages: Passage[];
  /** HNSW label of each passage, in order. */
  labels: number[];
}

/** A file that could not be indexed, and why. */
export interface Skipped {
  file: string;
  reason: string;
}

/** Everything one index generation holds, in memory. */
export interface IndexData {
  manifest: Manifest;
  articles: Map<string, StoredArticle>;
  skipped: Skipped[];
  lexical: LexicalIndex;
  vectors: VectorIndex;
}

const FILES = { manifest: 'manifest.json', articles: 'articles.jsonl', lexical: 'lexical.jsonl', vectors: 'vectors.hnsw' };

interface ArticleRecord extends Omit<StoredArticle, 'passages'> {
  passages: { start: number; end: number; text: string; sentences: [number, number][] }[];
}

const toRecord = (a: StoredArticle): ArticleRecord => ({
  ...a,
  passages: a.passages.map((p) => ({ start: p.start, end: p.end, text: p.text, sentences: p.sentences.map((s) => [s.start, s.end]) })),
});

const fromRecord = (r: ArticleRecord): StoredArticle => ({
  ...r,
  passages: r.passages.map((p, n) => ({
    id: `${r.file}#${n}`,
    file: r.file,
    start: p.start,
    end: p.end,
    text: p.text,
    sentences: p.sentences.map(([start, end]) => ({ start, end, text: p.text.slice(start - p.start, end - p.start) })),
  })),
});

export async function saveIndex(folder: string, data: IndexData): Promise<void> {
  await writeLines(path.join(folder, FILES.articles), [...data.articles.values()].map(toRecord));
  await data.lexical.save(path.join(folder, FILES.lexical));
  await data.vectors.save(path.join(folder, FILES.vectors));
  await writeLines(path.join(folder, 'skipped.jsonl'), data.skipped);
  fs.writeFileSync(path.join(folder, FILES.manifest), `${JSON.stringify(data.manifest, null, 2)}\n`);
}

export function readManifest(folder: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(folder, FILES.manifest), 'utf8')) as Manifest;
}

export async function loadIndex(folder: string): Promise<IndexData> {
  const manifest = readManifest(folder);
  const articles = new Map<string, StoredArticle>();
  const labels = new Map<number, string>();
  for await (const record of readLines<ArticleRecord>(path.join(folder, FILES.articles))) {
    const article = fromRecord(record);
    articles.set(article.file, article);
    article.labels.forEach((label, n) => labels.set(label, article.passages[n].id));
  }
  const skipped: Skipped[] = [];
  for await (const s of readLines<Skipped>(path.join(folder, 'skipped.jsonl'))) skipped.push(s);
  const [lexical, vectors] = await Promise.all([
    LexicalIndex.load(path.join(folder, FILES.lexical)),
    VectorIndex.load(path.join(folder, FILES.vectors), manifest.embedder.dimensions, labels),
  ]);
  return { manifest, articles, skipped, lexical, vectors };
}

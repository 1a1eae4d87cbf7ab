import crypto from 'node:crypto';
import { parseArticle } from '../corpus/article.js';
import type { ChunkOptions } from '../corpus/chunk.js';
import { readArticleFile, scanCorpus, type CorpusFile } from '../corpus/scan.js';
import { UserError } from '../errors.js';
import type { Analyzer } from '../text/analyze.js';
import type { Passage } from '../types.js';
import type { Embedder } from '../../providers/embeddings/embedder.js';
import { VectorIndex } from '../../providers/vector-index.js';
import { currentGeneration, discardGeneration, newGeneration, publishGeneration } from './generation.js';
import { LexicalIndex } from './lexical.js';
import { withLock } from './lock.js';
import { FORMAT_VERSION, incompatibility, type Manifest } from './manifest.js';
import { loadIndex, saveIndex, type IndexData, type Skipped, type StoredArticle } from './store.js';

export interface RefreshProgress {
  done: number;
  total: number;
  file?: string;
}

export interface RefreshOptions {
  corpusDir: string;
  /** The folder of this embedder's index (one per embedder, side by side). */
  dir: string;
  embedder: Embedder;
  analyzer: Analyzer;
  chunking: ChunkOptions;
  kabarVersion: string;
  /** Rebuild every article even when nothing changed. */
  force?: boolean;
  signal?: AbortSignal;
  /** Called before work starts with the number of articles to (re)process, then after each. */
  onProgress?: (progress: RefreshProgress) => void;
  /** Diagnostics for stderr: skipped files, rebuild reasons. */
  onWarning?: (message: string) => void;
}

export interface RefreshReport {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  skipped: Skipped[];
  articles: number;
  passages: number;
  /** Why the whole index was rebuilt, when it was. */
  rebuilt?: string;
  ms: number;
}

/** The text embedded and searched for a passage: its sentences, with glued sentences given a space. */
export const passageText = (p: Passage): string => p.sentences.map((s) => s.text).join(' ');

const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');
const EMBED_BATCH = 64;
const COMPACT_AT = 0.3;

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('CANCELLED', 'Indexing cancelled; the previous index is unchanged.');
}

async function openExisting(options: RefreshOptions, wanted: Pick<Manifest, 'embedder' | 'chunking'>): Promise<{ data: IndexData | null; reason?: string }> {
  let folder: string | null;
  try {
    folder = currentGeneration(options.dir);
  } catch (error) {
    return { data: null, reason: `the index was unreadable (${(error as Error).message})` };
  }
  if (!folder) return { data: null };
  try {
    const data = await loadIndex(folder);
    const problem = incompatibility(data.manifest, wanted);
    if (problem) return { data: null, reason: problem };
    return { data };
  } catch (error) {
    return { data: null, reason: `the index was unreadable (${(error as Error).message})` };
  }
}

/**
 * Brings the index up to date with the corpus: only added, changed and removed articles are processed.
 * When anything changed, a new generation is written and published atomically; otherwise nothing is
 * written. Returns the live index data.
 */
export async function refreshIndex(options: RefreshOptions): Promise<{ data: IndexData; report: RefreshReport }> {
  const started = performance.now();
  const files = scanCorpus(options.corpusDir);
  const wanted = { embedder: options.embedder.info, chunking: options.chunking };
  const existing = options.force ? { data: null, reason: 'a rebuild was asked for' } : await openExisting(options, wanted);
  if (existing.reason && !options.force) options.onWarning?.(`Rebuilding the index: ${existing.reason}.`);

  const previous = existing.data;
  const unchangedFiles = new Set<string>();
  const toProcess: { file: CorpusFile; raw?: string; hash?: string; reason?: string }[] = [];
  for (const file of files) {
    const stored = previous?.articles.get(file.file);
    if (stored && stored.size === file.size && stored.mtimeMs === file.mtimeMs) {
      unchangedFiles.add(file.file);
      continue;
    }
    const read = readArticleFile(file.abs);
    if (!read.ok) {
      toProcess.push({ file, reason: read.reason });
      continue;
    }
    const hash = sha1(read.raw);
    if (stored && stored.hash === hash) {
      unchangedFiles.add(file.file);
      stored.mtimeMs = file.mtimeMs;
      continue;
    }
    toProcess.push({ file, raw: read.raw, hash });
  }
  const present = new Set(files.map((f) => f.file));
  const removedFiles = previous ? [...previous.articles.keys()].filter((f) => !present.has(f)) : [];
  const skipped: Skipped[] = toProcess.filter((t) => t.reason).map((t) => ({ file: t.file.file, reason: t.reason! }));
  for (const s of skipped) options.onWarning?.(`Skipped ${s.file}: ${s.reason}.`);
  const key = (list: Skipped[]) => list.map((s) => `${s.file}\0${s.reason}`).join('\n');
  const work = toProcess.filter((t) => t.raw !== undefined);
  const changedCount = work.filter((t) => previous?.articles.has(t.file.file)).length;

  const report = (data: IndexData): RefreshReport => ({
    added: work.length - changedCount,
    changed: changedCount,
    removed: removedFiles.length,
    unchanged: unchangedFiles.size,
    skipped,
    articles: data.articles.size,
    passages: data.vectors.size,
    rebuilt: previous ? undefined : existing.reason,
    ms: Math.round(performance.now() - started),
  });

  if (previous && work.length === 0 && removedFiles.length === 0 && key(previous.skipped) === key(skipped)) {
    return { data: previous, report: report(previous) };
  }

  return withLock(options.dir, async () => {
    const data: IndexData = previous ?? {
      manifest: {
        formatVersion: FORMAT_VERSION,
        kabarVersion: options.kabarVersion,
        embedder: options.embedder.info,
        chunking: options.chunking,
        corpusDir: options.corpusDir,
        createdAt: new Date().toISOString(),
        updatedAt: '',
        counts: { articles: 0, passages: 0, skipped: 0 },
      },
      articles: new Map(),
      skipped: [],
      lexical: LexicalIndex.empty(),
      vectors: VectorIndex.create(options.embedder.info.dimensions),
    };
    const { analyzer } = options;
    const drop = (article: StoredArticle) => {
      data.vectors.remove(article.labels);
      for (const p of article.passages) data.lexical.remove(p.id, analyzer.terms(passageText(p), article.lang));
      data.articles.delete(article.file);
    };
    for (const file of removedFiles) drop(data.articles.get(file)!);

    options.onProgress?.({ done: 0, total: work.length });
    let done = 0;
    let batch: { article: StoredArticle; passage: Passage; text: string }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const vectors = await options.embedder.embeddings.embedDocuments(batch.map((b) => b.text));
      const labels = data.vectors.add(vectors, batch.map((b) => b.passage.id));
      batch.forEach((b, i) => b.article.labels.push(labels[i]));
      batch = [];
    };
    for (const item of work) {
      cancelled(options.signal);
      const old = data.articles.get(item.file.file);
      if (old) drop(old);
      const { article, passages } = parseArticle(item.file.file, item.raw!, options.chunking);
      const { raw: _raw, ...meta } = article;
      const stored: StoredArticle = { ...meta, size: item.file.size, mtimeMs: item.file.mtimeMs, hash: item.hash!, passages, labels: [] };
      data.articles.set(stored.file, stored);
      for (const passage of passages) {
        const text = passageText(passage);
        data.lexical.add(passage.id, analyzer.terms(text, stored.lang));
        batch.push({ article: stored, passage, text });
      }
      if (batch.length >= EMBED_BATCH) await flush();
      options.onProgress?.({ done: ++done, total: work.length, file: item.file.file });
    }
    await flush();
    cancelled(options.signal);
    if (data.vectors.deletedShare > COMPACT_AT) await compact(data, options);

    data.skipped = skipped;
    data.manifest.updatedAt = new Date().toISOString();
    data.manifest.kabarVersion = options.kabarVersion;
    data.manifest.corpusDir = options.corpusDir;
    data.manifest.counts = { articles: data.articles.size, passages: data.vectors.size, skipped: skipped.length };
    const folder = newGeneration(options.dir);
    try {
      await saveIndex(folder, data);
      cancelled(options.signal);
      publishGeneration(options.dir, folder);
    } catch (error) {
      discardGeneration(folder);
      throw error;
    }
    return { data, report: report(data) };
  });
}

/** Rebuilds the vector graph without its deleted entries, reusing the stored vectors. */
async function compact(data: IndexData, options: RefreshOptions): Promise<void> {
  const fresh = VectorIndex.create(options.embedder.info.dimensions, data.vectors.size);
  for (const article of data.articles.values()) {
    const vectors = article.labels.map((label) => data.vectors.vector(label));
    article.labels = fresh.add(vectors, article.passages.map((p) => p.id));
  }
  data.vectors = fresh;
}

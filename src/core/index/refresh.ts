import crypto from 'node:crypto';
import { parseArticle } from '../corpus/article.js';
import type { ChunkOptions } from '../corpus/chunk.js';
import { readArticleFile, scanCorpus, type CorpusFile } from '../corpus/scan.js';
import { UserError } from '../errors.js';
import type { Analyzer } from '../text/analyze.js';
import type { Passage } from '../types.js';
import type { Embedder } from '../../providers/embeddings/embedder.js';
import { FORMAT_VERSION, incompatibility, type Manifest } from './manifest.js';
import type { ArticleInput, Skipped, Store } from './port.js';

export interface RefreshProgress {
  done: number;
  total: number;
  file?: string;
}

export interface RefreshOptions {
  store: Store;
  corpusDir: string;
  embedder: Embedder;
  analyzer: Analyzer;
  chunking: ChunkOptions;
  kabarVersion: string;
  /** Rebuild every article even when nothing changed. */
  force?: boolean;
  /** Articles to re-read even though their size and modification time did not change. */
  recheck?: Set<string>;
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

export const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');
const EMBED_BATCH = 64;

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('CANCELLED', 'Indexing cancelled; the previous index is unchanged.');
}

/**
 * Brings the store up to date with the corpus in one write transaction: only added, changed and
 * removed articles are processed (a changed article costs work proportional to it). When nothing
 * changed, nothing is written and no lock is taken.
 */
export async function refreshIndex(options: RefreshOptions): Promise<RefreshReport> {
  const started = performance.now();
  const { store } = options;
  let files = scanCorpus(options.corpusDir, { onWarning: options.onWarning });
  const gone = new Set<string>();
  const wanted = { embedder: options.embedder.info, chunking: options.chunking };
  const manifest = await store.manifest();
  const problem = manifest ? incompatibility(manifest, wanted) : null;
  const rebuilt = options.force ? 'a rebuild was asked for' : problem ?? undefined;
  if (problem && !options.force) options.onWarning?.(`Rebuilding the index: ${problem}.`);
  const known = rebuilt ? new Map() : await store.versions();

  const unchanged: string[] = [];
  const touched: { file: string; version: { size: number; mtimeMs: number; hash: string } }[] = [];
  const toProcess: { file: CorpusFile; raw?: string; hash?: string; reason?: string }[] = [];
  for (const file of files) {
    const stored = known.get(file.file);
    if (stored && stored.size === file.size && stored.mtimeMs === file.mtimeMs && !options.recheck?.has(file.file)) {
      unchanged.push(file.file);
      continue;
    }
    const read = readArticleFile(file.abs);
    if (!read.ok && read.gone) {
      gone.add(file.file);
      continue;
    }
    if (!read.ok) {
      toProcess.push({ file, reason: read.reason });
      continue;
    }
    const hash = sha1(read.raw);
    if (stored && stored.hash === hash) {
      unchanged.push(file.file);
      if (stored.mtimeMs !== file.mtimeMs || stored.size !== file.size) touched.push({ file: file.file, version: { size: file.size, mtimeMs: file.mtimeMs, hash } });
      continue;
    }
    toProcess.push({ file, raw: read.raw, hash });
  }
  files = files.filter((f) => !gone.has(f.file));
  const present = new Set(files.map((f) => f.file));
  const removed = [...known.keys()].filter((f) => !present.has(f));
  const skipped: Skipped[] = toProcess.filter((t) => t.reason).map((t) => ({ file: t.file.file, reason: t.reason! }));
  for (const s of skipped) options.onWarning?.(`Skipped ${s.file}: ${s.reason}.`);
  const key = (list: Skipped[]) => list.map((s) => `${s.file}\0${s.reason}`).join('\n');
  const work = toProcess.filter((t) => t.raw !== undefined);
  const changed = work.filter((t) => known.has(t.file.file)).length;

  const report = async (): Promise<RefreshReport> => {
    const counts = await store.counts();
    return { added: work.length - changed, changed, removed: removed.length, unchanged: unchanged.length, skipped, articles: counts.articles, passages: counts.passages, rebuilt, ms: Math.round(performance.now() - started) };
  };
  const nothingToDo = manifest && !rebuilt && work.length === 0 && removed.length === 0 && touched.length === 0 && key(await store.skipped()) === key(skipped);
  if (nothingToDo) return report();

  await store.write(async (tx) => {
    if (rebuilt) await tx.clear();
    for (const file of removed) await tx.delete(file);
    for (const t of touched) await tx.touch(t.file, t.version);
    options.onProgress?.({ done: 0, total: work.length });
    let done = 0;
    let pending: ArticleInput[] = [];
    const flush = async () => {
      const texts = pending.flatMap((a) => a.passages.map((p) => passageText(p.passage)));
      if (texts.length === 0) return;
      const vectors = await options.embedder.embeddings.embedDocuments(texts);
      let i = 0;
      for (const article of pending) {
        for (const p of article.passages) p.vector = vectors[i++];
        await tx.upsert(article);
      }
      pending = [];
    };
    for (const item of work) {
      cancelled(options.signal);
      const { article, passages } = parseArticle(item.file.file, item.raw!, options.chunking);
      const { raw, ...meta } = article;
      pending.push({
        meta,
        raw,
        version: { size: item.file.size, mtimeMs: item.file.mtimeMs, hash: item.hash! },
        passages: passages.map((passage) => ({ passage, vector: [], terms: options.analyzer.terms(passageText(passage), meta.lang) })),
      });
      if (pending.reduce((n, a) => n + a.passages.length, 0) >= EMBED_BATCH) await flush();
      options.onProgress?.({ done: ++done, total: work.length, file: item.file.file });
    }
    await flush();
    cancelled(options.signal);
    await tx.setSkipped(skipped);
    const now = new Date().toISOString();
    const next: Manifest = {
      formatVersion: FORMAT_VERSION,
      kabarVersion: options.kabarVersion,
      embedder: options.embedder.info,
      chunking: options.chunking,
      corpusDir: options.corpusDir,
      createdAt: !rebuilt && manifest ? manifest.createdAt : now,
      updatedAt: now,
    };
    await tx.setManifest(next);
  });
  return report();
}

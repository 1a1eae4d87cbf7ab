import crypto from 'node:crypto';
import { ARTICLE_RULES, readArticle } from '../corpus/article.js';
import { countLines, lineKey, recurringLines } from '../corpus/boilerplate.js';
import { listCorpus, type CorpusListing } from '../corpus/listing.js';
import { UserError } from '../errors.js';
import { countProvenance, emptyProvenance } from '../sources/provenance.js';
import type { FieldMap } from '../sources/types.js';
import type { Analyzer } from '../text/analyze.js';
import type { Passage, Skipped } from '../types.js';
import { storyFingerprint } from '../text/story-print.js';
import type { Embedder } from '../embedder.js';
import { FORMAT_VERSION, incompatibility, type Manifest } from './manifest.js';
import { findChanges } from './changes.js';
import type { ArticleInput, ArticleVersion, Store } from './port.js';
import { skippedKey, skipWarnings } from '../corpus/skip-warnings.js';
import { BOILERPLATE, FOLDER_CHECK_FROM_FILES, OUTSIZED_ARTICLE_CHARS, type ChunkOptions } from '../settings.js';

/**
 * One index mirrors one corpus: a refresh from another corpus would delete every article of the one the
 * index holds (or mix the two, when two writers race). It is refused unless the user asks for a rebuild.
 */
function refuseOtherCorpus(manifest: Manifest, corpusDir: string): void {
  if (manifest.corpusDir === corpusDir) return;
  throw new UserError('CORPUS_MISMATCH', `This index mirrors the corpus ${manifest.corpusDir}, not ${corpusDir}.`, {
    hint: 'Use another --index (or server namespace) for this corpus, or run kabar index --rebuild to make the index mirror it instead.',
  });
}

/** How long a refresh runs at most before it lets timers and signals run (progress drawing, Ctrl+C). */
const YIELD_EVERY_MS = 50;

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
  /**
   * The corpus listing, when it was started already (on a worker) or made from the folders that changed
   * (`listChangedFolders`); otherwise the whole corpus is listed here.
   */
  listing?: Promise<CorpusListing>;
  /** From how many files on the corpus's folder times are recorded, for commands to check folders instead of files. */
  folderCheckFrom?: number;
  /** Articles (or source files) to re-read even though their size and modification time did not change. */
  recheck?: Set<string>;
  /** Which record field holds which part of an article in JSONL and CSV archives. */
  fields?: FieldMap;
  signal?: AbortSignal;
  /** Called before work starts with the number of articles to (re)process, then after each. */
  onProgress?: (progress: RefreshProgress) => void;
  /** Diagnostics for stderr: skipped files, rebuild reasons. */
  onWarning?: (message: string) => void;
  /**
   * Warn about every skipped file (`kabar index`); otherwise only about those skipped since the
   * last refresh, so other commands do not repeat what the index already recorded.
   */
  warnEverySkip?: boolean;
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

/**
 * What is embedded and searched for the `n`th passage of an article: the first also carries the title when
 * the title stands apart from the body, so the title is found without ever being quoted as a sentence.
 */
const indexedText = (p: Passage, n: number, heading: string | null): string =>
  n === 0 && heading ? `${heading}\n${passageText(p)}` : passageText(p);

export const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');
const EMBED_BATCH = 64;
/**
 * An article is read, embedded and written this many passages at a time (the first part replaces the
 * article, the others are appended to it), so an outsized file is indexed in bounded memory.
 */
const PART_PASSAGES = 1024;

/** The stored versions a listing speaks for: every article's, or those in the folders a partial listing looked at. */
async function storedVersions(store: Store, scope: CorpusListing['scope']): Promise<Map<string, ArticleVersion>> {
  if (!scope) return store.versions();
  const prefixes = scope.folders.includes('') ? undefined : scope.folders.map((f) => `${f}/`);
  const versions = await store.versions(prefixes);
  for (const id of versions.keys()) if (!scope.covers(id)) versions.delete(id);
  return versions;
}

function cancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new UserError('CANCELLED', 'Indexing cancelled; the previous index is unchanged.');
}

/**
 * What long work calls now and then: lets timers and signals run at most every `YIELD_EVERY_MS` (a progress
 * display draws, Ctrl+C is heard), then stops the work if it was cancelled.
 */
function breather(signal?: AbortSignal): () => Promise<void> {
  let lastYield = performance.now();
  return async () => {
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
    cancelled(signal);
  };
}

/**
 * Brings the store up to date with the corpus in one write transaction: only added, changed and
 * removed articles are processed (a changed article costs work proportional to it). When nothing
 * changed, nothing is written and no lock is taken.
 */
export async function refreshIndex(options: RefreshOptions): Promise<RefreshReport> {
  let started = performance.now();
  const { store } = options;
  const breathe = breather(options.signal);
  const corpus = options.listing ? await options.listing : listCorpus(options.corpusDir);
  // The refresh's time counts the listing from when it began (on a worker, while the index opened).
  started = Math.min(started, corpus.startedAt);
  const scanSkips = corpus.skips;
  const wanted = { embedder: options.embedder.info, chunking: options.chunking };
  const manifest = await store.manifest();
  if (manifest && !options.force) refuseOtherCorpus(manifest, options.corpusDir);
  const problem = manifest ? incompatibility(manifest, wanted) : null;
  const rebuilt = options.force ? 'a rebuild was asked for' : (problem ?? undefined);
  if (problem && !options.force) options.onWarning?.(`Rebuilding the index: ${problem}.`);
  const listing = corpus.digest;
  const previouslySkipped = await store.skipped();
  // A listing of the changed folders only: what lies elsewhere stays as the index has it.
  const scope = rebuilt ? undefined : corpus.scope;
  // The corpus lists exactly as when the index was last brought up to date (or no folder of it changed),
  // and nothing was skipped then or now: no article needs a look (edits that keep size and time come
  // through `recheck`).
  const sameListing =
    manifest &&
    !rebuilt &&
    !options.recheck?.size &&
    (scope
      ? scope.folders.length === 0
      : manifest.listing === listing && scanSkips.length === 0 && previouslySkipped.length === 0);
  if (sameListing) {
    const counts = await store.counts();
    return {
      added: 0,
      changed: 0,
      removed: 0,
      unchanged: counts.articles,
      skipped: [],
      articles: counts.articles,
      passages: counts.passages,
      ms: Math.round(performance.now() - started),
    };
  }
  const known = rebuilt ? new Map() : await storedVersions(store, scope);
  // What lies outside a partial listing's folders is as the index has it.
  const unchangedElsewhere = scope ? (await store.counts()).articles - known.size : 0;
  const skippedElsewhere = scope ? previouslySkipped.filter((s) => !scope.covers(s.file)) : [];
  const changes = await findChanges(
    corpus.files(),
    known,
    rebuilt ? [] : scope ? previouslySkipped.filter((s) => scope.covers(s.file)) : previouslySkipped,
    { fields: options.fields, recheck: options.recheck, breathe },
  );
  const { work, removed, touched } = changes;
  const skipped = [...skippedElsewhere, ...scanSkips, ...changes.skipped];
  for (const warning of skipWarnings(skipped, options.warnEverySkip || rebuilt ? [] : previouslySkipped))
    options.onWarning?.(warning);

  const report = async (): Promise<RefreshReport> => {
    const counts = await store.counts();
    return {
      added: work.length - changes.changed,
      changed: changes.changed,
      removed: removed.length,
      unchanged: changes.unchanged + unchangedElsewhere,
      skipped,
      articles: counts.articles,
      passages: counts.passages,
      rebuilt,
      ms: Math.round(performance.now() - started),
    };
  };
  const nothingToDo =
    manifest &&
    !rebuilt &&
    work.length === 0 &&
    removed.length === 0 &&
    touched.length === 0 &&
    skippedKey(previouslySkipped) === skippedKey(skipped);
  if (nothingToDo) return report();

  // Where each article's metadata came from, kept as running totals: only what changes is counted again.
  const provenance = (!rebuilt && manifest?.provenance) || emptyProvenance();
  const replaced = [...removed, ...work.filter((w) => known.has(w.source.id)).map((w) => w.source.id)];
  for (const id of replaced) countProvenance(provenance, (await store.article(id))?.provenance, -1);

  // Lines repeated across many articles are boilerplate; their counts are kept as running totals too, and the
  // new and changed articles (already read) are counted before any is cut into passages.
  const lineCounts = (!rebuilt && manifest?.lineCounts) || {};
  for (const id of replaced) {
    const old = await store.raw(id);
    if (old !== undefined) countLines(lineCounts, old, -1, BOILERPLATE);
  }
  for (const item of work) {
    countLines(lineCounts, item.source.text, 1, BOILERPLATE);
    await breathe();
  }
  const articleCount = (rebuilt ? 0 : (await store.counts()).articles) - removed.length + work.length - changes.changed;
  const boilerplate = recurringLines(lineCounts, articleCount, BOILERPLATE);
  const recurring = new Set(boilerplate);
  // Outsized articles, kept like the counts: the ones removed or re-read are taken out, then found again.
  const large = { ...((!rebuilt && manifest?.large) || {}) };
  for (const id of replaced) delete large[id];
  const isBoilerplate = (line: string) => recurring.size > 0 && recurring.has(lineKey(line));

  // Every article this write may change, named up front: a shared store locks them first, in one order.
  const plan = {
    articles: [...removed, ...touched.map((t) => t.id), ...work.map((w) => w.source.id)],
    clear: Boolean(rebuilt),
  };
  await store.write(async (tx) => {
    // Another writer may have committed since the manifest was read: under the write lock it is read again.
    const current = rebuilt ? null : await store.manifest();
    if (current) refuseOtherCorpus(current, options.corpusDir);
    if (rebuilt) await tx.clear();
    for (const id of removed) await tx.delete(id);
    for (const t of touched) await tx.touch(t.id, t.version);
    options.onProgress?.({ done: 0, total: work.length });
    let done = 0;
    let pending: ArticleInput[] = [];
    let texts: string[] = [];
    const flush = async () => {
      if (texts.length === 0) return;
      // Embedded a batch at a time, so an outsized article is cancelled between passages, not after all of them.
      const vectors: number[][] = [];
      for (let from = 0; from < texts.length; from += EMBED_BATCH) {
        vectors.push(...(await options.embedder.embeddings.embedDocuments(texts.slice(from, from + EMBED_BATCH))));
        await breathe();
      }
      let i = 0;
      for (const article of pending) {
        for (const p of article.passages) p.vector = vectors[i++];
        if (!article.continues || article.passages.length > 0) await tx.upsert(article);
      }
      pending = [];
      texts = [];
    };
    for (const item of work) {
      cancelled(options.signal);
      const { article, passages, heading } = readArticle(item.source, options.chunking, isBoilerplate);
      const { raw, ...meta } = article;
      countProvenance(provenance, meta.provenance, 1);
      const part = (continues: boolean): ArticleInput => {
        const input = { meta, raw, version: item.version, passages: [], stems: new Map(), continues };
        pending.push(input);
        return input;
      };
      let input = part(false);
      let n = 0;
      // Passages are split, analysed, embedded and written a part at a time as they come, never all at once.
      for (const passage of passages) {
        const indexed = indexedText(passage, n, heading);
        texts.push(indexed);
        input.passages.push({
          passage,
          vector: [],
          terms: options.analyzer.terms(indexed, meta.lang, input.stems),
          print: storyFingerprint(passage.text, options.analyzer),
        });
        if (++n % EMBED_BATCH === 0) await breathe();
        if (input.passages.length >= PART_PASSAGES) {
          await flush();
          input = part(true);
        }
      }
      if (raw.length > OUTSIZED_ARTICLE_CHARS) large[meta.file] = { chars: raw.length, passages: n };
      if (texts.length >= EMBED_BATCH) await flush();
      options.onProgress?.({ done: ++done, total: work.length, file: item.source.file });
      await breathe();
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
      articleRules: ARTICLE_RULES,
      createdAt: !rebuilt && manifest ? manifest.createdAt : now,
      updatedAt: now,
      provenance,
      lineCounts,
      boilerplate,
      large,
      // After a partial listing no digest describes the corpus: the next full listing compares every file.
      listing: scope ? undefined : listing,
      folders:
        scope || corpus.files().length >= (options.folderCheckFrom ?? FOLDER_CHECK_FROM_FILES)
          ? corpus.folders
          : undefined,
    };
    await tx.setManifest(next);
  }, plan);
  return report();
}

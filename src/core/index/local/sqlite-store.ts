import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../errors.js';
import { hasFilters, matchesFilters } from '../filter.js';
import type { ArticleMeta, Filters, Lang, Passage, Skipped } from '../../types.js';
import { diskFullError, isDiskFull } from '../disk-full.js';
import { acquireWriteLock, breakWriteLock } from '../lock.js';
import type { Manifest } from '../manifest.js';
import { extraJson, parseExtra } from '../meta-extra.js';
import type {
  ArticleInput,
  ArticleVersion,
  PassageRecord,
  ScoredId,
  Store,
  StoredArticle,
  StoreTransaction,
  TermStats,
  WeightedTerm,
} from '../port.js';
import { Bm25Scorer, type PostingSource } from './bm25.js';
import { GraphBuild, PARALLEL_BUILD_FROM } from './graph-build.js';
import { CheckpointedGraph, removeGraphFiles } from './graph.js';
import { postingReader, PostingWriter } from './postings.js';
import { SCHEMA, SCHEMA_VERSION } from './schema.js';
import { SimilarTerms } from '../similar-terms.js';
import { packPrint, unpackPrint } from './story-print-blob.js';
import { openReadOnly, writable } from './read-only.js';
import { ANALYSIS_VERSION } from '../../text/analyze.js';

export const DATABASE = 'kabar.db';
/** How much of the database file reads may map, and the page cache per connection. */
const MMAP_BYTES = 2 ** 30;
const CACHE_KIB = 32 * 1024;

export interface LocalStoreOptions {
  dimensions: number;
  onWarning?: (message: string) => void;
  /** Start from an empty store, whatever is there (a rebuild; works on a damaged index too). */
  fresh?: boolean;
  /** A write into an empty graph builds it on a worker thread once it inserts this many passages. */
  parallelBuildFrom?: number;
  /** Start loading the vector graph at once, off the main thread (a command that will search). */
  warm?: boolean;
  /** Remove the write lock first, whoever holds it (`kabar index --break-lock`). */
  breakLock?: boolean;
}

interface ArticleRow {
  id: number;
  file: string;
  title: string;
  date: string | null;
  source: string | null;
  lang: Lang;
  /** URL, origin and provenance as JSON (see `meta-extra.ts`). */
  extra: string | null;
  size: number;
  mtime_ms: number;
  hash: string;
}

interface PassageRow {
  id: number;
  n: number;
  start: number;
  end: number;
  text: string;
  sentences: string;
  print?: Buffer | null;
}

const meta = (a: ArticleRow): ArticleMeta => ({
  file: a.file,
  title: a.title,
  date: a.date,
  source: a.source,
  lang: a.lang,
  ...parseExtra(a.extra),
});

const toPassage = (file: string, p: PassageRow): Passage => ({
  id: `${file}#${p.n}`,
  file,
  start: p.start,
  end: p.end,
  text: p.text,
  sentences: (JSON.parse(p.sentences) as [number, number][]).map(([start, end]) => ({
    start,
    end,
    text: p.text.slice(start - p.start, end - p.start),
  })),
});

const splitId = (id: string): { file: string; n: number } | null => {
  const hash = id.lastIndexOf('#');
  const n = Number(id.slice(hash + 1));
  return hash > 0 && Number.isInteger(n) && n >= 0 && id.slice(hash + 1) !== '' ? { file: id.slice(0, hash), n } : null;
};

const vectorBlob = (vector: number[]): Buffer => Buffer.from(new Float32Array(vector).buffer);

const corrupt = (dir: string, cause: unknown) =>
  new UserError('INDEX_CORRUPT', `The index in ${dir} is damaged (${(cause as Error).message}).`, {
    hint: 'Run kabar index --rebuild to build it again.',
    cause,
  });

/**
 * Whether an error means the index itself is damaged: SQLite finds the file corrupt or a table of the
 * schema missing, or a value kabar stored as JSON no longer parses.
 */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return true;
  if (code === 'SQLITE_ERROR' && /^no such (table|column)/.test((error as Error).message)) return true;
  return error instanceof SyntaxError;
}

/** The tables the schema creates: an existing index missing one is damaged. */
const TABLES = [...SCHEMA.matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]);

/** The disk filled after the articles were committed, while the vector graph was being saved. */
const graphNotSavedError = (dir: string, cause: unknown) =>
  new UserError(
    'DISK_FULL',
    `The index in ${dir} is up to date, but its vector graph could not be saved: no space left on the device.`,
    { hint: 'Free space and run kabar index to save it; searches work meanwhile.', cause },
  );

const readOnlyError = (dir: string) =>
  new UserError('INDEX_READONLY', `The index in ${dir} cannot be written (the folder is read-only).`, {
    hint: 'Make it writable, or choose another folder with --index.',
  });

/** Maps SQLite's damage and full-disk errors to what a user can act on. */
function guard<T>(dir: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isDiskFull(error)) throw diskFullError(dir, error);
    if (isDamage(error)) throw corrupt(dir, error);
    if (((error as { code?: string }).code ?? '').startsWith('SQLITE_READONLY')) throw readOnlyError(dir);
    throw error;
  }
}

/**
 * The local store: articles, passages, raw text, vectors and the inverted index in one SQLite file
 * (WAL: readers keep reading the committed state while a writer works), with the vectors also in a
 * checkpointed HNSW graph for dense search. One writer at a time, through the write lock.
 */
export class SqliteStore implements Store {
  private readonly graph: CheckpointedGraph;
  private readonly statements;
  private readonly scorer = new Bm25Scorer();
  private readonly postings: (term: string) => Uint32Array[];
  /** Indexed terms for fuzzy matching, as of the store version they were read at. */
  private similarTerms: { version: string; terms: SimilarTerms } | null = null;

  private constructor(
    private readonly db: Database.Database,
    readonly dir: string,
    private readonly options: Required<LocalStoreOptions>,
    /** Opened without write access: readers answer from it as it is; writes are refused. */
    private readonly readOnly = false,
  ) {
    this.graph = new CheckpointedGraph(db, dir, options.dimensions, options.onWarning);
    this.postings = postingReader(db);
    if (options.warm) this.graph.preload();
    db.function('kabar_filter', { deterministic: true }, (lang, source, date, filters) =>
      matchesFilters({ lang, source, date } as ArticleMeta, JSON.parse(filters as string) as Filters) ? 1 : 0,
    );
    const passageColumns = 'p.id, p.n, p.start, p.end, p.text, p.sentences';
    this.statements = {
      meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      articleByFile: db.prepare(
        'SELECT id, file, title, date, source, lang, extra, size, mtime_ms, hash FROM articles WHERE file = ?',
      ),
      passage: db.prepare(
        `SELECT ${passageColumns}, p.print, a.file, a.title, a.date, a.source, a.lang, a.extra FROM passages p JOIN articles a ON a.id = p.article WHERE a.file = ? AND p.n = ?`,
      ),
      passagesOf: db.prepare(`SELECT ${passageColumns} FROM passages p WHERE p.article = ? ORDER BY p.n`),
      idsOf: db.prepare(
        'SELECT p.id, a.file, p.n FROM passages p JOIN articles a ON a.id = p.article WHERE p.id IN (SELECT value FROM json_each(?))',
      ),
      raw: db.prepare('SELECT raw FROM articles WHERE file = ?').pluck(),
      df: db.prepare('SELECT df FROM terms WHERE term = ?').pluck(),
      // Every indexed term in one string (terms hold no NUL): one value to read rather than a row each.
      terms: db.prepare('SELECT group_concat(term, char(0)) FROM terms').pluck(),
      maxLabel: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'passages'").pluck(),
      allowed: db
        .prepare(
          'SELECT p.id FROM passages p JOIN articles a ON a.id = p.article WHERE kabar_filter(a.lang, a.source, a.date, ?)',
        )
        .pluck(),
      wordsOfTerms: db.prepare(
        'SELECT term, word FROM words WHERE lang = ? AND term IN (SELECT value FROM json_each(?))',
      ),
    };
  }

  /**
   * Opens (creating if needed) the store in `dir`. An index of an older layout, from another format,
   * unreadable, or whose counts disagree with its tables is replaced, with a warning: the refresh
   * that follows rebuilds it.
   */
  static open(dir: string, options: LocalStoreOptions): SqliteStore {
    const full = {
      onWarning: () => {},
      fresh: false,
      parallelBuildFrom: PARALLEL_BUILD_FROM,
      warm: false,
      breakLock: false,
      ...options,
    };
    return guard(dir, () => {
      if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
        if (!full.fresh)
          throw new UserError('INDEX_CORRUPT', `The index folder ${dir} is a file, not a folder.`, {
            hint: 'Run kabar index --rebuild to replace it with a new index.',
          });
        full.onWarning(`Discarding ${dir}: it is a file where the index folder should be.`);
        fs.rmSync(dir, { force: true });
      }
      const database = path.join(dir, DATABASE);
      if (fs.existsSync(database) && !(writable(dir) && writable(database)) && !full.fresh)
        return SqliteStore.openReadOnly(dir, full);
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw error;
        throw new UserError('INDEX_READONLY', `The index folder ${dir} cannot be created (${code}).`, {
          hint: 'Choose a folder you may write with --index.',
        });
      }
      if (!writable(dir)) throw readOnlyError(dir);
      if (full.breakLock) breakWriteLock(dir, full.onWarning);
      if (full.fresh) {
        const release = acquireWriteLock(dir, full.onWarning);
        try {
          SqliteStore.destroy(dir);
        } finally {
          release();
        }
      }
      if (removeLegacyLayout(dir)) full.onWarning('Rebuilding the index: it was made by an older version of kabar.');
      let db = new Database(path.join(dir, DATABASE), { timeout: 5000 });
      let problem: string | null;
      try {
        problem = SqliteStore.prepare(db);
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (isDamage(error)) problem = `it is unreadable (${(error as Error).message})`;
        else if (code.startsWith('SQLITE_IOERR') || isDiskFull(error)) {
          // No room for the shared-memory file (a full disk): read with the WAL index in this process's memory.
          db.close();
          db = new Database(path.join(dir, DATABASE), { timeout: 5000 });
          db.pragma('locking_mode = EXCLUSIVE');
          problem = SqliteStore.prepare(db);
        } else throw error;
      }
      if (problem === null) return new SqliteStore(db, dir, full);
      db.close();
      // Replaced only under the write lock, and only if still wrong then: a writer may have mended it meanwhile.
      const release = acquireWriteLock(dir, full.onWarning);
      try {
        if (SqliteStore.stillWrong(dir)) {
          full.onWarning(`Rebuilding the index in ${dir}: ${problem}.`);
          SqliteStore.destroy(dir);
        }
        const fresh = new Database(path.join(dir, DATABASE), { timeout: 5000 });
        SqliteStore.prepare(fresh);
        return new SqliteStore(fresh, dir, full);
      } finally {
        release();
      }
    });
  }

  /**
   * Opens an index this process may not write (a read-only mount, another user's folder): readers answer
   * from it as it is, with a warning; a damaged one cannot be rebuilt here and is said so.
   */
  private static openReadOnly(dir: string, options: Required<LocalStoreOptions>): SqliteStore {
    const db = openReadOnly(path.join(dir, DATABASE));
    let problem: string | null;
    try {
      problem = SqliteStore.prepare(db, true);
    } catch (error) {
      if (!isDamage(error)) throw error;
      problem = `it is unreadable (${(error as Error).message})`;
    }
    if (problem !== null) {
      db.close();
      throw new UserError('INDEX_CORRUPT', `The index in ${dir} cannot be used: ${problem}, and it is read-only.`, {
        hint: 'Make it writable and run kabar index --rebuild, or choose another folder with --index.',
      });
    }
    options.onWarning(`The index in ${dir} is read-only: answering from it as it is, which may be out of date.`);
    return new SqliteStore(db, dir, options, true);
  }

  /** Sets the database up (creating the tables in a new one); says what is wrong with an existing one. */
  private static prepare(db: Database.Database, readOnly = false): string | null {
    if (!readOnly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    // Reads go through a memory map and a larger page cache: a search touches scattered pages.
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    db.pragma(`cache_size = -${CACHE_KIB}`);
    const hasMeta = db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
      .pluck()
      .get() as number;
    const schema = hasMeta
      ? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string | undefined)
      : undefined;
    if (schema === undefined && readOnly) return 'it holds no index';
    if (schema === undefined) {
      db.exec(SCHEMA);
      db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema', ?), ('version', '0'), ('lexicon', ?)").run(
        String(SCHEMA_VERSION),
        ANALYSIS_VERSION,
      );
      return null;
    }
    // One snapshot for every check: a writer committing between two of them must not look like damage.
    return db.transaction(() => SqliteStore.problem(db, schema))();
  }

  /** Whether the store in `dir` is (still) damaged, from another version, or unreadable. */
  private static stillWrong(dir: string): boolean {
    let db: Database.Database | undefined;
    try {
      db = new Database(path.join(dir, DATABASE), { timeout: 5000 });
      return SqliteStore.prepare(db) !== null;
    } catch (error) {
      if (isDamage(error)) return true;
      throw error;
    } finally {
      db?.close();
    }
  }

  /** What is wrong with an existing store whose schema row says `schema`, or null. */
  private static problem(db: Database.Database, schema: string): string | null {
    if (schema !== String(SCHEMA_VERSION)) return 'it was made by another version of kabar';
    const present = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
    const missing = TABLES.find((table) => !present.has(table));
    if (missing) return `its table ${missing} is missing`;
    if (db.prepare("SELECT value FROM meta WHERE key = 'lexicon'").pluck().get() !== ANALYSIS_VERSION)
      return 'it was made with another lexicon or other word rules';
    const recorded = Number(
      (db.prepare("SELECT value FROM meta WHERE key = 'passages'").pluck().get() as string | undefined) ?? 0,
    );
    const counted = db.prepare('SELECT count(*) FROM passages').pluck().get() as number;
    if (recorded !== counted) return `it records ${recorded} passages but holds ${counted}`;
    for (const key of ['manifest', 'skipped']) {
      const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
      if (value !== undefined) JSON.parse(value); // throws a SyntaxError: the index is unreadable
    }
    return null;
  }

  /** Removes a store's files (for a rebuild of a damaged or foreign index). */
  static destroy(dir: string): void {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, DATABASE + suffix), { force: true });
    if (fs.existsSync(dir)) removeGraphFiles(dir, new Set());
  }

  async manifest(): Promise<Manifest | null> {
    return guard(this.dir, () => {
      const value = this.statements.meta.get('manifest') as string | undefined;
      return value ? (JSON.parse(value) as Manifest) : null;
    });
  }

  async counts(): Promise<{ articles: number; passages: number }> {
    return guard(this.dir, () => ({
      articles: (this.db.prepare('SELECT count(*) FROM articles').pluck().get() as number) ?? 0,
      passages: Number(this.statements.meta.get('passages') ?? 0),
    }));
  }

  async passage(id: string): Promise<PassageRecord | undefined> {
    const parts = splitId(id);
    if (!parts) return undefined;
    return guard(this.dir, () => {
      const row = this.statements.passage.get(parts.file, parts.n) as (PassageRow & ArticleRow) | undefined;
      return row
        ? {
            passage: toPassage(row.file, row),
            article: meta(row),
            ...(row.print ? { print: unpackPrint(row.print) } : {}),
          }
        : undefined;
    });
  }

  async passages(ids: string[]): Promise<Map<string, PassageRecord>> {
    const found = new Map<string, PassageRecord>();
    for (const id of new Set(ids)) {
      const record = await this.passage(id);
      if (record) found.set(id, record);
    }
    return found;
  }

  async article(id: string): Promise<StoredArticle | undefined> {
    return guard(this.dir, () => {
      const row = this.statements.articleByFile.get(id) as ArticleRow | undefined;
      if (!row) return undefined;
      const passages = (this.statements.passagesOf.all(row.id) as PassageRow[]).map((p) => toPassage(row.file, p));
      return { ...meta(row), version: { size: row.size, mtimeMs: row.mtime_ms, hash: row.hash }, passages };
    });
  }

  async raw(articleId: string): Promise<string | undefined> {
    return guard(this.dir, () => this.statements.raw.get(articleId) as string | undefined);
  }

  async versions(prefixes?: string[]): Promise<Map<string, ArticleVersion>> {
    return guard(this.dir, () => {
      const rows = prefixes
        ? prefixes.flatMap(
            // A range of the primary key: the ids from the prefix up to the prefix with its last character's successor.
            (p) =>
              this.db
                .prepare('SELECT file, size, mtime_ms, hash FROM articles WHERE file >= ? AND file < ?')
                .all(p, p.slice(0, -1) + String.fromCodePoint(p.codePointAt(p.length - 1)! + 1)) as ArticleRow[],
          )
        : (this.db.prepare('SELECT file, size, mtime_ms, hash FROM articles').all() as ArticleRow[]);
      return new Map(rows.map((r) => [r.file, { size: r.size, mtimeMs: r.mtime_ms, hash: r.hash }]));
    });
  }

  async skipped(): Promise<Skipped[]> {
    return guard(
      this.dir,
      () => JSON.parse((this.statements.meta.get('skipped') as string | undefined) ?? '[]') as Skipped[],
    );
  }

  private allowed(filters?: Filters): Set<number> | undefined {
    if (!filters || !hasFilters(filters)) return undefined;
    return new Set(this.statements.allowed.all(JSON.stringify(filters)) as number[]);
  }

  /** Passage ids of labels, in their order (a label whose passage is gone is left out). */
  private withIds<T extends { label: number }>(found: T[]): (T & { id: string })[] {
    if (found.length === 0) return [];
    const rows = this.statements.idsOf.all(JSON.stringify(found.map((f) => f.label))) as {
      id: number;
      file: string;
      n: number;
    }[];
    const ids = new Map(rows.map((r) => [r.id, `${r.file}#${r.n}`]));
    return found.flatMap((f) => {
      const id = ids.get(f.label);
      return id ? [{ ...f, id }] : [];
    });
  }

  async dense(vector: number[], k: number, filters?: Filters): Promise<ScoredId[]> {
    const allowed = guard(this.dir, () => this.allowed(filters));
    const found = await this.graph.search(vector, k, allowed);
    return guard(this.dir, () => this.withIds(found).map(({ id, similarity }) => ({ id, score: similarity })));
  }

  private postingSource(): PostingSource {
    const count = Number(this.statements.meta.get('passages') ?? 0);
    const total = Number(this.statements.meta.get('length') ?? 0);
    return {
      documentCount: count,
      averageLength: count ? total / count : 1,
      maxLabel: Number(this.statements.maxLabel.get() ?? 0),
      df: (term) => (this.statements.df.get(term) as number | undefined) ?? 0,
      postings: this.postings,
      similarTerms: { near: (term, maxDistance) => this.indexedTerms().near(term, maxDistance) },
    };
  }

  /** The indexed terms for fuzzy matching, read once per committed version of the store. */
  private indexedTerms(): SimilarTerms {
    const version = String(this.statements.meta.get('version') ?? 0);
    if (this.similarTerms?.version !== version)
      this.similarTerms = {
        version,
        terms: new SimilarTerms(((this.statements.terms.get() as string | null) ?? '').split('\0').filter(Boolean)),
      };
    return this.similarTerms.terms;
  }

  async lexical(terms: WeightedTerm[], k: number, filters?: Filters): Promise<ScoredId[]> {
    if (terms.length === 0) return [];
    return guard(this.dir, () =>
      this.db.transaction(() => {
        const allowed = this.allowed(filters);
        const best = this.scorer.top(this.postingSource(), terms, k, allowed && ((label) => allowed.has(label)));
        return this.withIds(best).map(({ id, score }) => ({ id, score }));
      })(),
    );
  }

  async termStats(terms: string[]): Promise<TermStats> {
    return guard(this.dir, () => {
      const documentCount = Number(this.statements.meta.get('passages') ?? 0);
      const df = new Map(terms.map((t) => [t, (this.statements.df.get(t) as number | undefined) ?? 0]));
      return { documentCount, documentFrequency: (term: string) => df.get(term) ?? 0 };
    });
  }

  async wordsOfTerms(terms: string[], lang: Lang): Promise<Map<string, string>> {
    return guard(this.dir, () => {
      const rows = this.statements.wordsOfTerms.all(lang, JSON.stringify(terms)) as { term: string; word: string }[];
      return new Map(rows.map((r) => [r.word, r.term]));
    });
  }

  async write<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T> {
    if (this.readOnly) throw readOnlyError(this.dir);
    const release = guard(this.dir, () => acquireWriteLock(this.dir, this.options.onWarning));
    try {
      removeLeftovers(this.dir);
      this.graph.prune();
      guard(this.dir, () => this.db.exec('BEGIN IMMEDIATE'));
      let result: T;
      let tx: SqliteTransaction | undefined;
      try {
        const version = Number(this.statements.meta.get('version') ?? 0) + 1;
        const newBuild = () => new GraphBuild(this.options.dimensions, this.options.parallelBuildFrom);
        const empty = Number(this.statements.meta.get('passages') ?? 0) === 0;
        tx = new SqliteTransaction(this.db, version, empty ? newBuild() : null, newBuild);
        result = await work(tx);
        tx.flush();
        // A graph built on a worker is saved before the commit and recorded in the same transaction.
        const name = this.graph.fileName(version);
        const elements = await tx.build?.finish(path.join(this.dir, name));
        guard(this.dir, () => {
          if (elements != null) this.graph.record(version, name, elements);
          this.statements.setMeta.run('version', String(version));
          this.db.exec('COMMIT');
        });
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        await tx?.build?.abandon();
        throw isDiskFull(error) ? diskFullError(this.dir, error) : error;
      }
      try {
        if (tx.build?.started) this.graph.prune();
        await this.graph.checkpoint();
      } catch (error) {
        // The commit stands: readers replay what the graph file lacks from SQLite, the next command saves it.
        if (isDiskFull(error)) throw graphNotSavedError(this.dir, error);
        throw error;
      }
      return result;
    } finally {
      release();
    }
  }

  /**
   * Saves the graph checkpoint when it is due though nothing was written: its file is missing or damaged,
   * or the save after the last commit failed. A writer busy with the index will save it instead.
   */
  async settle(): Promise<void> {
    if (this.readOnly) return;
    await this.graph.loaded();
    const reason = guard(this.dir, () => this.graph.due());
    if (reason === null) return;
    const release = guard(this.dir, () => acquireWriteLock(this.dir, this.options.onWarning));
    try {
      removeLeftovers(this.dir);
      await this.graph.checkpoint();
      this.options.onWarning(`Saved the vector graph again: ${reason}.`);
    } catch (error) {
      throw isDiskFull(error) ? graphNotSavedError(this.dir, error) : error;
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Removes the files of the generation-folder layout kabar used before this store; true when there were any. */
function removeLegacyLayout(dir: string): boolean {
  const legacy = fs
    .readdirSync(dir)
    .filter((e) => e === 'CURRENT' || e === 'lock' || /^g-[\w-]+$/.test(e) || /^CURRENT\.\d+\.tmp$/.test(e));
  for (const entry of legacy) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
  return legacy.some((e) => e === 'CURRENT' || e.startsWith('g-'));
}

/** Temporary files of a writer that was killed: only the next lock holder may remove them. */
function removeLeftovers(dir: string): void {
  for (const entry of fs.readdirSync(dir)) {
    if (/\.\d+\.tmp$/.test(entry)) fs.rmSync(path.join(dir, entry), { force: true, recursive: true });
  }
}

class SqliteTransaction implements StoreTransaction {
  private readonly s;
  private readonly postings: PostingWriter;
  /** Words recorded by this transaction, per language (a word always gives the same term). */
  private readonly wordsWritten: Record<Lang, Set<string>> = { id: new Set(), en: new Set() };

  constructor(
    private readonly db: Database.Database,
    private readonly version: number,
    /** The graph built on a worker while this transaction writes, when it started from an empty graph. */
    public build: GraphBuild | null,
    private readonly newBuild: () => GraphBuild,
  ) {
    this.s = {
      meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      articleId: db.prepare('SELECT id FROM articles WHERE file = ?').pluck(),
      insertArticle: db.prepare(
        'INSERT INTO articles (file, title, date, source, lang, extra, size, mtime_ms, hash, raw) VALUES (@file, @title, @date, @source, @lang, @extra, @size, @mtimeMs, @hash, @raw)',
      ),
      insertPassage: db.prepare(
        'INSERT INTO passages (article, n, start, end, text, sentences, terms, length, vector, version, print) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      passagesOf: db.prepare('SELECT id, terms, length FROM passages WHERE article = ?'),
      tombstone: db.prepare('INSERT OR REPLACE INTO tombstones (label, version) VALUES (?, ?)'),
      touch: db.prepare('UPDATE articles SET size = ?, mtime_ms = ?, hash = ? WHERE file = ?'),
      word: db.prepare('INSERT OR IGNORE INTO words (lang, term, word) VALUES (?, ?, ?)'),
    };
    this.postings = new PostingWriter(db);
  }

  /** Writes the postings still held in memory (before the commit). */
  flush(): void {
    this.postings.flush();
  }

  private bump(key: 'passages' | 'length', by: number): void {
    this.s.setMeta.run(key, String(Number(this.s.meta.get(key) ?? 0) + by));
  }

  async upsert(article: ArticleInput): Promise<void> {
    const { file, title, date, source, lang } = article.meta;
    let lastInsertRowid: number | bigint;
    if (article.continues) {
      lastInsertRowid = this.s.articleId.get(file) as number;
    } else {
      await this.remove(file);
      lastInsertRowid = this.s.insertArticle.run({
        file,
        title,
        date,
        source,
        lang,
        extra: extraJson(article.meta),
        ...article.version,
        raw: article.raw,
      }).lastInsertRowid;
    }
    let length = 0;
    for (const { passage, vector, terms, print } of article.passages) {
      const n = Number(passage.id.slice(passage.id.lastIndexOf('#') + 1));
      const tf = new Map<string, number>();
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      const sentences = JSON.stringify(passage.sentences.map((s) => [s.start, s.end]));
      const blob = vectorBlob(vector);
      const row = this.s.insertPassage.run(
        lastInsertRowid,
        n,
        passage.start,
        passage.end,
        passage.text,
        sentences,
        [...tf.keys()].join(' '),
        terms.length,
        blob,
        this.version,
        print ? packPrint(print) : null,
      );
      await this.build?.add(
        Number(row.lastInsertRowid),
        new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4),
      );
      this.postings.add(Number(row.lastInsertRowid), tf, terms.length);
      length += terms.length;
    }
    const written = this.wordsWritten[lang];
    for (const [word, term] of article.stems ?? []) {
      if (written.has(word)) continue;
      written.add(word);
      this.s.word.run(lang, term, word);
    }
    this.bump('passages', article.passages.length);
    this.bump('length', length);
  }

  private async remove(file: string): Promise<void> {
    const id = this.s.articleId.get(file) as number | undefined;
    if (id === undefined) return;
    let passages = 0;
    let length = 0;
    for (const p of this.s.passagesOf.all(id) as { id: number; terms: string; length: number }[]) {
      this.postings.remove(p.id, p.terms.split(' ').filter(Boolean));
      this.s.tombstone.run(p.id, this.version);
      await this.build?.remove(p.id);
      passages++;
      length += p.length;
    }
    this.db.prepare('DELETE FROM passages WHERE article = ?').run(id);
    this.db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    this.bump('passages', -passages);
    this.bump('length', -length);
  }

  async delete(articleId: string): Promise<void> {
    await this.remove(articleId);
  }

  async clear(): Promise<void> {
    if (this.build) await this.build.restart();
    else this.build = this.newBuild();
    this.postings.clear();
    this.db.prepare('INSERT OR REPLACE INTO tombstones (label, version) SELECT id, ? FROM passages').run(this.version);
    this.db.exec(
      "DELETE FROM postings; DELETE FROM terms; DELETE FROM words; DELETE FROM passages; DELETE FROM articles; DELETE FROM meta WHERE key IN ('passages', 'length')",
    );
  }

  async touch(articleId: string, version: ArticleVersion): Promise<void> {
    this.s.touch.run(version.size, version.mtimeMs, version.hash, articleId);
  }

  async setSkipped(skipped: Skipped[]): Promise<void> {
    this.s.setMeta.run('skipped', JSON.stringify(skipped));
  }

  async setManifest(manifest: Manifest): Promise<void> {
    this.s.setMeta.run('manifest', JSON.stringify(manifest));
  }
}

/** Opens the local store for one embedder's index folder. */
export async function openLocalStore(dir: string, options: LocalStoreOptions): Promise<SqliteStore> {
  return SqliteStore.open(dir, options);
}

import { UserError } from '../../errors.js';
import { squash } from '../filter.js';
import type { ArticleMeta, Filters, Passage, Skipped } from '../../types.js';
import type { Manifest } from '../manifest.js';
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
  WritePlan,
} from '../port.js';
import type { Database, Sql } from './database.js';
import { filterSql } from './filter-sql.js';
import { lexicalSql } from './lexical-sql.js';
import { maxEdits, SimilarTerms } from '../similar-terms.js';
import { createVectorIndex, dropVectorIndex, type IndexLocation } from './schema.js';

interface PassageRow {
  id: string;
  file: string;
  start_at: number;
  end_at: number;
  text: string;
  sentences: number[];
  meta: ArticleMeta;
}

const vectorLiteral = (vector: number[]): string => `[${vector.join(',')}]`;

function toPassage(row: PassageRow): Passage {
  const sentences = [];
  for (let i = 0; i < row.sentences.length; i += 2) {
    const [start, end] = [row.sentences[i], row.sentences[i + 1]];
    sentences.push({ start, end, text: row.text.slice(start - row.start_at, end - row.start_at) });
  }
  return { id: row.id, file: row.file, start: row.start_at, end: row.end_at, text: row.text, sentences };
}

/** The sources the last refresh of the index in schema `s` skipped, and why. */
export async function readSkipped(sql: Sql, s: string): Promise<Skipped[]> {
  const rows = await sql.query<{ file: string; line: number | null; reason: string }>(
    `SELECT file, line, reason FROM ${s}.skipped ORDER BY ord`,
  );
  return rows.map(({ file, line, reason }) => (line === null ? { file, reason } : { file, line, reason }));
}

const PASSAGE_COLUMNS = 'p.id, p.file, p.start_at, p.end_at, p.text, p.sentences';

/** The index's transaction-scoped advisory lock, keyed by a 64-bit hash of its schema: writers hold it shared, a rebuild exclusively. */
const lockIndex = (sql: Sql, mode: 'shared' | 'exclusive', s: string) =>
  sql.query(
    `SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(hashtextextended($1, 0))`,
    [s],
  );

/**
 * Articles' advisory locks (keyed by the schema and the article id), taken in one statement in sorted order: two writers whose articles overlap
 * take them in the same order, so one waits for the other instead of both waiting for each other.
 */
const lockArticles = (sql: Sql, s: string, ids: string[]) =>
  sql.query(`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int FROM unnest($1::text[]) AS k`, [
    [...new Set(ids)].sort().map((id) => `${s}/${id}`),
  ]);

/**
 * A writer that changes more articles than this locks the whole index instead of each article:
 * PostgreSQL's lock table is small (64 locks per connection by default, shared), and such a writer
 * would take most of it. Other writers wait for it; readers never do.
 */
export const MAX_ARTICLE_LOCKS = 1000;

/**
 * The Store port on PostgreSQL with pgvector (a server through `pg`, or PGlite in tests). Reads go to
 * `read` (a replica, when given), writes to `write`. Readers are never blocked: they see the last
 * committed state (MVCC), and nothing takes a lock that conflicts with reading.
 *
 * Several writers, on any number of machines, may write at once: each article is written under an
 * advisory lock of its own, so two writers of one article take turns, and document frequencies and
 * totals are changed by deltas applied in one sorted statement at the end of each transaction, so
 * writers of different articles never wait on each other before that and never deadlock on it.
 * A write's plan names its articles up front: their locks are taken first, in sorted order, so
 * writers of overlapping articles wait for each other instead of deadlocking. A rebuild (or a plan
 * too big for the lock table) takes the whole index's lock exclusively (other writers hold it shared).
 */
export function postgresStore(databases: { write: Database; read?: Database }, index: IndexLocation): Store {
  const s = index.schema;
  const read = databases.read ?? databases.write;

  async function passages(ids: string[], sql: Sql = read): Promise<Map<string, PassageRecord>> {
    const rows = await sql.query<PassageRow>(
      `SELECT ${PASSAGE_COLUMNS}, a.meta FROM ${s}.passages p JOIN ${s}.articles a ON a.file = p.file WHERE p.id = ANY($1::text[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, { passage: toPassage(row), article: row.meta }]));
  }

  /**
   * The index's terms for fuzzy matching, read again when the totals row has a new version: every write
   * that changes the terms updates it (`applyDeltas`), and each update gives the row a new `xmin`.
   */
  let indexed: { version: string; terms: SimilarTerms } | undefined;
  async function indexedTerms(): Promise<SimilarTerms> {
    const [{ version }] = await read.query<{ version: string }>(`SELECT xmin::text AS version FROM ${s}.totals`);
    if (indexed?.version !== version) {
      const rows = await read.query<{ term: string }>(`SELECT term FROM ${s}.terms`);
      indexed = { version, terms: new SimilarTerms(rows.map((row) => row.term)) };
    }
    return indexed.terms;
  }

  const reader = {
    async manifest(): Promise<Manifest | null> {
      const [row] = await read.query<{ body: Manifest }>(`SELECT body FROM ${s}.manifest`);
      return row?.body ?? null;
    },
    async counts() {
      const [row] = await read.query<{ articles: number; passages: number }>(
        `SELECT articles::int, passages::int FROM ${s}.totals`,
      );
      return { articles: row.articles, passages: row.passages };
    },
    async passage(id: string) {
      return (await passages([id])).get(id);
    },
    passages: (ids: string[]) => passages(ids),
    async article(id: string): Promise<StoredArticle | undefined> {
      const [article] = await read.query<{ meta: ArticleMeta; size: string; mtime_ms: number; hash: string }>(
        `SELECT meta, size, mtime_ms, hash FROM ${s}.articles WHERE file = $1`,
        [id],
      );
      if (!article) return undefined;
      const rows = await read.query<PassageRow>(
        `SELECT ${PASSAGE_COLUMNS} FROM ${s}.passages p WHERE p.file = $1 ORDER BY p.n`,
        [id],
      );
      return {
        ...article.meta,
        version: { size: Number(article.size), mtimeMs: article.mtime_ms, hash: article.hash },
        passages: rows.map(toPassage),
      };
    },
    async raw(articleId: string) {
      const [row] = await read.query<{ raw: string }>(`SELECT raw FROM ${s}.articles WHERE file = $1`, [articleId]);
      return row?.raw;
    },
    async versions(prefixes?: string[]) {
      const rows = await read.query<{ file: string; size: string; mtime_ms: number; hash: string }>(
        prefixes
          ? `SELECT file, size, mtime_ms, hash FROM ${s}.articles WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE starts_with(file, p))`
          : `SELECT file, size, mtime_ms, hash FROM ${s}.articles`,
        prefixes ? [prefixes] : [],
      );
      return new Map<string, ArticleVersion>(
        rows.map((r) => [r.file, { size: Number(r.size), mtimeMs: r.mtime_ms, hash: r.hash }]),
      );
    },
    skipped: () => readSkipped(read, s),
    async dense(vector: number[], k: number, filters: Filters = {}): Promise<ScoredId[]> {
      const filter = filterSql(filters, 'p', 3);
      return read.query<ScoredId>(
        `SELECT p.id, 1 - (p.embedding <=> $1::vector) AS score FROM ${s}.passages p WHERE ${filter.where} ORDER BY p.embedding <=> $1::vector LIMIT $2`,
        [vectorLiteral(vector), k, ...filter.params],
      );
    },
    async lexical(terms: WeightedTerm[], k: number, filters: Filters = {}): Promise<ScoredId[]> {
      if (terms.length === 0) return [];
      const fuzzy = terms.some((term) => maxEdits(term) > 0);
      const { text, params } = lexicalSql(s, terms, k, filters, fuzzy ? await indexedTerms() : undefined);
      return read.query<ScoredId>(text, params);
    },
    async termStats(terms: string[]): Promise<TermStats> {
      const rows = await read.query<{ term: string | null; df: number | null; n: number }>(
        `SELECT t.term, t.df, tot.passages::int AS n FROM ${s}.totals tot LEFT JOIN ${s}.terms t ON t.term = ANY($1::text[])`,
        [terms],
      );
      const df = new Map(rows.filter((r) => r.term !== null).map((r) => [r.term!, r.df!]));
      return { documentCount: rows[0]?.n ?? 0, documentFrequency: (term) => df.get(term) ?? 0 };
    },
  };

  return {
    ...reader,
    write: <T>(work: (tx: StoreTransaction) => Promise<T>, plan?: WritePlan) =>
      databases.write.transaction(async (sql) => {
        // Every lock the plan names is taken here, before any other, in one order.
        const whole = plan !== undefined && (plan.clear === true || new Set(plan.articles).size > MAX_ARTICLE_LOCKS);
        await lockIndex(sql, whole ? 'exclusive' : 'shared', s);
        if (plan && !whole) await lockArticles(sql, s, plan.articles);
        const tx = new PostgresTransaction(sql, s, whole, new Set(plan?.articles));
        // A writer alone on an empty index (a first build) loads it in bulk; so does a rebuild (`clear`).
        if (whole && !plan?.clear) {
          const [{ passages }] = await sql.query<{ passages: number }>(`SELECT passages::int FROM ${s}.totals`);
          if (passages === 0) await tx.startBulk();
        }
        const result = await work(tx);
        await tx.applyDeltas();
        return result;
      }),
    close: async () => {
      await databases.write.close();
      if (databases.read && databases.read !== databases.write) await databases.read.close();
    },
  };
}

/**
 * Articles are written in batches of about this many passages: a handful of statements per batch
 * instead of several per article (each statement is a round trip to the server).
 */
export const WRITE_BATCH_PASSAGES = 500;

/**
 * One write transaction: buffers upserted articles and writes them a batch at a time; gathers the
 * changes to document frequencies and totals for the end.
 */
class PostgresTransaction implements StoreTransaction {
  private df = new Map<string, number>();
  private totals = { articles: 0, passages: 0, lengths: 0 };
  private pending = new Map<string, ArticleInput>();
  /** Further passages of articles written already in this transaction. */
  private continued: ArticleInput[] = [];
  private pendingPassages = 0;
  /** Unchanged articles whose recorded version (size, mtime) is to be updated. */
  private touched = new Map<string, ArticleVersion>();
  /** The transaction started by removing every article (a rebuild): it may make the index mirror another corpus. */
  private cleared = false;
  /**
   * Loading an empty index alone: rows are written without the HNSW index, built once at the end, and only
   * articles written earlier in this transaction have rows to remove first.
   */
  private bulk = false;
  private written = new Set<string>();
  /** The batch the server is writing while the next is prepared. */
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    private readonly s: string,
    /** The whole index is locked: no article needs a lock of its own. */
    private readonly exclusive: boolean,
    /** Articles whose locks the plan took already. */
    private readonly planned: Set<string>,
  ) {}

  /** Locks the articles not covered already (by the plan, or by the whole index), in sorted order. */
  private async lockArticles(files: string[]): Promise<void> {
    const missing = this.exclusive ? [] : files.filter((f) => !this.planned.has(f));
    if (missing.length) await lockArticles(this.sql, this.s, missing);
  }

  private count(term: string, delta: number): void {
    this.df.set(term, (this.df.get(term) ?? 0) + delta);
  }

  /** Removes the articles' rows, counting what they took from the document frequencies and totals. */
  private async remove(files: string[]): Promise<void> {
    const { sql, s } = this;
    const terms = await sql.query<{ term: string; n: number }>(
      `WITH gone AS (DELETE FROM ${s}.postings po USING ${s}.passages p WHERE p.file = ANY($1::text[]) AND po.pid = p.pid RETURNING po.term)
       SELECT term, count(*)::int AS n FROM gone GROUP BY term`,
      [files],
    );
    for (const { term, n } of terms) this.count(term, -n);
    const [gone] = await sql.query<{ passages: number; lengths: number }>(
      `WITH gone AS (DELETE FROM ${s}.passages WHERE file = ANY($1::text[]) RETURNING length) SELECT count(*)::int AS passages, coalesce(sum(length), 0)::int AS lengths FROM gone`,
      [files],
    );
    const [articles] = await sql.query<{ n: number }>(
      `WITH gone AS (DELETE FROM ${s}.articles WHERE file = ANY($1::text[]) RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [files],
    );
    this.totals.articles -= articles.n;
    this.totals.passages -= gone.passages;
    this.totals.lengths -= gone.lengths;
  }

  async upsert(article: ArticleInput): Promise<void> {
    if (article.continues) {
      // More passages of an article already upserted: its row is written first, then they are added to it.
      if (this.pending.has(article.meta.file)) await this.flush();
      this.continued.push(article);
    } else {
      if (this.pending.has(article.meta.file)) await this.flush();
      this.pending.set(article.meta.file, article);
    }
    this.pendingPassages += article.passages.length;
    if (this.pendingPassages >= WRITE_BATCH_PASSAGES) await this.flush();
  }

  /**
   * Sends the buffered articles to the server: their old rows out, then articles, then passages with their
   * postings in one statement. The server writes one batch while kabar analyses and embeds the next: the
   * statements run in the background, and whatever sends another statement first waits for them (`drain`).
   * Later parts of an outsized article (`continues`) add passages to the row an earlier batch wrote.
   */
  async flush(): Promise<void> {
    await this.flushTouched();
    if (this.pending.size === 0 && this.continued.length === 0) return;
    const articles = [...this.pending.values()];
    const continued = this.continued;
    this.pending.clear();
    this.continued = [];
    this.pendingPassages = 0;
    const files = articles.map((a) => a.meta.file);
    const stored = this.bulk ? files.filter((f) => this.written.has(f)) : files;
    if (this.bulk) for (const f of files) this.written.add(f);
    this.totals.articles += articles.length;
    const rows = [...articles, ...continued].flatMap((article) =>
      article.passages.map((input) => {
        const tf = new Map<string, number>();
        for (const term of input.terms) tf.set(term, (tf.get(term) ?? 0) + 1);
        const n = Number(input.passage.id.slice(input.passage.id.lastIndexOf('#') + 1));
        // A passage's length counts every term, repeats included, as the local store's BM25 does.
        return {
          article: article.meta,
          passage: input.passage,
          vector: input.vector,
          n,
          tf,
          length: input.terms.length,
        };
      }),
    );
    const postings = { term: [] as string[], id: [] as string[], tf: [] as number[], length: [] as number[] };
    for (const { passage, tf, length } of rows) {
      for (const [term, n] of tf) {
        postings.term.push(term);
        postings.id.push(passage.id);
        postings.tf.push(n);
        postings.length.push(length);
        this.count(term, 1);
      }
      this.totals.lengths += length;
    }
    this.totals.passages += rows.length;
    const { sql, s } = this;
    const batch = async () => {
      if (files.length > 0) {
        await this.lockArticles(files);
        if (stored.length) await this.remove(stored);
        await sql.query(
          `INSERT INTO ${s}.articles (file, meta, size, mtime_ms, hash, raw) SELECT * FROM unnest($1::text[], $2::jsonb[], $3::bigint[], $4::float8[], $5::text[], $6::text[])`,
          [
            files,
            articles.map((a) => JSON.stringify(a.meta)),
            articles.map((a) => a.version.size),
            articles.map((a) => a.version.mtimeMs),
            articles.map((a) => a.version.hash),
            articles.map((a) => a.raw),
          ],
        );
      }
      if (rows.length === 0) return;
      await sql.query(
        `WITH inserted AS (
           INSERT INTO ${s}.passages (id, file, n, start_at, end_at, text, sentences, lang, date, source_key, length, embedding)
           SELECT u.id, u.file, u.n, u.start_at, u.end_at, u.text, u.sentences::int[], u.lang, u.date, u.source_key, u.length, u.embedding::vector
           FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[])
             AS u(id, file, n, start_at, end_at, text, sentences, lang, date, source_key, length, embedding)
           RETURNING pid, id)
         INSERT INTO ${s}.postings (term, pid, tf, length)
         SELECT t.term, i.pid, t.tf, t.length FROM unnest($13::text[], $14::text[], $15::int[], $16::int[]) AS t(term, id, tf, length)
         JOIN inserted i ON i.id = t.id`,
        [
          rows.map((r) => r.passage.id),
          rows.map((r) => r.article.file),
          rows.map((r) => r.n),
          rows.map((r) => r.passage.start),
          rows.map((r) => r.passage.end),
          rows.map((r) => r.passage.text),
          rows.map((r) => `{${r.passage.sentences.flatMap((x) => [x.start, x.end]).join(',')}}`),
          rows.map((r) => r.article.lang),
          rows.map((r) => r.article.date),
          rows.map((r) => (r.article.source === null ? null : squash(r.article.source))),
          rows.map((r) => r.length),
          rows.map((r) => vectorLiteral(r.vector)),
          postings.term,
          postings.id,
          postings.tf,
          postings.length,
        ],
      );
    };
    // One batch at a time: the one before is written (or its failure thrown) before this one is sent.
    await this.inFlight;
    this.inFlight = batch();
    // Its failure is thrown to whoever waits for it next; it is never left unheard.
    this.inFlight.catch(() => {});
  }

  /** Sends what is buffered and waits until the server has written it (a failure is thrown here). */
  private async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  async delete(articleId: string): Promise<void> {
    await this.drain();
    await this.lockArticles([articleId]);
    await this.remove([articleId]);
  }

  async clear(): Promise<void> {
    const { sql, s } = this;
    this.pending.clear();
    this.continued = [];
    this.pendingPassages = 0;
    this.touched.clear();
    await this.inFlight;
    await lockIndex(sql, 'exclusive', s);
    await this.startBulk();
    await sql.query(`TRUNCATE ${s}.postings, ${s}.passages, ${s}.articles, ${s}.terms`);
    await sql.query(`UPDATE ${s}.totals SET articles = 0, passages = 0, lengths = 0`);
    this.df.clear();
    this.totals = { articles: 0, passages: 0, lengths: 0 };
    this.cleared = true;
  }

  /** Starts a bulk load of an empty index: the HNSW index goes until the load is written (`finishBulk`). */
  async startBulk(): Promise<void> {
    if (this.bulk) return;
    await dropVectorIndex(this.sql, this.s);
    this.bulk = true;
  }

  /** Builds the HNSW index once over every loaded vector, and gives the planner the new tables' statistics. */
  private async finishBulk(): Promise<void> {
    const { sql, s } = this;
    await createVectorIndex(sql, s);
    await sql.query(`ANALYZE ${s}.articles, ${s}.passages, ${s}.postings, ${s}.terms`);
    this.bulk = false;
  }

  async touch(articleId: string, version: ArticleVersion): Promise<void> {
    if (this.pending.has(articleId)) await this.flush();
    this.touched.set(articleId, version);
    if (this.touched.size >= WRITE_BATCH_PASSAGES) await this.flushTouched();
  }

  /** Records the new versions of the touched articles, one statement for all of them. */
  private async flushTouched(): Promise<void> {
    if (this.touched.size === 0) return;
    await this.inFlight;
    const files = [...this.touched.keys()];
    const versions = [...this.touched.values()];
    this.touched.clear();
    await this.lockArticles(files);
    await this.sql.query(
      `UPDATE ${this.s}.articles a SET size = u.size, mtime_ms = u.mtime_ms, hash = u.hash
       FROM unnest($1::text[], $2::bigint[], $3::float8[], $4::text[]) AS u(file, size, mtime_ms, hash) WHERE a.file = u.file`,
      [files, versions.map((v) => v.size), versions.map((v) => v.mtimeMs), versions.map((v) => v.hash)],
    );
  }

  async setSkipped(skipped: Skipped[]): Promise<void> {
    await this.drain();
    await this.sql.query(`DELETE FROM ${this.s}.skipped`);
    await this.sql.query(
      `INSERT INTO ${this.s}.skipped (ord, file, line, reason) SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::text[])`,
      [
        skipped.map((_, i) => i),
        skipped.map((x) => x.file),
        skipped.map((x) => x.line ?? null),
        skipped.map((x) => x.reason),
      ],
    );
  }

  /**
   * Records the manifest. One index mirrors one corpus: unless this transaction is a rebuild, the row is
   * only replaced when it names the same corpus. Writers of different articles run at once, so the
   * check is in the statement itself: a second writer waits for the first's row and then sees its corpus
   * (or finds the row it would create already made by the first), and its whole transaction is refused.
   */
  async setManifest(manifest: Manifest): Promise<void> {
    await this.drain();
    const written = await this.sql.query(
      `INSERT INTO ${this.s}.manifest AS m (one, body) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET body = excluded.body
       WHERE $2::boolean OR m.body->>'corpusDir' = excluded.body->>'corpusDir' RETURNING one`,
      [JSON.stringify(manifest), this.cleared],
    );
    if (written.length > 0) return;
    const [row] = await this.sql.query<{ corpus: string }>(
      `SELECT body->>'corpusDir' AS corpus FROM ${this.s}.manifest`,
    );
    throw new UserError('CORPUS_MISMATCH', `This index mirrors the corpus ${row?.corpus}, not ${manifest.corpusDir}.`, {
      hint: 'Use another server namespace (or --index) for this corpus, or run kabar index --rebuild to make the index mirror it instead.',
    });
  }

  /** Writes what is still buffered, then applies the gathered changes in term order (one statement, so concurrent writers lock rows in the same order). */
  async applyDeltas(): Promise<void> {
    await this.drain();
    const { sql, s } = this;
    const changed = [...this.df].filter(([, n]) => n !== 0);
    if (changed.length) {
      const terms = changed.map(([t]) => t);
      await sql.query(
        `INSERT INTO ${s}.terms (term, df) SELECT * FROM unnest($1::text[], $2::int[]) AS u(term, df) ORDER BY u.term COLLATE "C"
         ON CONFLICT (term) DO UPDATE SET df = ${s}.terms.df + excluded.df`,
        [terms, changed.map(([, n]) => n)],
      );
      await sql.query(`DELETE FROM ${s}.terms WHERE term = ANY($1::text[]) AND df <= 0`, [terms]);
    }
    const { articles, passages, lengths } = this.totals;
    // Also when only the terms changed: the row's new version tells readers to read the terms again.
    if (changed.length || articles || passages || lengths) {
      await sql.query(
        `UPDATE ${s}.totals SET articles = articles + $1, passages = passages + $2, lengths = lengths + $3`,
        [articles, passages, lengths],
      );
    }
    if (this.bulk) await this.finishBulk();
  }
}

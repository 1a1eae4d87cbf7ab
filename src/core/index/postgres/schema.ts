import { UserError } from '../../errors.js';
import type { Database, Sql } from './database.js';
import { HNSW_PARAMS, POSTGRES_BULK } from '../../settings.js';

/**
 * kabar's tables on a PostgreSQL server. The `kabar` schema holds the schema version and the registry
 * of indexes; each index (one per embedder, like the local store's folders) lives in its own schema
 * `kabar_<n>` with the same tables:
 * - `articles`: metadata (jsonb, as given), source version, raw text;
 * - `passages`: offsets, text, sentences, the article's filter columns, the number of distinct terms,
 *   and one `vector(d)` column with an HNSW index (cosine);
 * - `postings` (term, passage, term frequency, passage length): the inverted index over kabar's own
 *   analysed stems, a B-tree on (term, passage) read for BM25;
 * - `terms`: the document frequency of every term (BM25's IDF, which `ts_rank` lacks), kept by kabar;
 * - `totals`: passage and article counts and summed lengths (BM25's average length);
 * - `manifest` and `skipped` (files, and records of archives by line, that could not be indexed).
 *
 * An article's `meta` holds all of `ArticleMeta`: for a record of an archive or feed also its origin
 * (file and line), its URL and where each metadata field came from.
 */
export const SCHEMA_VERSION = 2;

/** Advisory lock key (pg_advisory_xact_lock) taken while creating or migrating kabar's tables. */
const MIGRATION_LOCK = 0x6b61626172; // "kabar"

export const schemaOf = (id: number): string => `kabar_${id}`;

/** Each migration brings the registry and every index schema from version n to n + 1. */
const MIGRATIONS: ((sql: Sql) => Promise<void>)[] = [
  async (sql) => {
    await sql.query('CREATE SCHEMA IF NOT EXISTS kabar');
    await sql.query('CREATE TABLE kabar.meta (key text PRIMARY KEY, value text NOT NULL)');
    await sql.query(`CREATE TABLE kabar.indexes (
      id serial PRIMARY KEY,
      key text NOT NULL UNIQUE,
      dimensions int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
  },
  // 2: a skipped record of an archive is kept with its line.
  async (sql) => {
    for (const { id } of await sql.query<{ id: number }>('SELECT id FROM kabar.indexes')) {
      await sql.query(`ALTER TABLE IF EXISTS ${schemaOf(id)}.skipped ADD COLUMN IF NOT EXISTS line int`);
    }
  },
];

/** The HNSW index of an index's passage vectors (cosine). */
const VECTOR_INDEX = 'passages_embedding_idx';

/**
 * Builds the HNSW index of the passage vectors, with the memory and parallel workers of a bulk build for
 * the rest of the transaction. CREATE INDEX takes a lock that blocks writers, not readers.
 */
export async function createVectorIndex(sql: Sql, schema: string): Promise<void> {
  await sql.query(
    `SELECT set_config('maintenance_work_mem', $1, true), set_config('max_parallel_maintenance_workers', $2, true)`,
    [POSTGRES_BULK.maintenanceWorkMem, String(POSTGRES_BULK.parallelWorkers)],
  );
  await sql.query(
    `CREATE INDEX IF NOT EXISTS ${VECTOR_INDEX} ON ${schema}.passages USING hnsw (embedding vector_cosine_ops) WITH (m = ${HNSW_PARAMS.m}, ef_construction = ${HNSW_PARAMS.efConstruction})`,
  );
}

/** Drops the HNSW index before a bulk load (it is built once after it); readers of the index wait until the load commits. */
export const dropVectorIndex = (sql: Sql, schema: string): Promise<unknown> =>
  sql.query(`DROP INDEX IF EXISTS ${schema}.${VECTOR_INDEX}`);

async function createIndexTables(sql: Sql, schema: string, dimensions: number): Promise<void> {
  const s = schema;
  await sql.query(`CREATE SCHEMA ${s}`);
  await sql.query(`CREATE TABLE ${s}.articles (
    file text PRIMARY KEY,
    meta jsonb NOT NULL,
    size bigint NOT NULL,
    mtime_ms double precision NOT NULL,
    hash text NOT NULL,
    raw text NOT NULL)`);
  await sql.query(`CREATE TABLE ${s}.passages (
    pid bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    file text NOT NULL REFERENCES ${s}.articles (file),
    n int NOT NULL,
    start_at int NOT NULL,
    end_at int NOT NULL,
    text text NOT NULL,
    sentences int[] NOT NULL,
    lang text NOT NULL,
    date text,
    source_key text,
    length int NOT NULL,
    embedding vector(${dimensions}) NOT NULL)`);
  await sql.query(`CREATE INDEX ON ${s}.passages (file)`);
  await createVectorIndex(sql, s);
  await sql.query(`CREATE TABLE ${s}.postings (
    term text NOT NULL,
    pid bigint NOT NULL,
    tf int NOT NULL,
    length int NOT NULL,
    PRIMARY KEY (term, pid) INCLUDE (tf, length))`);
  await sql.query(`CREATE INDEX ON ${s}.postings (pid)`);
  await sql.query(`CREATE TABLE ${s}.terms (term text PRIMARY KEY, df int NOT NULL)`);
  await sql.query(`CREATE TABLE ${s}.totals (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    articles bigint NOT NULL,
    passages bigint NOT NULL,
    lengths bigint NOT NULL)`);
  await sql.query(`INSERT INTO ${s}.totals VALUES (true, 0, 0, 0)`);
  await sql.query(`CREATE TABLE ${s}.manifest (one boolean PRIMARY KEY DEFAULT true CHECK (one), body jsonb NOT NULL)`);
  await sql.query(
    `CREATE TABLE ${s}.skipped (ord int PRIMARY KEY, file text NOT NULL, line int, reason text NOT NULL)`,
  );
}

/** Creates an extension kabar's SQL needs; a server without it, or a user who may not create it, gets a UserError saying what to do. */
async function createExtension(sql: Sql, name: string, installHint: string): Promise<void> {
  try {
    await sql.query(`CREATE EXTENSION IF NOT EXISTS ${name}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42501') {
      throw new UserError(
        'EXTENSION_MISSING',
        `This PostgreSQL user may not create the ${name} extension (CREATE EXTENSION ${name} failed: ${(error as Error).message}).`,
        {
          hint: `Ask the server's administrator to run CREATE EXTENSION ${name}; in this database, then run kabar index again.`,
        },
      );
    }
    if (code === '0A000' || code === '58P01') {
      throw new UserError(
        'EXTENSION_MISSING',
        `The PostgreSQL server has no ${name} extension (CREATE EXTENSION ${name} failed).`,
        { hint: installHint },
      );
    }
    throw error;
  }
}

async function storedVersion(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ present: boolean }>(`SELECT to_regclass('kabar.meta') IS NOT NULL AS present`);
  if (!row.present) return 0;
  const [version] = await sql.query<{ value: string }>(`SELECT value FROM kabar.meta WHERE key = 'schema_version'`);
  return version ? Number(version.value) : 0;
}

/** The tables of one index's schema: a schema missing one is damaged. */
const INDEX_TABLES = ['articles', 'passages', 'postings', 'terms', 'totals', 'manifest', 'skipped'];

const exists = async (sql: Sql, table: string): Promise<boolean> =>
  (await sql.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [table]))[0].present;

/** What is missing of an index's schema (`kabar_3` itself, or one of its tables), or null. */
async function damageOf(sql: Sql, schema: string): Promise<string | null> {
  const [{ present }] = await sql.query<{ present: boolean }>(
    'SELECT count(*) > 0 AS present FROM pg_namespace WHERE nspname = $1',
    [schema],
  );
  if (!present) return `its schema ${schema} is missing`;
  for (const table of INDEX_TABLES)
    if (!(await exists(sql, `${schema}.${table}`))) return `its table ${schema}.${table} is missing`;
  return null;
}

const damaged = (key: string, problem: string) =>
  new UserError('INDEX_CORRUPT', `The index ${key} on the PostgreSQL server is damaged: ${problem}.`, {
    hint: 'Run kabar index --rebuild to build it again.',
  });

async function registered(sql: Sql, key: string): Promise<{ id: number; dimensions: number } | undefined> {
  const [row] = await sql.query<{ id: number; dimensions: number }>(
    'SELECT id, dimensions FROM kabar.indexes WHERE key = $1',
    [key],
  );
  return row;
}

function checkVersion(version: number, command: string): void {
  if (version > SCHEMA_VERSION) {
    throw new UserError(
      'INDEX_SCHEMA',
      `The index on the PostgreSQL server was written by a newer kabar (schema version ${version}; this kabar knows up to ${SCHEMA_VERSION}).`,
      {
        hint: 'Upgrade kabar (npm install -g kabar@latest, or pull and rebuild).',
      },
    );
  }
  if (version > 0 && version < SCHEMA_VERSION) {
    throw new UserError(
      'INDEX_SCHEMA',
      `The index on the PostgreSQL server uses schema version ${version}; this kabar needs version ${SCHEMA_VERSION}.`,
      {
        hint: `Run ${command} to migrate it.`,
      },
    );
  }
}

export interface IndexLocation {
  /** The index's schema, e.g. kabar_3. */
  schema: string;
  dimensions: number;
}

/**
 * Finds the index `key`. A writer (`create`) first creates or migrates kabar's tables and the index
 * itself, under an advisory lock so that concurrent writers do it once; a reader never changes the
 * server and gets a UserError naming `command` when the schema is older or the index missing.
 */
export async function locateIndex(
  db: Database,
  options: {
    key: string;
    dimensions: number;
    create: boolean;
    command: string;
    /** A rebuild: discard a damaged index (and what the registry no longer names) and start it afresh, saying so. */
    repair?: boolean;
    onWarning?: (message: string) => void;
  },
): Promise<IndexLocation> {
  const warn = options.onWarning ?? (() => {});
  const { key, dimensions } = options;
  const check = (found: { id: number; dimensions: number } | undefined): IndexLocation | undefined => {
    if (!found) return undefined;
    if (found.dimensions !== dimensions) {
      throw new UserError(
        'INDEX_CORRUPT',
        `The index ${key} on the PostgreSQL server holds ${found.dimensions}-dimensional vectors, but the embedder makes ${dimensions}.`,
        {
          hint: 'Drop its schema on the server and run kabar index again.',
        },
      );
    }
    return { schema: schemaOf(found.id), dimensions };
  };
  const version = await storedVersion(db);
  if (version > SCHEMA_VERSION || !options.create) checkVersion(version, options.command);
  if (version === SCHEMA_VERSION) {
    if (!(await exists(db, 'kabar.indexes'))) {
      if (!options.repair) throw damaged(key, "kabar's registry table kabar.indexes is missing");
    } else {
      const found = check(await registered(db, key));
      const problem = found && (await damageOf(db, found.schema));
      if (found && !problem) return found;
      if (problem && !options.repair) throw damaged(key, problem);
    }
  }
  if (!options.create) {
    throw new UserError('NOT_FOUND', `There is no kabar index for ${key} on the PostgreSQL server yet.`, {
      hint: `Run ${options.command} to build it.`,
    });
  }
  return db.transaction(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await createExtension(
      sql,
      'vector',
      'Install pgvector on the server (Debian and Ubuntu: apt install postgresql-<version>-pgvector; elsewhere build it from its source with make && make install), then run kabar index again.',
    );
    const now = await storedVersion(sql);
    if (now > SCHEMA_VERSION) checkVersion(now, options.command);
    for (let v = now; v < SCHEMA_VERSION; v++) await MIGRATIONS[v](sql);
    if (options.repair && !(await exists(sql, 'kabar.indexes'))) {
      warn("Recreating kabar's registry table kabar.indexes on the PostgreSQL server: it was missing.");
      await sql.query(`CREATE TABLE IF NOT EXISTS kabar.indexes (
        id serial PRIMARY KEY,
        key text NOT NULL UNIQUE,
        dimensions int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now())`);
    }
    await sql.query(
      `INSERT INTO kabar.meta VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [String(SCHEMA_VERSION)],
    );
    const existing = check(await registered(sql, key));
    const problem = existing && (await damageOf(sql, existing.schema));
    if (existing && !problem) return existing;
    if (existing && problem) {
      if (!options.repair) throw damaged(key, problem);
      warn(`Discarding the index ${key} on the PostgreSQL server (${problem}) to build it again.`);
      await sql.query(`DROP SCHEMA IF EXISTS ${existing.schema} CASCADE`);
      await sql.query('DELETE FROM kabar.indexes WHERE key = $1', [key]);
    }
    const [{ id }] = await sql.query<{ id: number }>(
      'INSERT INTO kabar.indexes (key, dimensions) VALUES ($1, $2) RETURNING id',
      [key, dimensions],
    );
    const [{ orphan }] = await sql.query<{ orphan: boolean }>(
      'SELECT count(*) > 0 AS orphan FROM pg_namespace WHERE nspname = $1',
      [schemaOf(id)],
    );
    if (orphan) {
      // A schema the registry no longer names (it was dropped and made again): only a rebuild discards it.
      if (!options.repair)
        throw damaged(key, `the schema ${schemaOf(id)} exists but kabar's registry does not name it`);
      warn(`Discarding the schema ${schemaOf(id)} on the PostgreSQL server: kabar's registry no longer names it.`);
      await sql.query(`DROP SCHEMA ${schemaOf(id)} CASCADE`);
    }
    await createIndexTables(sql, schemaOf(id), dimensions);
    return { schema: schemaOf(id), dimensions };
  });
}

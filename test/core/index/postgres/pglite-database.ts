import type { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from '../../../../src/core/index/postgres/database.js';
import { applySessionSettings } from '../../../../src/core/index/postgres/database.js';

/**
 * PostgreSQL compiled to WebAssembly, in process, with pgvector: the same SQL as a
 * server, from npm alone. `dataDir` keeps it on disk; without it the database lives in memory.
 */
export async function openPgliteDatabase(dataDir?: string): Promise<Database> {
  const [{ PGlite }, { vector }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
  ]);
  const db: PGlite = await PGlite.create({ dataDir, extensions: { vector } });
  const wrap = (conn: Pick<PGlite, 'query'>): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => (await conn.query<T>(text, params)).rows,
  });
  const sql = wrap(db);
  await applySessionSettings(sql);
  return {
    ...sql,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

import type { Store } from '../port.js';
import { openPgDatabase } from './pg-database.js';
import { postgresStore } from './postgres-store.js';
import { locateIndex } from './schema.js';

export interface PostgresStoreOptions {
  /** The primary server: postgres://USER:PASSWORD@HOST:PORT/DATABASE. */
  url: string;
  /** A read replica that serves every read; writes still go to `url`. */
  readUrl?: string;
  /** Which index: one per embedder (its key), like the local store's folders. */
  key: string;
  dimensions: number;
  /** Create or migrate kabar's tables when needed (the index command); otherwise a mismatch is an error naming it. */
  create: boolean;
}

export const INDEX_COMMAND = 'kabar index (with the same --store or KABAR_STORE)';

/**
 * The engine's store opener for a server: a writer (`kabar index`) works on the primary and may create
 * or migrate kabar's tables; readers only read, from the replica when one is given.
 */
export const postgresOpener =
  (server: { url: string; readUrl?: string }, writer: boolean) =>
  (_dir: string, { key, dimensions }: { key: string; dimensions: number }): Promise<Store> =>
    openPostgresStore({
      url: server.url,
      readUrl: writer ? undefined : server.readUrl,
      key,
      dimensions,
      create: writer,
    });

/** Opens kabar's index `key` on a PostgreSQL server with pgvector. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const write = await openPgDatabase(options.url);
  const read = options.readUrl ? await openPgDatabase(options.readUrl) : undefined;
  try {
    const location = await locateIndex(write, {
      key: options.key,
      dimensions: options.dimensions,
      create: options.create,
      command: INDEX_COMMAND,
    });
    return postgresStore({ write, read }, location);
  } catch (error) {
    await Promise.all([write.close(), read?.close()]);
    throw error;
  }
}

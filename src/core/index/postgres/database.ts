import { HNSW_PARAMS } from '../../settings.js';

/** What the PostgreSQL store needs from a database connection: the `pg` client pool or PGlite. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Session settings every connection gets: HNSW search breadth, filtered HNSW scans that keep going
 * until k rows pass, and no JIT compilation (it costs seconds on queries that take milliseconds).
 */
export const SESSION_SETTINGS: Record<string, string> = {
  jit: 'off',
  'hnsw.ef_search': String(HNSW_PARAMS.efSearchServer),
  'hnsw.iterative_scan': 'strict_order',
};

export const applySessionSettings = (sql: Sql): Promise<unknown> =>
  sql.query(
    `SELECT ${Object.keys(SESSION_SETTINGS)
      .map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, false)`)
      .join(', ')}`,
    Object.entries(SESSION_SETTINGS).flat(),
  );

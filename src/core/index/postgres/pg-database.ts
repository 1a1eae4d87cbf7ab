import type { Database, Sql } from './database.js';
import { SESSION_SETTINGS } from './database.js';
import { serverError } from './server-errors.js';

/** Connections per pool: a search runs its dense and lexical queries side by side. */
const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A PostgreSQL server through the `pg` client's pool. Failures a user can act on (server down, wrong
 * password, connection lost) become UserErrors; a transaction whose connection drops is rolled back
 * by the server, so nothing is half-written.
 */
export async function openPgDatabase(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const options = Object.entries(SESSION_SETTINGS)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  // Idle connections do not keep the process alive: a command ends when its work does, not 10 s later.
  const pool = new pg.Pool({
    connectionString: url,
    options,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'kabar',
    allowExitOnIdle: true,
  });
  // A connection the server drops while idle is reported here; the next query on the pool reports it to the user.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw serverError(error, url);
    }
  };
  return {
    query: <T>(text: string, params?: unknown[]) => guard(async () => (await pool.query(text, params)).rows as T[]),
    transaction: <T>(work: (sql: Sql) => Promise<T>) =>
      guard(async () => {
        const client = await pool.connect();
        const sql: Sql = {
          query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
        };
        let broken = false;
        try {
          await client.query('BEGIN');
          const result = await work(sql);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
          throw error;
        } finally {
          client.release(broken);
        }
      }),
    close: () => pool.end(),
  };
}

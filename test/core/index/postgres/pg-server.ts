import crypto from 'node:crypto';
import pg from 'pg';

/** A PostgreSQL server with pgvector for tests: `scripts/postgres-test-server.sh` starts one and sets this. */
export const TEST_PG_URL = process.env.KABAR_TEST_PG_URL;

export const SKIP_SERVER_TESTS = TEST_PG_URL
  ? false
  : 'no PostgreSQL server: run scripts/postgres-test-server.sh npm test (as root with apt, it installs PostgreSQL 15 and pgvector), or set KABAR_TEST_PG_URL=postgres://USER:PASSWORD@HOST:PORT/DB to a server with pgvector';

/** Runs one statement on the test server as its administrator. */
export async function admin<T = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  url = TEST_PG_URL!,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The URL `base` with another database, user or password. */
export function withUrl(
  base: string,
  change: { database?: string; user?: string; password?: string; port?: number },
): string {
  const url = new URL(base);
  if (change.database !== undefined) url.pathname = `/${change.database}`;
  if (change.user !== undefined) url.username = change.user;
  if (change.password !== undefined) url.password = change.password;
  if (change.port !== undefined) url.port = String(change.port);
  return url.toString();
}

/** Creates an empty database on the test server; returns its URL and a function that drops it. */
export async function scratchDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `kabar_test_${crypto.randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    url: withUrl(TEST_PG_URL!, { database: name }),
    name,
    drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

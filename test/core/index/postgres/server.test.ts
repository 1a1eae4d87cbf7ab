import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { UserError } from '../../../../src/core/errors.js';
import { openPostgresStore } from '../../../../src/core/index/postgres/open.js';
import type { Store } from '../../../../src/core/index/port.js';
import { ROOT } from '../../../helpers.js';
import { articleInput, CONTRACT_DIMENSIONS, manifestFor, runStoreContract } from '../contract.js';
import { admin, scratchDatabase, SKIP_SERVER_TESTS, TEST_PG_URL, withUrl } from './pg-server.js';
import { runBulkTests } from './bulk.js';

const userError = (code: string, message: RegExp) => (error: unknown) => {
  assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
  assert.equal(error.code, code);
  assert.match(error.message, message);
  return true;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('PostgreSQL server', { skip: SKIP_SERVER_TESTS }, () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  before(async () => {
    db = await scratchDatabase();
  });
  after(() => db?.drop());

  let n = 0;
  const open = (key: string, create = true) =>
    openPostgresStore({ url: db.url, key, dimensions: CONTRACT_DIMENSIONS, create });

  runStoreContract('PostgreSQL server', async () => {
    const key = `contract-${++n}`;
    const store = await open(key);
    return {
      store,
      dispose: async () => {
        const [row] = await admin<{ id: number }>(
          'DELETE FROM kabar.indexes WHERE key = $1 RETURNING id',
          [key],
          db.url,
        );
        await admin(`DROP SCHEMA kabar_${row.id} CASCADE`, [], db.url);
      },
    };
  });

  runBulkTests('PostgreSQL server', async () => {
    const key = `bulk-${++n}`;
    const store = await open(key);
    const [{ id }] = await admin<{ id: number }>('SELECT id FROM kabar.indexes WHERE key = $1', [key], db.url);
    return {
      store,
      schema: `kabar_${id}`,
      sql: { query: <T>(text: string, params?: unknown[]) => admin<T>(text, params, db.url) },
      dispose: async () => {
        await store.close();
        await admin('DELETE FROM kabar.indexes WHERE key = $1', [key], db.url);
        await admin(`DROP SCHEMA kabar_${id} CASCADE`, [], db.url);
      },
    };
  });

  test('an unreachable server, a wrong password and a missing database each get one clear error', async () => {
    const port = await freePort();
    await assert.rejects(
      openPostgresStore({ url: withUrl(db.url, { port }), key: 'x', dimensions: 4, create: true }),
      userError('SERVER_UNREACHABLE', /Cannot reach the PostgreSQL server at 127\.0\.0\.1:\d+/),
    );
    const wrong = withUrl(db.url, { password: 'not-the-password' });
    await assert.rejects(openPostgresStore({ url: wrong, key: 'x', dimensions: 4, create: true }), (error: unknown) => {
      userError('SERVER_REJECTED', /refused the password for kabar/)(error);
      assert.doesNotMatch((error as Error).message, /not-the-password/);
      return true;
    });
    await assert.rejects(
      openPostgresStore({ url: withUrl(db.url, { database: 'no_such_db' }), key: 'x', dimensions: 4, create: true }),
      userError('SERVER_REJECTED', /has no database no_such_db/),
    );
  });

  test('idle connections do not keep a finished command alive (the pool would hold it 10 s)', () => {
    const script = `import { openPgDatabase } from './src/core/index/postgres/pg-database.ts';
      const db = await openPgDatabase(process.env.URL); await db.query('SELECT 1'); await db.transaction((sql) => sql.query('SELECT 2'));`;
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, URL: db.url },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const ms = performance.now() - started;
    assert.equal(run.status, 0, run.stderr);
    assert.ok(ms < 8000, `the process took ${Math.round(ms)} ms to end after its last query`);
  });

  test('a reader never creates anything: a missing index names the command that builds it', async () => {
    await assert.rejects(open('never-built', false), (error: unknown) => {
      userError('NOT_FOUND', /no kabar index for never-built/)(error);
      assert.match((error as UserError).hint ?? '', /kabar index/);
      return true;
    });
  });

  test('a schema written by a newer kabar is refused, by readers and writers alike', async () => {
    const scratch = await scratchDatabase();
    try {
      const store = await openPostgresStore({ url: scratch.url, key: 'k', dimensions: 4, create: true });
      await store.close();
      await admin(`UPDATE kabar.meta SET value = '99' WHERE key = 'schema_version'`, [], scratch.url);
      for (const create of [false, true]) {
        await assert.rejects(
          openPostgresStore({ url: scratch.url, key: 'k', dimensions: 4, create }),
          userError('INDEX_SCHEMA', /newer kabar \(schema version 99/),
        );
      }
    } finally {
      await scratch.drop();
    }
  });

  test('a user who may not create pgvector is told to ask for CREATE EXTENSION', async () => {
    const scratch = await scratchDatabase();
    const role = `kabar_reader_${scratch.name.slice(-8)}`;
    try {
      await admin(`CREATE ROLE ${role} LOGIN PASSWORD 'pw'`);
      await admin(`GRANT CONNECT ON DATABASE ${scratch.name} TO ${role}`);
      const url = withUrl(scratch.url, { user: role, password: 'pw' });
      await assert.rejects(openPostgresStore({ url, key: 'k', dimensions: 4, create: true }), (error: unknown) => {
        userError('EXTENSION_MISSING', /may not create the vector extension/)(error);
        assert.match((error as UserError).hint ?? '', /CREATE EXTENSION vector/);
        return true;
      });
    } finally {
      await scratch.drop();
      await admin(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  test('a connection lost in the middle of a write says so and leaves nothing behind', async () => {
    const store = await open('dropped');
    try {
      await assert.rejects(
        store.write(async (tx) => {
          await tx.upsert(articleInput('x.txt', [{ text: 'Menteri bertemu duta besar', vector: [1, 0, 0, 0] }]));
          await admin(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'kabar' AND state LIKE 'idle in transaction%'`,
            [db.name],
          );
          await tx.upsert(articleInput('y.txt', [{ text: 'Harga minyak turun', vector: [0, 1, 0, 0] }]));
        }),
        userError(
          'SERVER_UNREACHABLE',
          /connection to the PostgreSQL server at .* was lost; anything this command was writing was rolled back/,
        ),
      );
    } finally {
      await store.close();
    }
    const reader = await open('dropped', false);
    try {
      assert.equal(await reader.passage('x.txt#0'), undefined);
      assert.deepEqual(await reader.counts(), { articles: 0, passages: 0 });
    } finally {
      await reader.close();
    }
  });

  const schemaFor = async (key: string) =>
    `kabar_${(await admin<{ id: number }>('SELECT id FROM kabar.indexes WHERE key = $1', [key], db.url))[0].id}`;
  const exact = async (key: string) => {
    const s = await schemaFor(key);
    const [row] = await admin<{ wrong: number; passages: number; totals: number }>(
      `SELECT (SELECT count(*)::int FROM ${s}.terms t FULL JOIN (SELECT term, count(*)::int AS df FROM ${s}.postings GROUP BY term) p USING (term) WHERE t.df IS DISTINCT FROM p.df) AS wrong,
              (SELECT count(*)::int FROM ${s}.passages) AS passages, (SELECT passages::int FROM ${s}.totals) AS totals`,
      [],
      db.url,
    );
    assert.equal(row.wrong, 0, 'document frequencies disagree with the postings');
    assert.equal(row.totals, row.passages);
  };
  const words = ['minyak', 'harga', 'moskow', 'shoygu', 'lavrov', 'jakarta', 'gas', 'naik'];
  const article = (file: string, seed: number) =>
    articleInput(
      file,
      [0, 1, 2].map((i) => ({
        text: `${words[(seed + i) % 8]} ${words[(seed * 3 + i) % 8]} ${file}`,
        vector: [1 + seed, i, 1, seed % 3],
      })),
    );

  test('concurrent writers of the same and of other articles take turns and keep frequencies and totals exact; readers do not wait', async () => {
    const stores: Store[] = await Promise.all([open('concurrent'), open('concurrent'), open('concurrent')]);
    try {
      let readerMs = Infinity;
      await Promise.all([
        stores[0].write(async (tx) => {
          for (let i = 0; i < 20; i++) await tx.upsert(article(`same-${i}.txt`, i));
        }),
        stores[1].write(async (tx) => {
          for (let i = 0; i < 20; i++) await tx.upsert(article(`same-${i}.txt`, i + 1));
        }),
        stores[2].write(async (tx) => {
          for (let i = 0; i < 20; i++) await tx.upsert(article(`other-${i}.txt`, i));
          const started = performance.now();
          await stores[0].counts();
          readerMs = performance.now() - started;
          await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
        }),
      ]);
      assert.ok(readerMs < 2000, `a reader waited ${readerMs} ms during a write`);
      assert.deepEqual(await stores[0].counts(), { articles: 40, passages: 120 });
      await exact('concurrent');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('writers that lock the same articles in opposite orders: one finishes, the other is told to run again, nothing is corrupted', async () => {
    const stores: Store[] = await Promise.all([open('crossed'), open('crossed')]);
    try {
      const results = await Promise.allSettled([
        stores[0].write(async (tx) => {
          for (let i = 0; i < 10; i++) await tx.upsert(article(`a-${i}.txt`, i));
        }),
        stores[1].write(async (tx) => {
          for (let i = 9; i >= 0; i--) await tx.upsert(article(`a-${i}.txt`, i + 2));
        }),
      ]);
      const failed = results.filter((r) => r.status === 'rejected');
      assert.ok(failed.length <= 1);
      for (const f of failed)
        userError('INDEX_LOCKED', /Another writer changed the index/)((f as PromiseRejectedResult).reason);
      assert.deepEqual(await stores[0].counts(), { articles: 10, passages: 30 });
      await exact('crossed');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('writers that name their articles up front lock them in one order: the second waits for the first, both finish', async () => {
    const stores: Store[] = await Promise.all([open('planned'), open('planned')]);
    const pause = () => new Promise((r) => setTimeout(r, 300));
    try {
      const ids = Array.from({ length: 10 }, (_, i) => `a-${i}.txt`);
      const results = await Promise.allSettled([
        stores[0].write(
          async (tx) => {
            await tx.upsert(article(ids[0], 0));
            await pause(); // the other writer has started meanwhile, from the other end
            for (let i = 1; i < 10; i++) await tx.upsert(article(ids[i], i));
          },
          { articles: ids },
        ),
        stores[1].write(
          async (tx) => {
            await tx.upsert(article(ids[9], 11));
            await pause();
            for (let i = 8; i >= 0; i--) await tx.upsert(article(ids[i], i + 2));
          },
          { articles: [...ids].reverse() },
        ),
      ]);
      assert.deepEqual(
        results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        ['ok', 'ok'],
      );
      assert.deepEqual(await stores[0].counts(), { articles: 10, passages: 30 });
      await exact('planned');
      // One writer went wholly after the other: every article holds the last one's text.
      const text = async (id: string) => (await stores[0].article(id))!.passages[0].text;
      const first = (id: string, seed: number) => article(id, seed).passages[0].passage.text;
      const lastWasFirstWriter = (await text(ids[0])) === first(ids[0], 0);
      assert.equal(await text(ids[9]), first(ids[9], lastWasFirstWriter ? 9 : 11));
      assert.equal(await text(ids[5]), first(ids[5], lastWasFirstWriter ? 5 : 7));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  test('a rebuild plan takes the whole index at once: two rebuilds take turns instead of deadlocking', async () => {
    const stores: Store[] = await Promise.all([open('rebuilt'), open('rebuilt')]);
    try {
      const rebuild = (store: Store, seed: number) =>
        store.write(
          async (tx) => {
            await tx.clear();
            await new Promise((r) => setTimeout(r, 200));
            for (let i = 0; i < 5; i++) await tx.upsert(article(`r-${i}.txt`, i + seed));
          },
          { articles: [], clear: true },
        );
      const results = await Promise.allSettled([rebuild(stores[0], 0), rebuild(stores[1], 3)]);
      assert.deepEqual(
        results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        ['ok', 'ok'],
      );
      assert.deepEqual(await stores[0].counts(), { articles: 5, passages: 15 });
      await exact('rebuilt');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});

if (!TEST_PG_URL) test('PostgreSQL server tests', { skip: SKIP_SERVER_TESTS }, () => {});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../../../src/core/index/postgres/database.js';
import { postgresStore } from '../../../../src/core/index/postgres/postgres-store.js';
import { locateIndex } from '../../../../src/core/index/postgres/schema.js';
import { CONTRACT_DIMENSIONS, runStoreContract } from '../contract.js';
import { runBulkTests } from './bulk.js';
import { openPgliteDatabase } from './pglite-database.js';

// One PGlite database for the whole file (creating one takes seconds and hundreds of MB); each test gets an index of its own.
let db: Database;
before(async () => {
  db = await openPgliteDatabase();
});
after(() => db.close());

let n = 0;
runStoreContract('PostgreSQL (PGlite)', async (dimensions) => {
  const location = await locateIndex(db, { key: `contract-${++n}`, dimensions, create: true, command: 'kabar index' });
  const shared: Database = { ...db, close: async () => {} };
  return {
    store: postgresStore({ write: shared }, location),
    dispose: async () => {
      await db.query(`DROP SCHEMA ${location.schema} CASCADE`);
    },
  };
});

runBulkTests('PostgreSQL (PGlite)', async () => {
  const location = await locateIndex(db, {
    key: `bulk-${++n}`,
    dimensions: CONTRACT_DIMENSIONS,
    create: true,
    command: 'kabar index',
  });
  return {
    store: postgresStore({ write: { ...db, close: async () => {} } }, location),
    schema: location.schema,
    sql: db,
    dispose: async () => {
      await db.query(`DROP SCHEMA ${location.schema} CASCADE`);
    },
  };
});

test('an index of schema version 1 is refused by readers and migrated by a writer, keeping what it holds', async () => {
  const key = 'migration';
  const location = await locateIndex(db, { key, dimensions: 4, create: true, command: 'kabar index' });
  const s = location.schema;
  // The version 1 layout: no line for skipped records.
  await db.query(`ALTER TABLE ${s}.skipped DROP COLUMN line`);
  await db.query(`INSERT INTO ${s}.skipped (ord, file, reason) VALUES (0, 'a.txt', 'it is a binary file, not text')`);
  await db.query(`UPDATE kabar.meta SET value = '1' WHERE key = 'schema_version'`);
  try {
    await assert.rejects(locateIndex(db, { key, dimensions: 4, create: false, command: 'kabar index' }), {
      code: 'INDEX_SCHEMA',
      message: /schema version 1; this kabar needs version 2/,
    });
    const migrated = await locateIndex(db, { key, dimensions: 4, create: true, command: 'kabar index' });
    assert.equal(migrated.schema, s);
    const store = postgresStore({ write: { ...db, close: async () => {} } }, migrated);
    assert.deepEqual(await store.skipped(), [{ file: 'a.txt', reason: 'it is a binary file, not text' }]);
    await store.write((tx) => tx.setSkipped([{ file: 'news.jsonl', line: 3, reason: 'the line is not valid JSON' }]));
    assert.deepEqual(await store.skipped(), [{ file: 'news.jsonl', line: 3, reason: 'the line is not valid JSON' }]);
  } finally {
    await db.query(`DROP SCHEMA ${s} CASCADE`);
  }
});

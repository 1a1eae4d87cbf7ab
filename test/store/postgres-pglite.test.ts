import { after, before } from 'node:test';
import type { Database } from '../../src/core/index/postgres/database.js';
import { postgresStore } from '../../src/core/index/postgres/postgres-store.js';
import { locateIndex } from '../../src/core/index/postgres/schema.js';
import { runStoreContract } from './contract.js';
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

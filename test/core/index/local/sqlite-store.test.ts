import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLocalStore } from '../../../../src/core/index/local/sqlite-store.js';
import { runStoreContract } from '../contract.js';

runStoreContract('local SQLite + HNSW', async (dimensions) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-store-'));
  return {
    store: await openLocalStore(dir, { dimensions }),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openLocalStore } from '../../../../src/core/index/local/sqlite-store.js';
import type { Database } from '../../../../src/core/index/postgres/database.js';
import { postgresStore } from '../../../../src/core/index/postgres/postgres-store.js';
import { locateIndex } from '../../../../src/core/index/postgres/schema.js';
import type { Filters } from '../../../../src/core/types.js';
import type { ScoredId, Store, WeightedTerm } from '../../../../src/core/index/port.js';
import { createRandom } from '../../../../bench/random.js';
import { articleInput, CONTRACT_DIMENSIONS, manifestFor } from '../contract.js';
import { openPgliteDatabase } from './pglite-database.js';

// Names spelled several ways (fuzzy matches), common and rare words (IDF), passages of many lengths.
const VOCABULARY = [
  ...['shoygu', 'shoigu', 'shoygo', 'sergey', 'sergei', 'serge', 'lavrov', 'lavrof', 'jokowi', 'jokowa'],
  ...['bertemu', 'menteri', 'pertahanan', 'moskow', 'jakarta', 'minyak', 'harga', 'naik', 'turun', 'banjir'],
  ...['kata', 'yang', 'dan', 'di', 'ke', 'dari', 'presiden', 'rapat', 'senin', 'selasa', 'rabu', 'kamis'],
];

const random = createRandom(7);
const articles = Array.from({ length: 60 }, (_, a) =>
  articleInput(
    `r${a}.txt`,
    Array.from({ length: 1 + random.int(4) }, () => ({
      // Common words are picked more often than the rest: a skewed document frequency.
      text: Array.from({ length: 3 + random.int(14) }, () =>
        random.pick(random.int(3) === 0 ? VOCABULARY.slice(20) : VOCABULARY),
      ).join(' '),
      vector: [1 + random.int(5), random.int(5), random.int(5), 1],
    })),
    { lang: a % 4 === 0 ? 'en' : 'id' },
  ),
);

const queries: { terms: WeightedTerm[]; filters: Filters }[] = Array.from({ length: 60 }, (_, n) => ({
  terms: Array.from({ length: 1 + random.int(6) }, () => ({
    term: random.pick(VOCABULARY),
    weight: [0.3, 0.5, 1, 1.7][random.int(4)],
    fuzzy: [0, 0, 0.2, 0.35, 0.5][random.int(5)],
    // Terms of one question word (a word and its translations) count once; some stand alone.
    word: [undefined, 0, 1, 2][random.int(4)],
  })),
  filters: n % 5 === 0 ? { lang: 'en' } : {},
}));

const fill = (store: Store) =>
  store.write(async (tx) => {
    for (const article of articles) await tx.upsert(article);
    await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
  });

let db: Database;
let dir: string;
let local: Store;
let server: Store;
before(async () => {
  db = await openPgliteDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-ranking-'));
  local = await openLocalStore(dir, { dimensions: CONTRACT_DIMENSIONS });
  const location = await locateIndex(db, {
    key: 'ranking',
    dimensions: CONTRACT_DIMENSIONS,
    create: true,
    command: 'kabar index',
  });
  server = postgresStore({ write: { ...db, close: async () => {} } }, location);
  await fill(local);
  await fill(server);
});
after(async () => {
  await local.close();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const scores = (hits: ScoredId[]) => new Map(hits.map((h) => [h.id, h.score]));

test('lexical search on PostgreSQL finds the passages and scores of the local store, for every query', async () => {
  let matched = 0;
  for (const { terms, filters } of queries) {
    const label = JSON.stringify({ terms, filters });
    // Every match: the same passages with the same scores.
    const [all, allLocal] = await Promise.all([
      server.lexical(terms, 1000, filters),
      local.lexical(terms, 1000, filters),
    ]);
    const want = scores(allLocal);
    assert.equal(all.length, allLocal.length, label);
    for (const [id, score] of scores(all)) {
      assert.ok(want.has(id), `${label}: ${id} is not a local match`);
      assert.ok(
        Math.abs(score - want.get(id)!) < 1e-9 * Math.max(1, score),
        `${label}: ${id} ${score} vs ${want.get(id)}`,
      );
    }
    matched += all.length;
    // The best ten: the same scores in the same order (passages of equal score may come in either order).
    const [top, topLocal] = await Promise.all([server.lexical(terms, 10, filters), local.lexical(terms, 10, filters)]);
    assert.deepEqual(
      top.map((h) => h.score.toFixed(9)),
      topLocal.map((h) => h.score.toFixed(9)),
      label,
    );
  }
  // The queries match a good share of the corpus, fuzzy variants included.
  assert.ok(matched > 2000, `only ${matched} matches`);
});

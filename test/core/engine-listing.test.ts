import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/core/config/config.js';
import { openEngine } from '../../src/core/engine.js';
import { openLocalStore } from '../../src/core/index/local/sqlite-store.js';
import { createHashingEmbedder } from '../../src/providers/embeddings/hashing.js';
import { tempCorpus } from '../helpers.js';

/** Opens the engine, counting how often the refresh had to compare every stored article version. */
async function open(corpus: string, index: string) {
  let comparisons = 0;
  const engine = await openEngine({
    config: loadConfig({}, { corpus, index }),
    embedder: createHashingEmbedder(),
    openStore: async (dir, options) => {
      const store = await openLocalStore(dir, options);
      const versions = store.versions.bind(store);
      store.versions = () => {
        comparisons++;
        return versions();
      };
      return store;
    },
  });
  await engine.close();
  const { added, changed, removed, unchanged, skipped } = engine.refresh;
  return { counts: [added, changed, removed, unchanged], skipped: skipped.length, comparisons };
}

test('a corpus that lists as at the last refresh is not compared article by article; any change to the listing is', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  assert.deepEqual((await open(tmp.corpus, tmp.index)).counts, [5, 0, 0, 0]);
  assert.deepEqual(await open(tmp.corpus, tmp.index), { counts: [0, 0, 0, 5], skipped: 0, comparisons: 0 });

  const file = path.join(tmp.corpus, '003_1ece18336b2add2d.txt');
  fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(
    await open(tmp.corpus, tmp.index),
    { counts: [0, 0, 0, 5], skipped: 0, comparisons: 1 },
    'a new modification time is looked at',
  );
  assert.equal((await open(tmp.corpus, tmp.index)).comparisons, 0, 'and recorded');

  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace('a', 'b'));
  fs.utimesSync(file, new Date(), new Date(Date.now() + 10_000));
  assert.deepEqual((await open(tmp.corpus, tmp.index)).counts, [0, 1, 0, 4], 'an edit of the same size');

  fs.renameSync(file, path.join(tmp.corpus, 'renamed.txt'));
  assert.deepEqual((await open(tmp.corpus, tmp.index)).counts, [1, 0, 1, 4], 'a rename');
  fs.writeFileSync(path.join(tmp.corpus, 'sub.txt'), 'Presiden Widodo mengunjungi Surabaya pada hari Senin.');
  assert.deepEqual((await open(tmp.corpus, tmp.index)).counts, [1, 0, 0, 5], 'an added file');
  fs.rmSync(path.join(tmp.corpus, 'sub.txt'));
  assert.deepEqual((await open(tmp.corpus, tmp.index)).counts, [0, 0, 1, 5], 'a deleted file');
  assert.equal((await open(tmp.corpus, tmp.index)).comparisons, 0);
});

test('while a file is skipped, every refresh looks again, so it is indexed once it can be read', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const bad = path.join(tmp.corpus, 'bad.txt');
  fs.writeFileSync(bad, Buffer.from([0x41, 0x00, 0x42]));
  assert.deepEqual((await open(tmp.corpus, tmp.index)).counts, [5, 0, 0, 0]);
  assert.deepEqual(await open(tmp.corpus, tmp.index), { counts: [0, 0, 0, 5], skipped: 1, comparisons: 1 });
  const { mtime } = fs.statSync(bad);
  fs.writeFileSync(bad, 'A B C');
  fs.utimesSync(bad, mtime, mtime);
  assert.deepEqual(await open(tmp.corpus, tmp.index), { counts: [1, 0, 0, 5], skipped: 0, comparisons: 1 });
  assert.equal((await open(tmp.corpus, tmp.index)).comparisons, 0);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine } from '../../../src/core/engine.js';
import { folderOf } from '../../../src/core/index/folder-check.js';
import { openLocalStore } from '../../../src/core/index/local/sqlite-store.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import { tempCorpus } from '../../helpers.js';

/** A corpus of the seed articles in two folders, `a` (three) and `b` (two). */
function foldersCorpus() {
  const tmp = tempCorpus();
  const files = fs.readdirSync(tmp.corpus).sort();
  for (const [i, file] of files.entries()) {
    const folder = path.join(tmp.corpus, i < 3 ? 'a' : 'b');
    fs.mkdirSync(folder, { recursive: true });
    fs.renameSync(path.join(tmp.corpus, file), path.join(folder, file));
  }
  return tmp;
}

/**
 * Opens the engine as a command that only reads (or as `kabar index` with `writer`), with the folder
 * check from one file on, and says what the refresh found and which stored versions it read.
 */
async function open(
  tmp: { corpus: string; index: string },
  options: { writer?: boolean; env?: Record<string, string> } = {},
) {
  const read: (string[] | 'all')[] = [];
  const engine = await openEngine({
    config: loadConfig(options.env ?? {}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
    writer: options.writer,
    folderCheckFrom: 1,
    openStore: async (dir, opening) => {
      const store = await openLocalStore(dir, opening);
      const versions = store.versions.bind(store);
      store.versions = (prefixes?: string[]) => {
        read.push(prefixes ?? 'all');
        return versions(prefixes);
      };
      return store;
    },
  });
  await engine.close();
  const { added, changed, removed, unchanged } = engine.refresh;
  return { counts: [added, changed, removed, unchanged], read };
}

/** Moves a file's modification time on, as a later edit would. */
const later = (file: string, seconds: number) => fs.utimesSync(file, new Date(), new Date(Date.now() + seconds * 1000));

test('a large corpus is checked through its folders: added, removed, renamed and moved files are seen, and only their folders are read', async (t) => {
  const tmp = foldersCorpus();
  t.after(tmp.cleanup);
  assert.deepEqual((await open(tmp, { writer: true })).counts, [5, 0, 0, 0]);
  assert.deepEqual(await open(tmp), { counts: [0, 0, 0, 5], read: [] }, 'nothing changed: no article is compared');

  const added = path.join(tmp.corpus, 'a', 'added.txt');
  fs.writeFileSync(added, 'Presiden Widodo mengunjungi Surabaya pada hari Senin.\n');
  assert.deepEqual(await open(tmp), { counts: [1, 0, 0, 5], read: [['a/']] }, 'a file added to a');
  assert.deepEqual((await open(tmp)).read, [], 'and recorded');

  fs.renameSync(added, path.join(tmp.corpus, 'a', 'renamed.txt'));
  assert.deepEqual((await open(tmp)).counts, [1, 0, 1, 5], 'a rename');
  const [first] = fs.readdirSync(path.join(tmp.corpus, 'b'));
  fs.rmSync(path.join(tmp.corpus, 'b', first));
  assert.deepEqual(await open(tmp), { counts: [0, 0, 1, 5], read: [['b/']] }, 'a deleted file');

  // An edit saved as most editors and download tools save: written beside, then renamed over the file.
  const [edited] = fs.readdirSync(path.join(tmp.corpus, 'a')).sort();
  const file = path.join(tmp.corpus, 'a', edited);
  fs.writeFileSync(`${file}.tmp`, `${fs.readFileSync(file, 'utf8')}\nKalimat tambahan tentang rapat anggaran.\n`);
  fs.renameSync(`${file}.tmp`, file);
  assert.deepEqual((await open(tmp)).counts, [0, 1, 0, 4], 'a file replaced by rename');

  fs.mkdirSync(path.join(tmp.corpus, 'a', 'new'));
  fs.writeFileSync(path.join(tmp.corpus, 'a', 'new', 'x.txt'), 'Menteri Luar Negeri bertemu duta besar di Jakarta.\n');
  assert.deepEqual((await open(tmp)).counts, [1, 0, 0, 5], 'a new subfolder with a file');
  fs.rmSync(path.join(tmp.corpus, 'b'), { recursive: true });
  assert.deepEqual((await open(tmp)).counts, [0, 0, 1, 5], 'a removed folder');
  fs.writeFileSync(path.join(tmp.corpus, 'top.txt'), 'Gubernur meresmikan jembatan baru di Medan.\n');
  assert.deepEqual(
    await open(tmp),
    { counts: [1, 0, 0, 5], read: ['all'] },
    'a file added to the corpus folder itself',
  );
});

test('the documented gap: a file rewritten in place is not seen by the folder check, but by kabar index and KABAR_REFRESH=always', async (t) => {
  const tmp = foldersCorpus();
  t.after(tmp.cleanup);
  await open(tmp, { writer: true });
  const file = path.join(tmp.corpus, 'b', fs.readdirSync(path.join(tmp.corpus, 'b')).sort()[0]);
  fs.appendFileSync(file, '\nKalimat tambahan tentang rapat anggaran di Surabaya.\n');
  later(file, 5);
  assert.deepEqual((await open(tmp)).counts, [0, 0, 0, 5], 'unseen: the folder kept its time');
  assert.deepEqual(
    (await open(tmp, { env: { KABAR_REFRESH: 'always' } })).counts,
    [0, 1, 0, 4],
    'always lists every file',
  );
  fs.appendFileSync(file, 'Kalimat kedua.\n');
  later(file, 10);
  assert.deepEqual((await open(tmp, { writer: true })).counts, [0, 1, 0, 4], 'kabar index lists every file');
});

test('KABAR_REFRESH=never answers from the index as it is; kabar index still brings it up to date', async (t) => {
  const tmp = foldersCorpus();
  t.after(tmp.cleanup);
  const never = { KABAR_REFRESH: 'never' };
  await open(tmp, { writer: true, env: never });
  fs.writeFileSync(path.join(tmp.corpus, 'a', 'added.txt'), 'Presiden Widodo mengunjungi Surabaya pada hari Senin.\n');
  assert.deepEqual(await open(tmp, { env: never }), { counts: [0, 0, 0, 5], read: [] });
  assert.deepEqual((await open(tmp, { writer: true, env: never })).counts, [1, 0, 0, 5]);
  assert.throws(() => loadConfig({ KABAR_REFRESH: 'sometimes' }), /KABAR_REFRESH=sometimes is not a known choice/);
});

test('a small corpus is still checked file by file: an edit in place is seen', async (t) => {
  const tmp = foldersCorpus();
  t.after(tmp.cleanup);
  const engine = (writer: boolean) =>
    openEngine({
      config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
      embedder: createHashingEmbedder(),
      writer,
    }).then(async (e) => (await e.close(), e.refresh));
  await engine(true);
  const file = path.join(tmp.corpus, 'a', fs.readdirSync(path.join(tmp.corpus, 'a')).sort()[0]);
  fs.appendFileSync(file, '\nKalimat tambahan tentang rapat anggaran di Surabaya.\n');
  later(file, 5);
  assert.equal((await engine(false)).changed, 1);
});

test('folderOf names the deepest recorded folder of an id, records of archives included', () => {
  const folders = { '': 1, a: 1, 'a/b': 1 };
  assert.equal(folderOf('a/b/x.txt', folders), 'a/b');
  assert.equal(folderOf('a/c/x.txt', folders), 'a');
  assert.equal(folderOf('x.txt', folders), '');
  assert.equal(folderOf('a/feed.rss:https://example.com/a/b', folders), 'a');
  assert.equal(folderOf('a/b/', folders), 'a/b');
});

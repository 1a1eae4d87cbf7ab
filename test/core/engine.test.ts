import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/core/config/config.js';
import { openEngine } from '../../src/core/engine.js';
import { collectAnswer } from '../../src/core/answer/collect.js';
import Database from 'better-sqlite3';
import { createHashingEmbedder } from '../../src/providers/embeddings/hashing.js';
import { UserError } from '../../src/core/errors.js';
import { openLocalStore } from '../../src/core/index/local/sqlite-store.js';
import type { Store, WritePlan } from '../../src/core/index/port.js';
import { tempCorpus } from '../helpers.js';

const open = (corpus: string, index: string, extra: { force?: boolean } = {}) =>
  openEngine({ config: loadConfig({}, { corpus, index }), embedder: createHashingEmbedder(), ...extra });

test('refresh is incremental: a changed, an added and a deleted article are the only ones processed', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const first = await open(tmp.corpus, tmp.index);
  assert.equal(first.refresh.added, 5);
  const again = await open(tmp.corpus, tmp.index);
  assert.deepEqual(
    [again.refresh.added, again.refresh.changed, again.refresh.removed, again.refresh.unchanged],
    [0, 0, 0, 5],
  );

  const ids = async (engine: typeof again) =>
    (await engine.store.article('004_415fcd0bbee670a6.txt'))?.passages.map((p) => p.id) ?? [];
  const idsBefore = await ids(again);
  fs.appendFileSync(
    path.join(tmp.corpus, '003_1ece18336b2add2d.txt'),
    '\nKalimat baru tentang Vladivostok ditambahkan di akhir.',
  );
  fs.writeFileSync(
    path.join(tmp.corpus, 'new.txt'),
    'Jakarta, Kompas - Presiden Widodo mengunjungi Surabaya pada hari Senin.',
  );
  fs.rmSync(path.join(tmp.corpus, '001_4d17da93abf0a46e.txt'));
  const after = await open(tmp.corpus, tmp.index);
  assert.deepEqual(
    [after.refresh.added, after.refresh.changed, after.refresh.removed, after.refresh.unchanged],
    [1, 1, 1, 3],
  );
  assert.deepEqual(await ids(after), idsBefore, 'ids of untouched articles are stable');
  const { hits } = await after.search('Vladivostok');
  assert.equal(hits[0].passage.file, '003_1ece18336b2add2d.txt');
  const gone = await after.search('Zakharova press briefing Thursday videoconference');
  assert.ok(
    gone.hits.every((h) => h.passage.file !== '001_4d17da93abf0a46e.txt'),
    'a deleted article is never found',
  );
  assert.equal((await after.search('Widodo Surabaya')).hits[0].passage.file, 'new.txt');
});

test('a cancelled rebuild leaves the previous index in use', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const first = await open(tmp.corpus, tmp.index);
  const before = await first.store.counts();
  fs.appendFileSync(path.join(tmp.corpus, '002_aa04c277c35a0562.txt'), '\nTambahan kalimat tentang Kazakhstan.');
  const controller = new AbortController();
  let seen = 0;
  await assert.rejects(
    openEngine({
      config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
      embedder: createHashingEmbedder(),
      force: true,
      signal: controller.signal,
      onProgress: () => {
        if (++seen === 3) controller.abort();
      },
    }),
    (error: unknown) => error instanceof UserError && error.code === 'CANCELLED',
  );
  assert.deepEqual(await first.store.counts(), before, 'the committed index is untouched');
  const reopened = await open(tmp.corpus, tmp.index);
  assert.equal(reopened.refresh.changed, 1);
});

const storeDir = (index: string) => fs.readdirSync(index).map((d) => path.join(index, d))[0];

test('a damaged index is rebuilt with a warning instead of failing', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const warnings: string[] = [];
  const reopen = () =>
    openEngine({
      config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
      embedder: createHashingEmbedder(),
      onWarning: (w) => warnings.push(w),
    });
  await (await open(tmp.corpus, tmp.index)).close();
  const db = path.join(storeDir(tmp.index), 'kabar.db');
  for (const suffix of ['-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  fs.writeFileSync(db, 'this is not a database at all, just some bytes that happen to be here');
  assert.equal((await reopen()).refresh.added, 5);
  assert.match(warnings.join('\n'), /Rebuilding the index in .*: it is unreadable/);

  // Counts that disagree with the tables (a half-copied file, an edit by hand).
  const sql = new Database(db);
  sql.prepare("UPDATE meta SET value = '3' WHERE key = 'passages'").run();
  sql.close();
  warnings.length = 0;
  const recounted = await reopen();
  assert.equal(recounted.refresh.added, 5);
  assert.match(warnings.join('\n'), /records 3 passages but holds \d+/);
  await recounted.close();
});

test('a damaged index is left alone while another process holds its write lock', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  await (await open(tmp.corpus, tmp.index)).close();
  const dir = storeDir(tmp.index);
  const db = new Database(path.join(dir, 'kabar.db'));
  db.prepare("UPDATE meta SET value = '3' WHERE key = 'passages'").run();
  db.close();
  const writer = spawn('sleep', ['30']);
  t.after(() => writer.kill());
  const owner = { pid: writer.pid, host: os.hostname(), since: Date.now(), processStart: null };
  fs.writeFileSync(path.join(dir, 'write.lock'), JSON.stringify(owner));
  const before = fs.readFileSync(path.join(dir, 'kabar.db'));
  await assert.rejects(
    openLocalStore(dir, { dimensions: 256 }),
    (error: unknown) => error instanceof UserError && error.code === 'INDEX_LOCKED',
  );
  assert.ok(before.equals(fs.readFileSync(path.join(dir, 'kabar.db'))), 'the database is not replaced');
});

test('a damaged or missing vector graph is rebuilt from the database; search keeps working', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const engine = await open(tmp.corpus, tmp.index);
  const expected = (await engine.search('Vladivostok Shoygu')).hits.map((h) => h.passage.id);
  await engine.close();
  const dir = storeDir(tmp.index);
  const graph = fs.readdirSync(dir).find((f) => f.endsWith('.hnsw'))!;
  const bytes = fs.readFileSync(path.join(dir, graph));
  bytes.fill(7, 200, 400);
  fs.writeFileSync(path.join(dir, graph), bytes);
  const warnings: string[] = [];
  const damaged = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
    onWarning: (w) => warnings.push(w),
  });
  assert.deepEqual(
    (await damaged.search('Vladivostok Shoygu')).hits.map((h) => h.passage.id),
    expected,
  );
  assert.match(
    warnings.join('\n'),
    /vector graph .* is damaged \(its checksum does not match\); rebuilding it from the database/,
  );
  await damaged.close();
  fs.rmSync(path.join(dir, graph));
  const missing = await open(tmp.corpus, tmp.index);
  assert.deepEqual(
    (await missing.search('Vladivostok Shoygu')).hits.map((h) => h.passage.id),
    expected,
  );
  await missing.close();
});

test('binary and non-UTF-8 files are skipped with their reason; an empty corpus is a user error', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  fs.writeFileSync(path.join(tmp.corpus, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  fs.writeFileSync(path.join(tmp.corpus, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x61]));
  const warnings: string[] = [];
  const engine = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
    onWarning: (w) => warnings.push(w),
  });
  assert.equal(engine.refresh.articles, 5);
  assert.deepEqual(engine.refresh.skipped.map((s) => s.file).sort(), ['latin1.txt', 'photo.txt']);
  assert.match(warnings.join('\n'), /Skipped photo\.txt: it is a binary file/);
  const empty = path.join(tmp.dir, 'empty');
  fs.mkdirSync(empty);
  await assert.rejects(open(empty, tmp.index), (e: unknown) => e instanceof UserError && e.code === 'CORPUS_EMPTY');
  const unused = path.join(tmp.dir, 'unused-index');
  await assert.rejects(
    open(path.join(tmp.dir, 'nope'), unused),
    (e: unknown) => e instanceof UserError && e.code === 'CORPUS_MISSING',
  );
  assert.equal(fs.existsSync(unused), false, 'a mistyped corpus creates no index');
});

test('answers cite exact spans, abstain when the articles do not say, and honour filters', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const engine = await open(tmp.corpus, tmp.index);
  const raw = (file: string) => fs.readFileSync(path.join(tmp.corpus, file), 'utf8');

  const lavrov = await collectAnswer(engine.ask('Who did Sergey Lavrov meet in China?'));
  assert.equal(lavrov.abstained, false);
  assert.match(lavrov.answer, /Amir Abdollahian/);
  assert.equal(lavrov.citations[0].file, '002_aa04c277c35a0562.txt');

  const moscow = await collectAnswer(engine.ask('Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?'));
  assert.match(moscow.answer, /tiga kali/);
  assert.deepEqual(
    moscow.citations.map((c) => c.file),
    ['000_e871f56c57ac0511.txt', '001_4d17da93abf0a46e.txt'],
  );
  for (const c of [...lavrov.citations, ...moscow.citations]) assert.equal(raw(c.file).slice(c.start, c.end), c.text);

  const tehran = await collectAnswer(engine.ask('What is the population of Tehran?'));
  assert.equal(tehran.abstained, true);
  assert.deepEqual(tehran.citations, []);

  const onlyEn = await engine.search('sanksi Iran', { filters: { lang: 'en' } });
  assert.ok(onlyEn.hits.length > 0 && onlyEn.hits.every((h) => h.article.lang === 'en'));
  const august = await engine.search('kerja sama militer', { filters: { since: '2020-08', until: '2020-08' } });
  assert.ok(august.hits.length > 0 && august.hits.every((h) => h.article.date?.startsWith('2020-08')));
  const arrahmah = await engine.search('sanksi', { filters: { source: 'arrahmah' } });
  assert.ok(arrahmah.hits.length > 0 && arrahmah.hits.every((h) => h.article.source === 'ARRAHMAHNEWS.COM'));
});

test('an answer that runs over a full stop quotes both sentences, exactly as the file has them', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-pair-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  const text =
    'Tim Universitas Nasional Seoul mengkloning seekor anjing bernama Snuppy.\nIndukan semangnya adalah anjing jenis labrador.\n\nHasil kloning lahir pada April 2005 dan sehat.\n';
  fs.writeFileSync(path.join(corpus, 'snuppy.txt'), text);
  fs.writeFileSync(
    path.join(corpus, 'other.txt'),
    'Presiden Widodo mengunjungi Surabaya pada hari Senin untuk meresmikan jembatan.\n',
  );
  const engine = await open(corpus, path.join(dir, 'index'));
  const answer = await collectAnswer(engine.ask('Jenis anjing apakah indukan semang anjing kloning Snuppy?'));
  assert.equal(answer.abstained, false);
  assert.match(
    answer.support?.text ?? '',
    /Snuppy\.\nIndukan semangnya adalah anjing jenis labrador\./,
    'the two sentences are quoted together',
  );
  const [citation] = answer.citations;
  assert.equal(text.slice(citation.start, citation.end), citation.text);
  assert.match(citation.text, /Snuppy\.\nIndukan/);
});

test('a refresh names every article it will change before it writes, so a shared store can lock them in one order', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  await (await open(tmp.corpus, tmp.index)).close();
  fs.appendFileSync(path.join(tmp.corpus, '003_1ece18336b2add2d.txt'), '\nKalimat baru.');
  fs.writeFileSync(path.join(tmp.corpus, 'new.txt'), 'Presiden Widodo mengunjungi Surabaya.');
  fs.rmSync(path.join(tmp.corpus, '001_4d17da93abf0a46e.txt'));
  const touched = path.join(tmp.corpus, '000_e871f56c57ac0511.txt');
  fs.utimesSync(touched, new Date(), new Date(Date.now() + 5000));
  const plans: (WritePlan | undefined)[] = [];
  const engine = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
    openStore: async (dir, options) => {
      const store: Store = await openLocalStore(dir, options);
      const write = store.write.bind(store);
      store.write = (work, plan) => {
        plans.push(plan);
        return write(work, plan);
      };
      return store;
    },
  });
  t.after(() => engine.close());
  assert.deepEqual(
    plans.map((p) => ({ ...p, articles: [...p!.articles].sort() })),
    [
      {
        articles: ['000_e871f56c57ac0511.txt', '001_4d17da93abf0a46e.txt', '003_1ece18336b2add2d.txt', 'new.txt'],
        clear: false,
      },
    ],
  );
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { findQuote } from '../../../src/core/cite/find.js';
import { normalizeWords } from '../../../src/core/cite/normalize.js';

/** The normalised words of a text, joined: two texts that normalise alike compare equal. */
const normalizeText = (text: string): string =>
  normalizeWords(text)
    .map((w) => w.word)
    .join(' ');
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine, type Engine } from '../../../src/core/engine.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import { tempCorpus } from '../../helpers.js';

const open = (corpus: string, index: string) =>
  openEngine({ config: loadConfig({}, { corpus, index }), embedder: createHashingEmbedder() });

let engine: Engine;
let tmp: ReturnType<typeof tempCorpus>;
before(async () => {
  tmp = tempCorpus();
  engine = await open(tmp.corpus, tmp.index);
});
after(() => tmp.cleanup());

const read = (file: string) => fs.readFileSync(path.join(tmp.corpus, file), 'utf8');

test('an exact quote across glued sentences is found with offsets into the original file', async () => {
  const quote = 'sanksi sepihak terhadap Iran." Menteri Luar Negeri AS Mike Pompeo telah menyatakan';
  const [top] = await findQuote(engine, quote);
  assert.equal(top.kind, 'exact');
  assert.equal(top.score, 1);
  assert.equal(top.file, '000_e871f56c57ac0511.txt');
  assert.equal(top.text, read(top.file).slice(top.start, top.end));
  assert.equal(normalizeText(top.text), normalizeText(quote));
  assert.equal(top.line, read(top.file).slice(0, top.start).split('\n').length);
  assert.ok(top.id.startsWith('000_e871f56c57ac0511.txt#'));
});

test('a fuzzy quote with SMS abbreviations and typos is found below exact confidence', async () => {
  const [top] = await findQuote(
    engine,
    'Khatibzadeh melanjutkan dgn mengatakan bahwa Iran tdk menyukai calon presiden AS dan melihat pemungutan suara yg akan datang sbg masalah internal bagi Washington',
  );
  assert.equal(top.kind, 'fuzzy');
  assert.equal(top.file, '003_1ece18336b2add2d.txt');
  assert.ok(top.score >= 0.75 && top.score < 1);
  assert.match(top.text, /^Khatibzadeh melanjutkan dengan mengatakan/);
});

test('near-misses with a wrong number, name, date or word are not found', async () => {
  for (const quote of [
    'Presiden Iran dan Rusia mengadakan percakapan telepon satu sama lain tujuh kali dalam tahun ini',
    'Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran Mohammad Javad Zarif di China',
    'At the initiative taken by the Islamic Republic of Iran, a webinar meeting on Syria was held on June 1',
    'Amerika Serikat dan sekutu Asianya telah mempelopori sanksi terhadap Rusia.',
    'Federasi Rusia akan menghentikan kerja sama teknis-militer dengan Republik Islam Iran karena ancaman AS.',
  ])
    assert.deepEqual(await findQuote(engine, quote), [], quote);
});

test('a translation is found as a semantic match', async () => {
  const [top] = await findQuote(
    engine,
    'The statement came after Russia became the most sanctioned country in the world since Moscow launched a military operation in Ukraine on February 24.',
  );
  assert.equal(top.kind, 'semantic');
  assert.equal(top.file, '002_aa04c277c35a0562.txt');
  assert.match(top.text, /24 Februari/);
});

test('an English paraphrase of an Indonesian sentence is found through the translations of its words', async () => {
  for (const [quote, file, said] of [
    [
      'Lavrov said Moscow and Tehran will cooperate to overcome Western sanctions',
      '002_aa04c277c35a0562.txt',
      /Moskow dan Teheran akan bekerjasama untuk mengalahkan sanksi barat/,
    ],
    [
      'the defence minister travelled to Moscow to attend an international military forum',
      '004_415fcd0bbee670a6.txt',
      /perjalanan ke Moskow untuk menghadiri Forum Teknis-Militer Internasional/,
    ],
  ] as const) {
    const [top] = await findQuote(engine, quote);
    assert.ok(top, quote);
    assert.equal(top.kind, 'semantic', quote);
    assert.equal(top.file, file, quote);
    assert.match(top.text, said);
    assert.equal(top.text, read(top.file).slice(top.start, top.end));
  }
});

test('the same sentence in several articles is listed for each, the earliest by date marked', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-cite-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  const sentence = 'Menteri pertahanan Iran dan Rusia bertemu di Moskow untuk membahas kerja sama militer.';
  fs.writeFileSync(
    path.join(corpus, 'a.txt'),
    ` date 2021-05 IslamTimes- Laporan terbaru dari Teheran.\n\n${sentence} Pertemuan berlangsung dua jam.\n`,
  );
  fs.writeFileSync(
    path.join(corpus, 'b.txt'),
    ` date 2020-03-14 IRNA- ${sentence}\n\nKedua pihak puas dengan hasilnya.\n`,
  );
  fs.writeFileSync(
    path.join(corpus, 'c.txt'),
    ` date 2019-01 Other- Harga minyak naik tajam minggu ini di pasar Asia.\n`,
  );
  const small = await open(corpus, path.join(dir, 'index'));
  const matches = await findQuote(small, sentence);
  assert.deepEqual(matches.map((m) => [m.file, m.kind]).sort(), [
    ['a.txt', 'exact'],
    ['b.txt', 'exact'],
  ]);
  assert.deepEqual(
    matches.filter((m) => m.earliest).map((m) => m.file),
    ['b.txt'],
  );
  assert.equal(matches.find((m) => m.file === 'b.txt')!.date, '2020-03-14');
});

test('a quote with no words finds nothing; k limits the matches', async () => {
  assert.deepEqual(await findQuote(engine, ' “ ” ... '), []);
  assert.ok((await findQuote(engine, 'Iran', { k: 1 })).length <= 1);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseArticle } from '../../../src/core/corpus/article.js';
import { cleanArticle, sentenceBlocks } from '../../../src/core/corpus/clean.js';
import { splitSentences } from '../../../src/core/corpus/sentences.js';
import { SEEDS } from '../../helpers.js';
import { DEFAULT_CHUNKING } from '../../../src/core/settings.js';

const seeds = fs.readdirSync(SEEDS).map((file) => ({ file, raw: fs.readFileSync(path.join(SEEDS, file), 'utf8') }));

test('every sentence and passage of every seed is an exact slice of the original file', () => {
  for (const { file, raw } of seeds) {
    const { passages } = parseArticle(file, raw, DEFAULT_CHUNKING);
    assert.ok(passages.length > 0, file);
    passages.forEach((p, n) => {
      assert.equal(p.id, `${file}#${n}`);
      assert.equal(raw.slice(p.start, p.end), p.text);
      for (const s of p.sentences) assert.equal(raw.slice(s.start, s.end), s.text);
    });
  }
});

test('glued sentences are split, closing quotes stay with their sentence', () => {
  const text = 'Dia menambahkan, "Sanksi sepihak terhadap Iran."Menteri Luar Negeri AS bicara.Berbicara di sini.';
  assert.deepEqual(
    splitSentences(text).map((s) => s.text),
    ['Dia menambahkan, "Sanksi sepihak terhadap Iran."', 'Menteri Luar Negeri AS bicara.', 'Berbicara di sini.'],
  );
  assert.deepEqual(
    splitSentences('"Selama ini baik," kata dia."Negosiasi berlangsung."').map((s) => s.text),
    ['"Selama ini baik," kata dia.', '"Negosiasi berlangsung."'],
  );
  assert.deepEqual(
    splitSentences('Situs ARRAHMAHNEWS.COM melaporkan. Angka 1.5 persen naik.').map((s) => s.text),
    ['Situs ARRAHMAHNEWS.COM melaporkan.', 'Angka 1.5 persen naik.'],
  );
});

test('header, outlet prefix, caption, read-also links, agency codes and a repeated lede are left out', () => {
  const raw =
    ' date 2020-10 IslamTimes- Lede kalimat yang panjang sekali di sini.\n\nBody pertama di sini ya.Lede kalimat yang panjang sekali di sini.\nBACA JUGA:\n- Tautan lain\nPenutup artikel.(IT/TGM)';
  const cleaned = cleanArticle(raw);
  assert.equal(cleaned.date, '2020-10');
  assert.equal(cleaned.source, 'IslamTimes');
  const texts = sentenceBlocks(raw, cleaned.runs).map((b) => b.map((s) => s.text));
  assert.deepEqual(texts, [
    ['Body pertama di sini ya.', 'Lede kalimat yang panjang sekali di sini.'],
    ['Penutup artikel.'],
  ]);
  const captioned = ' date 2020-08 Two Ministers Meet.jpg\n\nIslamTimes - Menteri bertemu.';
  const caption = cleanArticle(captioned);
  assert.equal(caption.caption, 'Two Ministers Meet');
  assert.equal(sentenceBlocks(captioned, caption.runs)[0][0].text, 'Menteri bertemu.');
});

test('seed metadata: dates, outlets (also from agency codes) and languages', () => {
  const meta = Object.fromEntries(
    seeds.map(({ file, raw }) => [file.slice(0, 3), parseArticle(file, raw, DEFAULT_CHUNKING).article]),
  );
  assert.equal(meta['000'].date, '2020-10');
  assert.equal(meta['000'].source, 'IslamTimes');
  assert.equal(meta['000'].lang, 'id');
  assert.equal(meta['001'].date, '2020-10-22');
  assert.equal(meta['001'].source, 'IRNA');
  assert.equal(meta['001'].lang, 'en');
  assert.equal(meta['002'].source, 'ARRAHMAHNEWS.COM');
  assert.equal(meta['002'].date, null);
  assert.equal(meta['004'].title, 'Amir Hatami and Sergey Shoygu, Iran-Russia Joint Strategy Serving Regional Peace');
});

test('a file with a byte-order mark and CRLF line ends keeps exact offsets', () => {
  const raw = '\uFEFFJakarta, Kompas - Kalimat pertama ada.\r\nKalimat kedua ada di sini.\r\n';
  const { passages } = parseArticle('x.txt', raw, DEFAULT_CHUNKING);
  for (const p of passages) assert.equal(raw.slice(p.start, p.end), p.text);
  assert.equal(passages[0].sentences[0].text, 'Kalimat pertama ada.');
});

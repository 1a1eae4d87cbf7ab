import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countLines, isKnownBoilerplate, recurringLines } from '../../../src/core/corpus/boilerplate.js';
import { cleanArticle, sentenceBlocks } from '../../../src/core/corpus/clean.js';
import { BOILERPLATE } from '../../../src/core/settings.js';

test('known boilerplate lines, and news that merely starts like them', () => {
  for (const line of [
    'Baca juga: Harga cabai naik',
    'Simak juga Video: Banjir',
    'SCROLL TO CONTINUE WITH CONTENT',
    'ADVERTISEMENT',
    'Share this article',
    'Ikuti kami di Instagram',
  ])
    assert.ok(isKnownBoilerplate(line), line);
  for (const line of [
    'Share prices rose 5% on Monday.',
    'Iklan rokok dilarang di televisi sejak 2012.',
    'Related parties were fined.',
  ])
    assert.ok(!isKnownBoilerplate(line), line);
});

test('markers glued into a paragraph are cut out; the runs around them keep exact offsets', () => {
  const raw =
    'Polusi naik. Baca JugaWFH berdampak. Kata dia (5/12/2024). Baca juga: Banjir di Malaysia Sejauh ini aman. Lalu hujan.';
  const sentences = sentenceBlocks(raw, cleanArticle(raw).runs).flat();
  assert.deepEqual(
    sentences.map((s) => s.text),
    ['Polusi naik.', 'WFH berdampak.', 'Kata dia (5/12/2024).', 'Lalu hujan.'],
  );
  for (const s of sentences) assert.equal(raw.slice(s.start, s.end), s.text);
});

test('recurring lines: running totals, a threshold of 5 articles and 2% of them, short lines only', () => {
  const counts = {};
  const footer = 'Dapatkan kabar terbaru dari redaksi';
  for (let i = 0; i < 5; i++) countLines(counts, `Berita ${i} panjang sekali.\n${footer}\nJakarta`, 1, BOILERPLATE);
  assert.deepEqual(recurringLines(counts, 5, BOILERPLATE), ['dapatkan kabar terbaru dari redaksi']);
  assert.deepEqual(recurringLines(counts, 1000, BOILERPLATE), [], 'in 5 of 1,000 articles it is no boilerplate');
  countLines(counts, `x\n${footer}`, -1, BOILERPLATE);
  assert.deepEqual(recurringLines(counts, 4, BOILERPLATE), []);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { findExact } from '../../../src/core/cite/exact.js';
import { fuzzyWords, normalizeWords } from '../../../src/core/cite/normalize.js';

/** The normalised words of a text, joined: two texts that normalise alike compare equal. */
const normalizeText = (text: string): string =>
  normalizeWords(text)
    .map((w) => w.word)
    .join(' ');
import { ROOT, SEEDS } from '../../helpers.js';

test('normalised words point back at their original characters', () => {
  const text = ' “Ancaman AS.Berbicara  dalam—konferensi 23/8 ÉTÉ';
  const words = normalizeWords(text);
  assert.deepEqual(
    words.map((w) => w.word),
    ['ancaman', 'as', 'berbicara', 'dalam', 'konferensi', '23', '8', 'ete'],
  );
  for (const w of words) assert.equal(normalizeText(text.slice(w.start, w.end)), w.word);
  assert.equal(words[0].capital, true);
  assert.equal(normalizeWords('empat kali, four times')[0].number, '4');
});

test('property: every exact match of a seed sentence slices back to text that normalises to the quote', () => {
  for (const name of fs.readdirSync(SEEDS)) {
    const raw = fs.readFileSync(path.join(SEEDS, name), 'utf8');
    // Quotes made of every run of 4 to 12 words of the article, with the article's own punctuation between.
    const words = normalizeWords(raw);
    for (let i = 0; i + 12 < words.length; i += 7) {
      const length = 4 + (i % 9);
      const quote = raw.slice(words[i].start, words[i + length - 1].end).toUpperCase();
      const matches = findExact(raw, quote);
      assert.ok(matches.length >= 1, `${name}: ${quote}`);
      for (const m of matches) assert.equal(normalizeText(raw.slice(m.start, m.end)), normalizeText(quote));
    }
  }
});

test('property: the exact and boundary cases of eval/cite.jsonl match at their gold offsets', () => {
  const cases = fs
    .readFileSync(path.join(ROOT, 'eval', 'cite.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  for (const c of cases.filter((c) => c.kind === 'exact' || c.kind === 'boundary')) {
    const raw = fs.readFileSync(path.join(SEEDS, c.file), 'utf8');
    const matches = findExact(raw, c.quote);
    assert.deepEqual(matches[0], { start: c.start, end: c.end }, c.id);
    assert.equal(normalizeText(raw.slice(c.start, c.end)), normalizeText(c.quote), c.id);
  }
});

test('exact matches cross glued sentences and cover the quote marks the quote has', () => {
  const raw = 'Dia berkata, "Amerika mengancam Iran."Menteri Luar Negeri AS datang. Lalu pergi.';
  const [m] = findExact(raw, 'mengancam Iran." Menteri luar negeri');
  assert.equal(raw.slice(m.start, m.end), 'mengancam Iran."Menteri Luar Negeri');
  const [bare] = findExact(raw, 'Iran Menteri');
  assert.equal(raw.slice(bare.start, bare.end), 'Iran."Menteri');
  assert.deepEqual(findExact(raw, 'Menteri Luar Negeri Rusia'), []);
});

test('fuzzy words expand SMS abbreviations and reduplication, keeping offsets', () => {
  const quote = 'Rusia yg bekerja sama dgn Iran utk langkah2 tdk krn';
  const words = fuzzyWords(quote);
  assert.deepEqual(
    words.map((w) => w.word),
    ['rusia', 'yang', 'bekerja', 'sama', 'dengan', 'iran', 'untuk', 'langkah', 'langkah', 'tidak', 'karena'],
  );
  assert.equal(quote.slice(words[1].start, words[1].end), 'yg');
});

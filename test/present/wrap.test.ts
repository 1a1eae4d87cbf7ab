import assert from 'node:assert/strict';
import test from 'node:test';
import { displayWidth, truncate, wrapSegments, wrapStream, wrapText } from '../../src/present/wrap.js';

const TEXT =
  'Dalam pertemuan dengan mitranya dari Rusia Sergey Shoygu pada hari Minggu (23/8), Menteri Pertahanan Iran Brigadir Jenderal Amir Hatami mengatakan bahwa Tehran dan Moskow perlu untuk mempromosikan kerja sama di bidang pertahanan dan keamanan regional.';
const WORDS = new Set(TEXT.split(' '));

for (const width of [80, 100, 110, 120]) {
  test(`at ${width} columns no word is split, no line overruns, and every continuation line is indented`, () => {
    const lines = wrapText(TEXT, width, 4).split('\n');
    assert.ok(lines.length > 1);
    lines.forEach((line, i) => {
      assert.ok(displayWidth(line) <= width, `line ${i} is ${displayWidth(line)} columns`);
      if (i > 0) assert.match(line, /^ {4}\S/);
      for (const word of line.trim().split(' ')) assert.ok(WORDS.has(word), `"${word}" is a piece of a word`);
    });
    assert.equal(lines.map((l) => l.trim()).join(' '), TEXT);
  });
}

test('wide characters count two columns', () => {
  const lines = wrapText('東京 大阪 名古屋 札幌 福岡 神戸 京都 横浜', 12).split('\n');
  assert.deepEqual(lines, ['東京 大阪', '名古屋 札幌', '福岡 神戸', '京都 横浜']);
  for (const line of lines) assert.ok(displayWidth(line) <= 12);
});

test('styles survive the wrap and explicit line breaks start indented continuation lines', () => {
  const lines = wrapSegments(
    [
      { text: '› ', style: 'accent' },
      { text: 'Where did the ministers meet?\nAnd when', style: 'bold' },
    ],
    20,
    2,
  );
  assert.deepEqual(lines, [
    [
      { text: '› ', style: 'accent' },
      { text: 'Where did the', style: 'bold' },
    ],
    [{ text: 'ministers meet?', style: 'bold' }],
    [{ text: 'And when', style: 'bold' }],
  ]);
});

test('only a word longer than a whole line is cut', () => {
  const url = `https://example.org/${'x'.repeat(40)}`;
  const lines = wrapText(`see ${url} now`, 20).split('\n');
  assert.equal(lines[0], 'see');
  assert.equal(lines.slice(1, -1).join(''), url);
  assert.ok(lines.every((l) => displayWidth(l) <= 20));
});

test('a one-line title is truncated with an ellipsis to the width, counting wide characters', () => {
  assert.equal(truncate('Iran and Russia meet in Moscow', 40), 'Iran and Russia meet in Moscow');
  assert.equal(truncate('Iran and Russia meet in Moscow', 16), 'Iran and Russia…');
  const wide = truncate('東京で会談した外相たち', 9);
  assert.equal(wide, '東京で会…');
  assert.ok(displayWidth(wide) <= 9);
});

test('a streamed text wraps exactly as the whole text does, whatever the pieces', () => {
  for (const size of [1, 3, 7, 50]) {
    let out = '';
    const stream = wrapStream(40, 2, (t) => (out += t));
    for (let i = 0; i < TEXT.length; i += size) stream.push(TEXT.slice(i, i + size));
    stream.end();
    assert.equal(out, wrapText(TEXT, 40, 2), `pieces of ${size}`);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Style } from '../../src/present/style.js';
import { formatTable } from '../../src/present/table.js';
import { displayWidth } from '../../src/present/wrap.js';

const plain: Style = {
  bold: (t) => t,
  dim: (t) => t,
  accent: (t) => t,
  highlight: (t) => t,
  warn: (t) => t,
  error: (t) => t,
};
const marking: Style = { ...plain, bold: (t) => `*${t}*` };

test('columns are aligned by display width, numbers to the right', () => {
  const text = formatTable(
    ['name', 'hits'],
    [
      ['Moskow', '3'],
      ['東京', '12'],
      ['Tehran', '0.5'],
    ],
    plain,
    { align: ['left', 'right'] },
  );
  const lines = text.split('\n');
  assert.deepEqual(lines, ['name    hits', 'Moskow     3', '東京      12', 'Tehran   0.5']);
  assert.equal(new Set(lines.map(displayWidth)).size, 1);
});

test('the best figure of each column is marked, higher or lower as the column says; "–" and lone numbers are not', () => {
  const rows = [
    ['all', '0.50', '80', '–'],
    ['en', '1.00', '40', '–'],
    ['id', '0.00', '120', '0.3'],
  ];
  const lines = formatTable(['', 'hit', 'p50 ms', 'other'], rows, marking, {
    better: [undefined, 'higher', 'lower', 'higher'],
  }).split('\n');
  assert.match(lines[2], /\*1\.00\*/);
  assert.match(lines[2], /\*40\*/);
  assert.doesNotMatch(lines[3], /\*/);
  assert.doesNotMatch(
    formatTable(
      ['', 'hit'],
      rows.map((r) => r.slice(0, 2)),
      plain,
      { better: [undefined, 'higher'] },
    ),
    /\*/,
    'no mark without styles (piped)',
  );
});

test('on a terminal a long last column wraps by words under itself', () => {
  const style = { ...plain, width: 40 };
  const lines = formatTable(
    ['id', 'text'],
    [['a', 'Menteri Luar Negeri Rusia Sergey Lavrov bertemu timpalannya dari Iran di Moskow']],
    style,
  ).split('\n');
  assert.ok(lines.length > 2);
  for (const line of lines) assert.ok(displayWidth(line) <= 40, line);
  for (const line of lines.slice(2)) assert.match(line, /^ {4}\S/);
});

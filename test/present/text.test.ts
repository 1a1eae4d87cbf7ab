import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonLine } from '../../src/present/json.js';
import { terminalSafe } from '../../src/present/terminal-safe.js';
import { byline, citedWindow, oneLine, readable, snippet } from '../../src/present/text.js';

test('terminalSafe shows every control but tab and newline as a visible symbol', () => {
  assert.equal(terminalSafe('plain text\twith tab\nand newline'), 'plain text\twith tab\nand newline');
  assert.equal(terminalSafe('a\x1b]0;title\x07b'), 'a␛]0;title␇b');
  assert.equal(terminalSafe('\x1b[2J\x1bP1|x\x1b\\'), '␛[2J␛P1|x␛\\');
  assert.equal(terminalSafe('C1 \u009b31m \u009d0;x\u009c \u0090q'), 'C1 \\x9b31m \\x9d0;x\\x9c \\x90q');
  assert.equal(terminalSafe('del\x7f nul\x00'), 'del␡ nul␀');
  assert.equal(terminalSafe('line one\r\nline two\rover'), 'line one\nline two␍over');
  assert.equal(terminalSafe(terminalSafe('\x1b[31m')), '␛[31m');
});

test('terminalSafe shows bidirectional overrides and isolates as code points; JSON keeps them exact', () => {
  const trojan = 'access = "user\u202e \u2066// admin\u2069 \u2067"\u202a\u202b\u202c\u202d\u2068';
  assert.equal(
    terminalSafe(trojan),
    'access = "user<U+202E> <U+2066>// admin<U+2069> <U+2067>"<U+202A><U+202B><U+202C><U+202D><U+2068>',
  );
  assert.equal(
    terminalSafe('left-to-right mark \u200e and Arabic مرحبا stay'),
    'left-to-right mark \u200e and Arabic مرحبا stay',
  );
  const line = jsonLine({ text: trojan });
  assert.doesNotMatch(line, /[\u202a-\u202e\u2066-\u2069]/);
  assert.deepEqual(JSON.parse(line), { text: trojan });
});

test('jsonLine keeps the exact value and writes C1 controls and line separators as escapes', () => {
  const value = { text: 'a\x1b[2J\u009b31m\u2028b\x7f', n: 1 };
  const line = jsonLine(value);
  assert.ok(line.endsWith('\n'));
  assert.doesNotMatch(line.slice(0, -1), /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  assert.deepEqual(JSON.parse(line), value);
});

test('one-line helpers flatten white space, cut at words and stay safe', () => {
  assert.equal(oneLine('a\r\n b\x1b[8m'), 'a b␛[8m');
  assert.equal(byline({ source: null, date: null, lang: 'id' }), 'unknown outlet · undated · id');
  assert.equal(byline({ source: 'IRNA\x1b]8;;x\x07', date: '2020', lang: 'en' }), 'IRNA␛]8;;x␇ · 2020 · en');
  assert.equal(snippet('one two three four five six', 12), 'one two…');
  assert.equal(readable('first line\r\nsame paragraph\r\n\r\nsecond\x07'), 'first line same paragraph\n\nsecond␇');
});

test('citedWindow keeps words around the cited span and falls back to the span alone', () => {
  const text = 'The minister said on Monday that the talks in Moscow went well for both sides.';
  const start = text.indexOf('the talks');
  const end = start + 'the talks'.length;
  assert.deepEqual(citedWindow({ start: 100, text }, 100 + start, 100 + end, 'the talks', 20), {
    before: '…on Monday that ',
    cited: 'the talks',
    after: ' in Moscow went…',
  });
  assert.deepEqual(citedWindow(undefined, 0, 4, ' x\x1b '), { before: '', cited: 'x␛', after: '' });
});

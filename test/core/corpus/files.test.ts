import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { splitLongSentence, chunkArticle } from '../../../src/core/corpus/chunk.js';
import { readArticleFile, scanCorpus, type ScanFs } from '../../../src/core/corpus/scan.js';
import type { Skipped } from '../../../src/core/types.js';
import { skipWarnings } from '../../../src/core/corpus/skip-warnings.js';
import { runCli } from '../../helpers.js';
import { DEFAULT_CHUNKING } from '../../../src/core/settings.js';

function folder(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-files-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const failing = (code: string) => Object.assign(new Error(code), { code });

test('an unreadable subfolder is skipped with a warning naming it', (t) => {
  const dir = folder({ 'a.txt': 'Satu.', 'locked/b.txt': 'Dua.' });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const io: ScanFs = {
    readdir: (f) => {
      if (f.endsWith('locked')) throw failing('EACCES');
      return fs.readdirSync(f, { withFileTypes: true });
    },
    stat: (f) => fs.statSync(f),
  };
  const skips: Skipped[] = [];
  const files = scanCorpus(dir, { fs: io, onSkip: (s) => skips.push(s) });
  assert.deepEqual(
    files.map((f) => f.file),
    ['a.txt'],
  );
  assert.deepEqual(skipWarnings(skips), ['Skipped the folder locked: it cannot be read (permission denied).']);
});

test('a file that disappears between listing and reading is treated as deleted', (t) => {
  const dir = folder({ 'a.txt': 'Satu.', 'b.txt': 'Dua.' });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const io: ScanFs = {
    readdir: (f) => fs.readdirSync(f, { withFileTypes: true }),
    stat: (f) => {
      if (f.endsWith('b.txt')) throw failing('ENOENT');
      return fs.statSync(f);
    },
  };
  assert.deepEqual(
    scanCorpus(dir, { fs: io }).map((f) => f.file),
    ['a.txt'],
  );
  const gone = readArticleFile(path.join(dir, 'nothing.txt'));
  assert.equal(gone.ok, false);
  assert.equal(!gone.ok && gone.gone, true);
});

test('symbolic links are not followed, and said so once', (t) => {
  const dir = folder({ 'a.txt': 'Satu.' });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const name of ['l1.txt', 'l2.txt', 'l3.txt']) fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, name));
  const skips: Skipped[] = [];
  assert.equal(scanCorpus(dir, { onSkip: (s) => skips.push(s) }).length, 1);
  assert.deepEqual(skipWarnings(skips), ['3 symbolic links were not followed.']);
  assert.deepEqual(skipWarnings(skips, skips.slice(0, 2)), ['1 symbolic link was not followed.']);
});

test('a NUL byte anywhere makes a file binary; UTF-16 with a byte-order mark is decoded', (t) => {
  const late = Buffer.concat([Buffer.from('a'.repeat(10_000)), Buffer.from([0]), Buffer.from('b')]);
  const text = 'Lavrov bertemu Zakharova di Moskow.';
  const be = Buffer.from(text, 'utf16le').swap16();
  const dir = folder({
    'late.txt': late,
    'le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    'be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
  });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  assert.deepEqual(readArticleFile(path.join(dir, 'late.txt')), { ok: false, reason: 'it is a binary file, not text' });
  assert.deepEqual(readArticleFile(path.join(dir, 'le.txt')), { ok: true, raw: text });
  assert.deepEqual(readArticleFile(path.join(dir, 'be.txt')), { ok: true, raw: text });
});

test('an over-long sentence is split at the passage limit with exact offsets', () => {
  const raw = `Awal. ${'x'.repeat(2_000_000)} akhir kata di sini`;
  const pieces = splitLongSentence(raw, { start: 6, end: raw.length, text: raw.slice(6) }, 500);
  assert.ok(pieces.length >= 4000);
  for (const p of pieces) {
    assert.ok(p.end - p.start <= 500);
    assert.equal(raw.slice(p.start, p.end), p.text);
  }
  const words = 'kata '.repeat(300).trim();
  const split = splitLongSentence(words, { start: 0, end: words.length, text: words }, 500);
  assert.ok(split.every((p) => !p.text.startsWith(' ') && !p.text.endsWith(' ') && p.text.endsWith('kata')));
  const passages = chunkArticle(
    'f.txt',
    raw,
    [
      [
        { start: 0, end: 5, text: 'Awal.' },
        { start: 6, end: raw.length, text: raw.slice(6) },
      ],
    ],
    DEFAULT_CHUNKING,
  );
  assert.ok(
    passages.every((p) => p.end - p.start <= DEFAULT_CHUNKING.maxChars && raw.slice(p.start, p.end) === p.text),
  );
});

test('--index pointing at a file ends in one sentence and exit 2', (t) => {
  const dir = folder({ 'corpus/a.txt': 'Lavrov bertemu Zakharova di Moskow.', 'index-file': 'not a folder' });
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const result = runCli([
    '--corpus',
    path.join(dir, 'corpus'),
    '--index',
    path.join(dir, 'index-file'),
    'search',
    'Lavrov',
  ]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /is a file/);
  assert.doesNotMatch(result.stderr, /internal error/);
});

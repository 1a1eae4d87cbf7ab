import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, SEEDS } from '../helpers.js';

/** A small fixture corpus: two seed articles copied into a temp dir, with the index beside them. */
function fixture() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-cite-e2e-'));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  for (const f of ['000_e871f56c57ac0511.txt', '002_aa04c277c35a0562.txt'])
    fs.copyFileSync(path.join(SEEDS, f), path.join(corpus, f));
  return {
    corpus,
    base: ['--corpus', corpus, '--index', path.join(dir, 'index')],
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

test('kabar cite --json: exit 0 with exact slices, 1 when not found, 2 for a bad flag', (t) => {
  const fx = fixture();
  t.after(fx.cleanup);
  const found = runCli([
    ...fx.base,
    'cite',
    '--json',
    'Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China',
  ]);
  assert.equal(found.code, 0, found.stderr);
  const out = JSON.parse(found.stdout);
  assert.deepEqual(Object.keys(out), ['quote', 'matches']);
  assert.ok(out.matches.length >= 1);
  for (const m of out.matches) {
    assert.deepEqual(Object.keys(m), ['file', 'id', 'start', 'end', 'line', 'text', 'score', 'kind']);
    assert.equal(fs.readFileSync(path.join(fx.corpus, m.file), 'utf8').slice(m.start, m.end), m.text);
  }
  assert.equal(out.matches[0].kind, 'exact');
  assert.equal(out.matches[0].file, '002_aa04c277c35a0562.txt');

  const stdin = runCli([...fx.base, 'cite', '-', '--json'], {
    input: 'Amerika Serikat dan sekutu Eropanya telah mempelopori sanksi terhadap Rusia.\n',
  });
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.equal(JSON.parse(stdin.stdout).matches[0].start, 1244);

  const absent = runCli([
    ...fx.base,
    'cite',
    '--json',
    'Amerika Serikat dan sekutu Asianya telah mempelopori sanksi terhadap Rusia.',
  ]);
  assert.equal(absent.code, 1);
  assert.deepEqual(JSON.parse(absent.stdout).matches, []);
  const absentText = runCli([
    ...fx.base,
    'cite',
    'Putin and Rouhani agreed by phone on Thursday to expand military cooperation.',
  ]);
  assert.equal(absentText.code, 1);
  assert.equal(absentText.stdout, '');
  assert.match(absentText.stderr, /No article contains or says that quote/);

  assert.equal(runCli([...fx.base, 'cite', '--k', '0', 'Lavrov']).code, 2);
  assert.equal(runCli([...fx.base, 'cite', '...']).code, 2);
});

test('kabar cite prints kind, score, file:line, outlet and the match in its sentence', (t) => {
  const fx = fixture();
  t.after(fx.cleanup);
  const { code, stdout } = runCli([
    ...fx.base,
    'cite',
    'Lavrov mengatakan bahwa Rusia akan bekerja sama dgn Iran utk mengambil langkah2 praktis',
  ]);
  assert.equal(code, 0);
  assert.match(stdout, /^1\. fuzzy · 0\.\d+ · 002_aa04c277c35a0562\.txt:\d+/);
  assert.match(stdout, /ARRAHMAHNEWS\.COM · undated · id/);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

const skippedLines = (stderr: string) => stderr.split('\n').filter((l) => /Skipped|symbolic link/.test(l));

test('skipped files are warned on index and listed by info; other commands warn once per new skip', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  fs.writeFileSync(path.join(tmp.corpus, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  fs.symlinkSync(path.join(tmp.corpus, 'photo.txt'), path.join(tmp.corpus, 'link.txt'));

  const first = runCli([...base, 'index']);
  assert.equal(first.code, 0, first.stderr);
  assert.deepEqual(skippedLines(first.stderr), [
    'warning: Skipped photo.txt: it is a binary file, not text.',
    'warning: 1 symbolic link was not followed.',
  ]);
  assert.match(first.stdout, /2 skipped/);

  const search = runCli([...base, 'search', 'Lavrov']);
  assert.equal(search.code, 0, search.stderr);
  assert.deepEqual(skippedLines(search.stderr), [], 'already recorded by the index: not repeated');

  const again = runCli([...base, 'index']);
  assert.deepEqual(skippedLines(again.stderr).length, 2, 'kabar index always says what it skips');

  fs.writeFileSync(path.join(tmp.corpus, 'latin1.txt'), Buffer.from('Caf\xe9 ferm\xe9.', 'latin1'));
  const ask = runCli([...base, 'ask', 'Who did Sergey Lavrov meet in China?']);
  assert.equal(ask.code, 0, ask.stderr);
  assert.deepEqual(
    skippedLines(ask.stderr),
    ['warning: Skipped latin1.txt: it is not UTF-8 text.'],
    'only the new skip',
  );
  assert.deepEqual(skippedLines(runCli([...base, 'search', 'Lavrov']).stderr), []);

  const info = runCli([...base, 'info']);
  assert.equal(info.code, 0, info.stderr);
  assert.match(info.stdout, /Skipped latin1\.txt: it is not UTF-8 text\./);
  assert.match(info.stdout, /Skipped photo\.txt: it is a binary file, not text\./);
  assert.match(info.stdout, /1 symbolic link was not followed\./);
  const json = JSON.parse(runCli([...base, 'info', '--json']).stdout) as {
    indexes: { counts: { skipped: number }; skipped: { file: string }[] }[];
  };
  assert.equal(json.indexes[0].counts.skipped, 3);
  assert.deepEqual(json.indexes[0].skipped.map((s) => s.file).sort(), ['latin1.txt', 'link.txt', 'photo.txt']);
});

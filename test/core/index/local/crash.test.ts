import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { inconsistencies, killAfter } from '../../../../scripts/crash-index.js';
import { CLI, runCli, tempCorpus } from '../../../helpers.js';

test('kill -9 during a build and during a refresh leaves a usable, consistent index', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  assert.equal(runCli([...base, 'index']).code, 0);
  const dir = fs
    .readdirSync(tmp.index)
    .map((d) => path.join(tmp.index, d))
    .find((d) => fs.statSync(d).isDirectory())!;
  for (const [n, delay] of [
    [0, 350],
    [1, 500],
    [2, 650],
  ]) {
    fs.appendFileSync(
      path.join(tmp.corpus, '002_aa04c277c35a0562.txt'),
      `\nKalimat tambahan ${n} tentang Vladivostok.`,
    );
    const child = spawn(process.execPath, [CLI, ...base, 'index', ...(n % 2 ? [] : ['--rebuild'])], {
      env: { ...process.env, KABAR_LLM: 'none', KABAR_EMBEDDINGS: 'hashing' },
      stdio: 'ignore',
    });
    await killAfter(child, delay);
    assert.deepEqual(inconsistencies(dir), []);
    const search = runCli([...base, 'search', '--json', 'Vladivostok']);
    assert.equal(search.code, 0, search.stderr);
    assert.doesNotMatch(search.stderr, /Rebuilding|damaged/);
    assert.ok(JSON.parse(search.stdout).hits.length > 0);
  }
});

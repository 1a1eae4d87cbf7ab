import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { processStart } from '../../../src/core/index/lock.js';
import { liveProcess, runCli, storeDir, tempCorpus } from '../../helpers.js';

test('while another process writes the index, ask and search answer from the committed index; index names the writer', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const writer = await liveProcess(t, 60);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  assert.equal(runCli([...base, 'index']).code, 0);
  fs.writeFileSync(
    path.join(storeDir(tmp.index), 'write.lock'),
    JSON.stringify({
      pid: writer.pid,
      host: os.hostname(),
      since: Date.now() - 3000,
      processStart: processStart(writer.pid!),
    }),
  );
  fs.writeFileSync(
    path.join(tmp.corpus, 'new.txt'),
    'Presiden Widodo mengunjungi Surabaya pada hari Senin untuk meresmikan jembatan.',
  );

  const ask = runCli([...base, 'ask', 'Who did Sergey Lavrov meet in China?']);
  assert.equal(ask.code, 0, ask.stderr);
  assert.match(ask.stdout, /Abdollahian/);
  assert.match(ask.stderr, new RegExp(`being refreshed by another process.*pid ${writer.pid}`));
  const search = runCli([...base, 'search', 'Widodo Surabaya']);
  assert.equal(search.code, 1, `no match (exit 1), not blocked: the uncommitted article is not seen. ${search.stderr}`);
  assert.match(search.stderr, /being refreshed by another process/);

  const index = runCli([...base, 'index']);
  assert.equal(index.code, 2);
  assert.match(
    index.stderr,
    new RegExp(`Another kabar process \\(pid ${writer.pid}\\) has been updating the index in .* for \\d+ s\\.`),
  );
});

const canMount =
  process.getuid?.() === 0 &&
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-probe-'))])
    .status === 0;

test(
  'a full disk while saving: index says so in one sentence (exit 2); reading commands keep answering',
  { skip: !canMount && 'mounting a small tmpfs needs root' },
  async (t) => {
    const tmp = tempCorpus();
    const mount = path.join(tmp.dir, 'small');
    fs.mkdirSync(mount);
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mount]).status, 0);
    t.after(() => {
      spawnSync('umount', [mount]);
      tmp.cleanup();
    });
    const base = ['--corpus', tmp.corpus, '--index', mount];
    assert.equal(runCli([...base, 'index']).code, 0);
    // Fill the device to the last byte.
    const filler = fs.openSync(path.join(mount, 'filler'), 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(filler, block);
    } catch {
      for (;;) {
        try {
          fs.writeSync(filler, Buffer.alloc(512, 1));
        } catch {
          break;
        }
      }
    }
    fs.closeSync(filler);
    fs.writeFileSync(
      path.join(tmp.corpus, 'big.txt'),
      'Presiden Widodo mengunjungi Surabaya pada hari Senin. '.repeat(300),
    );

    const index = runCli([...base, 'index']);
    assert.equal(index.code, 2, index.stderr);
    assert.match(
      index.stderr,
      /^kabar: No space left on the device holding the index \(.*\); free space or use --index DIR\.\n$/,
    );
    const ask = runCli([...base, 'ask', 'Who did Sergey Lavrov meet in China?']);
    assert.equal(ask.code, 0, ask.stderr);
    assert.match(ask.stdout, /Abdollahian/);
    assert.match(ask.stderr, /No space left on the device holding the index.*Answering from the index as it was/);
    fs.rmSync(path.join(mount, 'filler'));
    const again = runCli([...base, 'index']);
    assert.equal(again.code, 0, again.stderr);
  },
);

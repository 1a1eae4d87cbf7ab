import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, tempCorpus } from '../helpers.js';

/** Starts `kabar index --watch`; resolves with the process once it is watching. */
function watching(corpus: string, index: string) {
  const child = spawn(process.execPath, [CLI, '--corpus', corpus, '--index', index, 'index', '--watch'], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (c) => (out.stdout += c));
  child.stderr.on('data', (c) => (out.stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const until = async (seen: () => boolean) => {
    for (let waited = 0; !seen(); waited += 50) {
      if (waited > 20_000) throw new Error(`timed out; stderr: ${out.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, out, exited, until };
}

test('index --watch refreshes on a change, and Ctrl+C between refreshes ends it cleanly (exit 0)', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const run = watching(tmp.corpus, tmp.index);
  t.after(() => run.child.kill('SIGKILL'));
  await run.until(() => run.out.stderr.includes('Ctrl+C stops'));
  fs.writeFileSync(
    path.join(tmp.corpus, 'baru.txt'),
    'Banjir melanda Semarang pada hari Senin. Air setinggi satu meter merendam rumah warga.\n',
  );
  await run.until(() => /1 added/.test(run.out.stdout));
  run.child.kill('SIGINT');
  assert.equal(await run.exited, 0);
  assert.match(run.out.stderr, /Stopped watching .*\.\n$/);
  assert.doesNotMatch(run.out.stderr, /Cancelled/);
});

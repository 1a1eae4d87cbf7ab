import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { acquireWriteLock, processStart } from '../../../src/core/index/lock.js';
import { UserError } from '../../../src/core/errors.js';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-lock-'));
const lockFile = (dir: string) => path.join(dir, 'write.lock');

for (const [name, content, reason] of [
  ['an empty lock (a full disk)', '', /it was empty/],
  ['an unparseable lock', '12ab{', /it could not be read/],
  [
    'a lock of a process that is gone',
    JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), since: Date.now() - 5000, processStart: null }),
    /is no longer running/,
  ],
  [
    'a lock naming a live but unrelated process (pid reused after a reboot)',
    JSON.stringify({ pid: 1, host: os.hostname(), since: Date.now() - 5000, processStart: 'another-boot:1' }),
    /process 1 is another program now/,
  ],
] as const) {
  test(`${name} is taken over with a warning`, () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(lockFile(dir), content);
      const warnings: string[] = [];
      const release = acquireWriteLock(dir, (w) => warnings.push(w));
      assert.match(warnings.join('\n'), reason);
      assert.equal(JSON.parse(fs.readFileSync(lockFile(dir), 'utf8')).pid, process.pid);
      release();
      assert.equal(fs.existsSync(lockFile(dir)), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a running writer is named with its pid and how long it has been running', async () => {
  const dir = tempDir();
  const child = spawn('sleep', ['30']);
  try {
    await new Promise((r) => child.once('spawn', r));
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({
        pid: child.pid,
        host: os.hostname(),
        since: Date.now() - 125_000,
        processStart: processStart(child.pid!),
      }),
    );
    assert.throws(
      () => acquireWriteLock(dir, () => {}),
      (e: unknown) =>
        e instanceof UserError &&
        e.code === 'INDEX_LOCKED' &&
        new RegExp(`pid ${child.pid}\\) has been updating the index in .* for 2 min 5 s`).test(e.message),
    );
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('writers racing for the lock: exactly one gets it, none sees it half-written, no draft stays', async () => {
  const dir = tempDir();
  const lockModule = new URL('../../../src/core/index/lock.ts', import.meta.url).href;
  // Each racer says it is ready, waits for the word to go, tries once, says whether it got the lock and what
  // it was warned of, and holds on until told to stop: however slowly the racers start, all try at once.
  const racer = `const { acquireWriteLock } = await import(${JSON.stringify(lockModule)});
const { createInterface } = await import('node:readline');
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.log('ready');
await lines.next();
const warnings = []; let got = false;
try { acquireWriteLock(process.argv[1], (w) => warnings.push(w)); got = true; } catch {}
console.log(JSON.stringify({ got, warnings }));
await lines.next();`;
  try {
    const racers = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', racer, dir]);
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      const next = async () => ((await lines.next()).value as string | undefined) ?? '';
      const exited = new Promise((resolve) => child.on('close', resolve));
      return { child, next, exited };
    });
    for (const r of racers) assert.equal(await r.next(), 'ready');
    for (const r of racers) r.child.stdin.write('go\n');
    const outcomes = await Promise.all(
      racers.map(async (r) => JSON.parse(await r.next()) as { got: boolean; warnings: string[] }),
    );
    for (const r of racers) r.child.stdin.end();
    await Promise.all(racers.map((r) => r.exited));
    assert.equal(outcomes.filter((o) => o.got).length, 1, JSON.stringify(outcomes));
    assert.deepEqual(
      outcomes.flatMap((o) => o.warnings),
      [],
    );
    assert.deepEqual(fs.readdirSync(dir), ['write.lock']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

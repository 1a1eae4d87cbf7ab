import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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
  // Each racer waits for the same moment, tries once, and says whether it got the lock and what it was warned of.
  const racer = `const { acquireWriteLock } = await import(${JSON.stringify(lockModule)});
const at = Number(process.argv[1]); while (Date.now() < at) {}
const warnings = []; let got = false;
try { acquireWriteLock(process.argv[2], (w) => warnings.push(w)); got = true; } catch {}
console.log(JSON.stringify({ got, warnings })); setTimeout(() => {}, 1500);`;
  try {
    const at = Date.now() + 3000; // every racer has started by then, and holds on until all have tried
    const outcomes = await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise<{ got: boolean; warnings: string[] }>((resolve, reject) => {
            const child = spawn(process.execPath, [
              '--import',
              'tsx',
              '--input-type=module',
              '-e',
              racer,
              String(at),
              dir,
            ]);
            let out = '';
            child.stdout.on('data', (c) => (out += c));
            child.on('close', () => {
              try {
                resolve(JSON.parse(out));
              } catch (error) {
                reject(error);
              }
            });
          }),
      ),
    );
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

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'true']).status === 0;

/** What the bash completion offers for the words typed so far (the last one is being completed). */
function bashOffers(script: string, typed: string[], cwd: string): string[] {
  const words = typed.map((w) => `'${w}'`).join(' ');
  const run = spawnSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(kabar ${words}); COMP_CWORD=${typed.length}; _kabar; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { cwd, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean).sort();
}

test(
  'kabar completion bash completes commands, their flags, the global flags and flag values',
  { skip: has('bash') ? false : 'bash is not installed' },
  () => {
    const { code, stdout } = runCli(['completion', 'bash']);
    assert.equal(code, 0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-completion-'));
    try {
      fs.mkdirSync(path.join(dir, 'news'));
      assert.deepEqual(bashOffers(stdout, ['s'], dir), ['search', 'serve', 'show']);
      assert.deepEqual(bashOffers(stdout, ['co'], dir), ['completion', 'config']);
      assert.deepEqual(bashOffers(stdout, ['do'], dir), ['doctor'], 'aliases too');
      const askFlags = bashOffers(stdout, ['ask', '--'], dir);
      for (const flag of ['--since', '--lang', '--json', '--corpus', '--quiet', '--verbose'])
        assert.ok(askFlags.includes(flag), `${flag} in ${askFlags}`);
      assert.ok(!askFlags.includes('--span'), 'a flag of another command is not offered');
      assert.deepEqual(bashOffers(stdout, ['ask', '--lang', ''], dir), ['en', 'id']);
      assert.deepEqual(bashOffers(stdout, ['--corpus', 'ne'], dir), ['news']);
      assert.deepEqual(bashOffers(stdout, ['--embeddings', 'tr'], dir), ['transformers']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);

for (const shell of ['zsh', 'fish'] as const) {
  test(`kabar completion ${shell} prints a script ${shell} can parse, naming every command`, () => {
    const { code, stdout } = runCli(['completion', shell]);
    assert.equal(code, 0);
    for (const command of [
      'index',
      'search',
      'ask',
      'chat',
      'show',
      'cite',
      'eval',
      'info',
      'config',
      'doctor',
      'completion',
    ])
      assert.match(stdout, new RegExp(`\\b${command}\\b`));
    assert.match(stdout, /--corpus|-l corpus/);
    if (has(shell)) {
      const check = spawnSync(shell, ['-n'], { input: stdout, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
    }
  });
}

test('kabar completion with an unknown shell exits 2 and names the shells it knows', () => {
  const { code, stderr } = runCli(['completion', 'tcsh']);
  assert.equal(code, 2);
  assert.match(stderr, /bash, zsh, fish/);
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { displayWidth } from '../../src/present/wrap.js';
import path from 'node:path';
import { CLI, ROOT, runCli, tempCorpus } from '../helpers.js';

const script = ['/usr/bin/script', '/bin/script'].find((p) => fs.existsSync(p));
const corpus = tempCorpus();
const global = ['--corpus', corpus.corpus, '--index', corpus.index];
const COMMANDS = [
  ['ask', 'Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?'],
  ['search', 'menteri luar negeri Rusia'],
  ['show', '000_e871f56c57ac0511.txt#3'],
];

/** Runs the built CLI with stdout (or, with `stream` stderr, only stderr) on a pseudo-terminal of `columns` columns (util-linux `script`). */
function onTerminal(columns: number, args: string[], stream: 'stdout' | 'stderr' = 'stdout'): string {
  const quoted = [process.execPath, CLI, ...global, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync(
    script!,
    ['-qec', `stty cols ${columns} rows 50; ${quoted} ${stream === 'stdout' ? '2' : ''}>/dev/null`, '/dev/null'],
    {
      env: { ...process.env, NO_COLOR: '1', KABAR_LLM: 'none', KABAR_EMBEDDINGS: 'hashing' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.replace(/\r/g, '');
}

before(() => {
  assert.equal(runCli([...global, 'index']).code, 0);
});
after(() => corpus.cleanup());

for (const [command, argument] of COMMANDS) {
  test(
    `kabar ${command} wraps by words to the terminal width with indented continuation lines, and never when piped`,
    { skip: script ? false : 'util-linux script is not installed' },
    () => {
      const piped = runCli([...global, command, argument]);
      assert.equal(piped.code, 0, piped.stderr);
      assert.ok(
        piped.stdout.split('\n').some((l) => displayWidth(l) > 120),
        'piped output keeps long lines whole',
      );
      // The output's lines as piped; a title line (`[n] Title`) is cut on a terminal, so it is left out of the comparison.
      const kept = (text: string) => text.split('\n').filter((l) => l.trim() && !/^\[\d+\] /.test(l));
      const logical = kept(piped.stdout).map((l) => l.trim().split(/\s+/));
      for (const columns of [80, 100, 110, 120]) {
        const lines = kept(onTerminal(columns, [command, argument]));
        let at = 0; // the piped line being shown
        let word = 0; // words of it shown so far
        for (const line of lines) {
          assert.ok(displayWidth(line) <= columns, `${columns} columns overrun: ${line}`);
          const shown = line.trim().split(/\s+/);
          if (word > 0)
            assert.match(line, /^ +\S/, `${command} at ${columns}: a continuation line is not indented: ${line}`);
          assert.deepEqual(
            shown,
            logical[at]?.slice(word, word + shown.length),
            `${command} at ${columns}: a word is split or moved in: ${line}`,
          );
          word += shown.length;
          if (word === logical[at].length) [at, word] = [at + 1, 0];
        }
        assert.equal(at, logical.length, 'every piped line is shown');
      }
    },
  );
}

test(
  'a title meant to be one line is cut with an ellipsis on a terminal, whole when piped',
  { skip: script ? false : 'util-linux script is not installed' },
  () => {
    const shown = onTerminal(80, ['ask', 'Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?']);
    const title = shown.split('\n').find((l) => l.startsWith('[1] '));
    assert.ok(title && title.endsWith('…') && displayWidth(title) <= 80, title);
    const piped = runCli([
      ...global,
      'ask',
      'Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?',
    ]).stdout;
    assert.ok(piped.split('\n').find((l) => l.startsWith('[1] '))!.length > 80);
  },
);

test(
  'kabar eval draws a progress bar on a terminal (stderr), never when piped',
  { skip: script ? false : 'util-linux script is not installed' },
  () => {
    const file = path.join(corpus.dir, 'five.jsonl');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(path.join(ROOT, 'eval', 'seeds.jsonl'), 'utf8')
        .split('\n')
        .slice(0, 5)
        .join('\n'),
    );
    assert.match(onTerminal(80, ['eval', file], 'stderr'), /Evaluating \[[█░]+\] \d\/5 questions/);
    const piped = runCli([...global, 'eval', file]);
    assert.equal(piped.code, 0, piped.stderr);
    assert.doesNotMatch(piped.stderr, /Evaluating/);
    assert.match(piped.stdout, /^ +questions +R@1/);
  },
);

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

const corpus = tempCorpus();
const global = ['--corpus', corpus.corpus, '--index', corpus.index];
const QUESTION = 'Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?';

before(() => {
  assert.equal(runCli([...global, 'index']).code, 0);
});

/** Adds a file kabar skips with a warning (once: the next command that meets it). */
const brokenFile = (name: string) => fs.writeFileSync(path.join(corpus.corpus, name), 'abc\0def');
after(() => corpus.cleanup());

test('--quiet: the same results, and nothing on stderr (no warning, no progress)', () => {
  brokenFile('broken-a.txt');
  const normal = runCli([...global, 'ask', QUESTION]);
  assert.match(normal.stderr, /warning: Skipped broken-a\.txt/);
  brokenFile('broken-b.txt');
  const quiet = runCli([...global, '--quiet', 'ask', QUESTION]);
  assert.equal(quiet.code, 0);
  assert.equal(quiet.stderr, '');
  assert.equal(quiet.stdout, normal.stdout);
  brokenFile('broken-c.txt');
  assert.equal(runCli([...global, 'search', '-q', 'Moskow']).stderr, '');
});

test('--verbose: timings and decisions on stderr, stdout unchanged', () => {
  const normal = runCli([...global, 'ask', QUESTION]);
  const verbose = runCli([...global, 'ask', '--verbose', QUESTION]);
  assert.equal(verbose.code, 0);
  assert.equal(verbose.stdout, normal.stdout);
  assert.match(
    verbose.stderr,
    /kabar: opened .* in \d+(?: ms|\.\d\d s): 5 articles, \d+ passages; refresh 0 added, 0 changed, 0 removed; embedder hashing/,
  );
  assert.match(
    verbose.stderr,
    /kabar: 10 passages retrieved \(k 10\); answered by neural with \d citations?; retrieve \d+(?: ms|\.\d\d s), answer \d+(?: ms|\.\d\d s), total \d+(?: ms|\.\d\d s)/,
  );
  const search = runCli([...global, '--verbose', 'search', 'xyzzyqqq']);
  assert.equal(search.code, 1);
  assert.match(search.stderr, /kabar: \d+ passages in \d+(?: ms|\.\d\d s); \d+ without a matching term left out/);
});

test('--quiet with --verbose is refused with exit 2', () => {
  const both = runCli([...global, '-q', '--verbose', 'info']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--quiet and --verbose cannot be used together/);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

// Issue #25: every fault has a way out. Each test is one numbered case, run on the built CLI.

test('case 1: a feed declaring entities is a named skip; index, ask, search and show still work', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  const feed = (doctype: string) =>
    `<?xml version="1.0"?><!DOCTYPE r [${doctype}]><rss version="2.0"><channel><item><guid>1</guid>` +
    `<description>t &x;</description></item></channel></rss>`;
  fs.writeFileSync(path.join(tmp.corpus, 'external.rss'), feed('<!ENTITY x SYSTEM "file:///etc/passwd">'));
  fs.writeFileSync(path.join(tmp.corpus, 'internal.rss'), feed(`<!ENTITY x "${'a'.repeat(12_000)}">`));

  const index = runCli([...base, 'index']);
  assert.equal(index.code, 0, index.stderr);
  assert.match(index.stderr, /external\.rss line 1: the feed declares XML entities, which kabar does not read/);
  assert.match(index.stderr, /internal\.rss line 1: the feed declares XML entities/);
  assert.doesNotMatch(index.stderr + index.stdout, /root:/);
  for (const command of [
    ['ask', 'Who did Sergey Lavrov meet in China?'],
    ['search', 'Lavrov'],
  ]) {
    const run = runCli([...base, ...command]);
    assert.equal(run.code, 0, run.stderr);
  }
  const hit = JSON.parse(runCli([...base, 'search', '--json', 'Lavrov']).stdout).hits[0];
  const show = runCli([...base, 'show', hit.id]);
  assert.equal(show.code, 0, show.stderr);
});

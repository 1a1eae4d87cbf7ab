import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, runCli, tempCorpus } from '../helpers.js';

test('kabar ask --json answers with citations that are exact slices of the files', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const { code, stdout, stderr } = runCli([
    '--corpus',
    tmp.corpus,
    '--index',
    tmp.index,
    'ask',
    '--json',
    'Who did Sergey Lavrov meet in China?',
  ]);
  assert.equal(code, 0, stderr);
  const answer = JSON.parse(stdout);
  assert.deepEqual(Object.keys(answer), [
    'question',
    'kind',
    'answer',
    'abstained',
    'short',
    'support',
    'confidence',
    'citations',
    'timingsMs',
  ]);
  assert.match(answer.answer, /Amir Abdollahian/);
  for (const c of answer.citations) {
    assert.deepEqual(Object.keys(c), ['n', 'id', 'file', 'title', 'source', 'date', 'lang', 'start', 'end', 'text']);
    assert.equal(fs.readFileSync(path.join(tmp.corpus, c.file), 'utf8').slice(c.start, c.end), c.text);
  }
  assert.deepEqual(Object.keys(answer.timingsMs), ['retrieve', 'answer', 'total']);
});

test('kabar index, search, show and info work on a temp corpus; an abstention exits 0', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  const index = runCli([...base, 'index', '--json']);
  assert.equal(index.code, 0, index.stderr);
  assert.equal(JSON.parse(index.stdout).articles, 5);
  const search = runCli([...base, 'search', '--json', '-k', '3', 'Khatibzadeh Sputnik']);
  assert.equal(search.code, 0);
  const hits = JSON.parse(search.stdout).hits;
  assert.equal(hits.length, 3);
  assert.equal(hits[0].file, '003_1ece18336b2add2d.txt');
  const show = runCli([...base, 'show', '--json', hits[0].id]);
  assert.equal(show.code, 0);
  assert.equal(JSON.parse(show.stdout).text, hits[0].text);
  const unknown = runCli([...base, 'show', '003_1ece18336b2add2d.txt#99']);
  assert.equal(unknown.code, 1);
  assert.match(
    unknown.stderr,
    /There is no passage 003_1ece18336b2add2d\.txt#99\. Did you mean 003_1ece18336b2add2d\.txt#/,
  );
  const abstain = runCli([...base, 'ask', 'What is the population of Tehran?']);
  assert.equal(abstain.code, 0);
  assert.match(abstain.stdout, /The articles don't say/);
  const info = runCli([...base, 'info']);
  assert.match(info.stdout, /^index +articles +passages +skipped +size +updated\n\S+ +5 +\d+ +0 /m);
});

test('user mistakes end in one sentence on stderr and exit 2', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const cases: [string[], RegExp][] = [
    [['ask', '--bogus', 'x'], /Unknown option '--bogus'/],
    [['--corpus', path.join(tmp.dir, 'missing'), '--index', tmp.index, 'ask', 'x'], /does not exist/],
    [['--corpus', tmp.corpus, '--index', tmp.index, 'ask', '--lang', 'fr', 'x'], /--lang fr is not a language/],
    [['--corpus', tmp.corpus, '--index', tmp.index, 'search', '-k', '0', 'x'], /whole number/],
    [['--corpus', tmp.corpus, '--index', tmp.index, 'eval', path.join(tmp.dir, 'none.jsonl')], /does not exist/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = runCli(args);
    assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
    assert.equal(stdout, '');
    assert.match(stderr, message);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
  }
});

test('kabar eval scores a question file and gates on --min', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const file = path.join(tmp.dir, 'q.jsonl');
  fs.writeFileSync(
    file,
    [
      JSON.stringify({
        id: 'a',
        question: 'Who did Sergey Lavrov meet in China?',
        answers: ['Amir Abdollahian'],
        sources: ['002_aa04c277c35a0562.txt'],
      }),
      'not json',
      JSON.stringify({ id: 'b', question: 'What is the population of Tehran?', unanswerable: true }),
    ].join('\n'),
  );
  const ok = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'eval', '--json', '--skip-bad-lines', file]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /q\.jsonl:2/);
  const metrics = JSON.parse(ok.stdout);
  assert.equal(metrics.questions, 2);
  assert.equal(metrics.retrieval['recall@1'], 1);
  assert.equal(metrics.abstention.recall, 1);
  const gated = runCli([
    '--corpus',
    tmp.corpus,
    '--index',
    tmp.index,
    'eval',
    '--skip-bad-lines',
    '--min',
    'abstention.falseRate=0.5',
    '--max',
    'abstained=0.1',
    file,
  ]);
  assert.equal(gated.code, 1);
});

test('a reader that closes the pipe early (kabar … | head -1) stops kabar quietly, exit 0', async () => {
  const tmp = tempCorpus();
  try {
    const child = spawn(process.execPath, [CLI, '--corpus', tmp.corpus, '--index', tmp.index, 'search', 'Rusia'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before kabar writes anything
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  } finally {
    tmp.cleanup();
  }
});

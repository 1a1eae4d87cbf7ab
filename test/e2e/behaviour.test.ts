import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

test('search: a query no passage holds, or only stopwords, is no match (exit 1), never zero-score hits', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  for (const query of ['xyzzyqqq', 'the']) {
    const json = runCli([...base, 'search', '--json', query]);
    assert.equal(json.code, 1, query);
    assert.deepEqual(JSON.parse(json.stdout).hits, [], query);
    const text = runCli([...base, 'search', query]);
    assert.equal(text.code, 1);
    assert.equal(text.stdout, 'No passage matches.\n');
  }
  const found = runCli([...base, 'search', '--json', 'Khatibzadeh', 'Sputnik']);
  assert.equal(found.code, 0, found.stderr);
  assert.equal(JSON.parse(found.stdout).query, 'Khatibzadeh Sputnik', 'unquoted words form one query');
});

test('ask: an unquoted question, and - reads the question from standard input', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  const unquoted = runCli([...base, 'ask', '--json', 'Who', 'did', 'Sergey', 'Lavrov', 'meet', 'in', 'China?']);
  assert.equal(unquoted.code, 0, unquoted.stderr);
  assert.equal(JSON.parse(unquoted.stdout).question, 'Who did Sergey Lavrov meet in China?');
  const piped = runCli([...base, 'ask', '--json', '-'], { input: 'Who did Sergey Lavrov meet in China?\n' });
  assert.equal(piped.code, 0, piped.stderr);
  const answer = JSON.parse(piped.stdout);
  assert.equal(answer.question, 'Who did Sergey Lavrov meet in China?');
  assert.match(answer.answer, /Amir Abdollahian/);
});

test('filter flags: impossible dates exit 2 with one sentence; the language in any case is accepted', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  for (const date of ['2020-13', '2020-02-31', '2020-13-45']) {
    const { code, stdout, stderr } = runCli([...base, 'ask', '--since', date, 'Who met Shoygu?']);
    assert.equal(code, 2, date);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`--since ${date} is not a date\\. Write it as YYYY, YYYY-MM or YYYY-MM-DD`));
  }
  const upper = runCli([...base, 'search', '--json', '--lang', 'ID', 'Shoygu']);
  assert.equal(upper.code, 0, upper.stderr);
  assert.ok(JSON.parse(upper.stdout).hits.every((h: { lang: string }) => h.lang === 'id'));
});

test('eval: a malformed question line exits 2 unless --skip-bad-lines', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const file = path.join(tmp.dir, 'q.jsonl');
  fs.writeFileSync(
    file,
    [
      JSON.stringify({ id: 'a', question: 'Who did Sergey Lavrov meet in China?', answers: ['Amir Abdollahian'] }),
      'not json',
    ].join('\n'),
  );
  const base = ['--corpus', tmp.corpus, '--index', tmp.index, 'eval', '--json'];
  const strict = runCli([...base, file]);
  assert.equal(strict.code, 2);
  assert.equal(strict.stdout, '');
  assert.match(strict.stderr, /q\.jsonl:2: .*--skip-bad-lines/);
  const lenient = runCli([...base, '--skip-bad-lines', file]);
  assert.equal(lenient.code, 0, lenient.stderr);
  assert.equal(JSON.parse(lenient.stdout).questions, 1);
});

test('settings: the user config file sits below .env; with nothing set, another folder still finds the shipped articles', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-cwd-'));
  t.after(() => fs.rmSync(elsewhere, { recursive: true, force: true }));
  const env = { XDG_CONFIG_HOME: path.join(elsewhere, 'config'), KABAR_CORPUS: '', KABAR_INDEX: '' };
  const plain = runCli(['info', '--json'], { cwd: elsewhere, env });
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(JSON.parse(plain.stdout).corpus, /seeds$/);
  fs.mkdirSync(path.join(elsewhere, 'config', 'kabar'), { recursive: true });
  fs.writeFileSync(
    path.join(elsewhere, 'config', 'kabar', 'config'),
    `KABAR_CORPUS=${tmp.corpus}\nKABAR_INDEX=../../idx\n`,
  );
  const user = JSON.parse(runCli(['info', '--json'], { cwd: elsewhere, env }).stdout);
  assert.equal(user.corpus, tmp.corpus);
  assert.equal(user.index, path.join(elsewhere, 'idx'), 'a relative path in a file is relative to that file');
  fs.writeFileSync(path.join(elsewhere, '.env'), 'KABAR_INDEX=local-index\n');
  const local = JSON.parse(runCli(['info', '--json'], { cwd: elsewhere, env }).stdout);
  assert.equal(
    local.index,
    path.join(elsewhere, 'local-index'),
    '.env in the working folder wins over the user config',
  );
  assert.equal(local.corpus, tmp.corpus);
});

test('eval runs a conversation file: later turns are asked as follow-ups of the earlier ones', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const file = path.join(tmp.dir, 'conversations.jsonl');
  const turns = [
    { question: 'Who met Shoygu?', answers: ['Hatami'], sources: ['004_415fcd0bbee670a6.txt'] },
    { question: 'When was that?', answers: ['23/8'], sources: ['004_415fcd0bbee670a6.txt'] },
  ];
  fs.writeFileSync(file, `${JSON.stringify({ id: 'c-1', turns })}\n`);
  const run = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'eval', '--json', file]);
  assert.equal(run.code, 0, run.stderr);
  const metrics = JSON.parse(run.stdout);
  assert.equal(metrics.questions, 2);
  assert.equal(metrics.answers.hit, 1, 'the second turn is only answerable as a follow-up');
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

test('kabar ask --json carries short, support and confidence; show --span highlights a span of the passage', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  const ask = runCli([...base, 'ask', '--json', 'Who did Sergey Lavrov meet in China?']);
  assert.equal(ask.code, 0, ask.stderr);
  const answer = JSON.parse(ask.stdout);
  for (const key of ['short', 'support', 'confidence']) assert.ok(key in answer, key);
  const raw = (file: string) => fs.readFileSync(path.join(tmp.corpus, file), 'utf8');
  for (const span of [answer.short, answer.support])
    if (span) assert.equal(raw(span.file).slice(span.start, span.end), span.text);

  // The name inside the cited sentence, as a short answer's offsets would give it.
  const cited = answer.citations.find((c: { text: string }) => c.text.includes('Hossein Amir Abdollahian'));
  assert.ok(cited, ask.stdout);
  const start = cited.start + cited.text.indexOf('Hossein Amir Abdollahian');
  const end = start + 'Hossein Amir Abdollahian'.length;
  const json = runCli([...base, 'show', '--json', '--span', `${start}-${end}`, cited.id]);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout).span, { start, end, text: 'Hossein Amir Abdollahian' });
  const text = runCli([...base, 'show', '--span', `${start}-${end}`, cited.id]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, new RegExp(`span ${start}–${end}`));

  const outside = runCli([...base, 'show', '--span', '0-5', cited.id]);
  assert.equal(outside.code, 2);
  assert.match(
    outside.stderr,
    new RegExp(
      `--span 0-5 is not inside passage ${cited.id.replace(/[.#]/g, '\\$&')}, which covers chars \\d+–\\d+\\.`,
    ),
  );
  const malformed = runCli([...base, 'show', '--span', 'abc', cited.id]);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /--span abc is not of the form START-END/);
});

test('the seeds answer who, which and how-many questions with short answers, and refuse to name an office holder they do not name', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const ask = (question: string) => {
    const result = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'ask', '--json', question]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as { abstained: boolean; short: { text: string } | null };
  };
  assert.equal(ask('Who did Sergey Lavrov meet in China?').short?.text, 'Hossein Amir Abdollahian');
  assert.equal(ask('Which US Secretary of State did the Russian spokeswoman mention?').short?.text, 'Mike Pompeo');
  assert.equal(ask('Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?').short?.text, 'tiga kali');
  // "Iranian and Russian presidents held telephone conversations …" speaks of presidents but names none.
  assert.equal(ask('Who is the president of Russia?').abstained, true);
});

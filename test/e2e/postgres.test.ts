import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli, ROOT, tempCorpus } from '../helpers.js';
import { scratchDatabase, SKIP_SERVER_TESTS, withUrl } from '../core/index/postgres/pg-server.js';

describe('kabar on a PostgreSQL server', { skip: SKIP_SERVER_TESTS }, () => {
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let tmp: ReturnType<typeof tempCorpus>;
  const kabar = (args: string[], env: Record<string, string> = {}) =>
    runCli(args, {
      cwd: tmp.dir,
      env: { KABAR_STORE: db.url, KABAR_CORPUS: tmp.corpus, KABAR_INDEX: tmp.index, ...env },
    });
  before(async () => {
    db = await scratchDatabase();
    tmp = tempCorpus();
  });
  after(async () => {
    tmp?.cleanup();
    await db?.drop();
  });

  test('before kabar index, a reader is told to run it; nothing is created', () => {
    const r = kabar(['ask', 'Who met Shoygu?']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /no kabar index for .* on the PostgreSQL server yet\. Run kabar index/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  test('kabar index builds the shared index; ask, search, show, cite, eval and info read it; a second index run changes nothing', () => {
    const built = kabar(['index', '--json']);
    assert.equal(built.code, 0, built.stderr);
    const report = JSON.parse(built.stdout);
    assert.equal(report.added, 5);
    assert.ok(report.passages > 10);
    assert.ok(!fs.existsSync(tmp.index), 'no local index folder is written');
    assert.equal(
      report.index,
      db.url.replace(`:${new URL(db.url).password}@`, ':***@'),
      'the index is named by its server, without the password',
    );
    const summary = kabar(['index']);
    assert.match(summary.stdout, /Index: postgres:\/\/kabar:\*\*\*@127\.0\.0\.1:\d+\//);
    assert.doesNotMatch(summary.stdout + built.stdout, new RegExp(`${new URL(db.url).password}|${tmp.index}`));

    const asked = kabar(['ask', '--json', 'Who did Sergey Lavrov meet in China?']);
    assert.equal(asked.code, 0, asked.stderr);
    const answer = JSON.parse(asked.stdout);
    assert.ok(answer.citations.length > 0);
    for (const c of answer.citations)
      assert.equal(fs.readFileSync(path.join(tmp.corpus, c.file), 'utf8').slice(c.start, c.end), c.text);
    assert.match(answer.answer, /Abdollahian/);

    const searched = kabar(['search', '--json', 'Shoygu', '--lang', 'id']);
    assert.equal(searched.code, 0, searched.stderr);
    const hits = JSON.parse(searched.stdout).hits as { id: string; lang: string }[];
    assert.ok(hits.length > 0 && hits.every((h) => h.lang === 'id'), searched.stdout);

    const shown = kabar(['show', hits[0].id]);
    assert.equal(shown.code, 0, shown.stderr);

    const cited = kabar(['cite', '--json', answer.citations[0].text]);
    assert.equal(cited.code, 0, cited.stderr);

    const evaluated = kabar(['eval', '--json', path.join(ROOT, 'eval', 'seeds.jsonl')]);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    assert.ok(JSON.parse(evaluated.stdout).retrieval['recall@5'] >= 0.9, 'recall@5 on the seed questions');

    const info = kabar(['info']);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /postgres:\/\/kabar:\*\*\*@/);
    assert.doesNotMatch(info.stdout, new RegExp(new URL(db.url).password));

    const again = kabar(['index', '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).unchanged, 5);
  });

  test('readers never write to the shared index, and read from KABAR_STORE_READ when it is set', () => {
    fs.writeFileSync(
      path.join(tmp.corpus, 'new.txt'),
      'Jakarta (Antara) - Presiden meresmikan bendungan baru di Aceh pada hari Senin.\n',
    );
    try {
      const r = kabar(['search', '--json', 'bendungan Aceh'], { KABAR_STORE_READ: db.url });
      assert.equal(r.code, 1, r.stdout);
      const info = kabar(['index', '--json']);
      assert.equal(JSON.parse(info.stdout).added, 1);
    } finally {
      fs.rmSync(path.join(tmp.corpus, 'new.txt'));
    }
  });

  test('a wrong password or an unreachable server ends in one sentence and exit 2', () => {
    const wrong = kabar(['ask', 'Who met Shoygu?'], { KABAR_STORE: withUrl(db.url, { password: 'nope' }) });
    assert.equal(wrong.code, 2);
    assert.match(
      wrong.stderr,
      /^kabar: The PostgreSQL server at 127\.0\.0\.1:\d+\/\w+ refused the password for kabar\./,
    );
    assert.equal(wrong.stderr.trim().split('\n').length, 1);
    const down = kabar(['index'], { KABAR_STORE: withUrl(db.url, { port: 1 }) });
    assert.equal(down.code, 2);
    assert.match(down.stderr, /^kabar: Cannot reach the PostgreSQL server at 127\.0\.0\.1:1\//);
  });
});

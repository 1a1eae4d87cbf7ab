import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readSource } from '../../src/core/sources/read.js';
import { runCli } from '../helpers.js';
import { SOURCE_FIXTURES } from '../sources/fixtures.js';

/** The article texts the readers extract, by article id: what the store must hold and citations slice. */
async function extractedTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) {
    for (const a of (await readSource(name, fs.readFileSync(path.join(dir, name), 'utf8'))).articles) texts.set(a.id, a.text);
  }
  return texts;
}

const QUESTIONS: [string, string][] = [
  ['Berapa harga beras medium di pasar tradisional Surabaya?', 'archive.jsonl:a-1'],
  ['How much more money for renewable energy does the green budget give?', 'archive.csv:2'],
  ['How high did the column of ash from Mount Semeru rise?', 'page.html'],
  ['Berapa kilometer panjang jalan tol yang diresmikan presiden?', 'feed.rss:tol-2024'],
  ['How much did cargo volumes at the harbour rise in May?', 'feed.atom:urn:cargo-2024-06'],
  ['Berapa rumah terdampak banjir rob di Muara Angke?', 'front-matter.md'],
];

test('a folder of every format: index, search, ask, show and cite, every citation an exact slice of the stored text', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-sources-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(SOURCE_FIXTURES, corpus, { recursive: true });
  const texts = await extractedTexts(corpus);
  const base = ['--corpus', corpus, '--index', path.join(dir, 'index')];

  const index = runCli([...base, 'index', '--json']);
  assert.equal(index.code, 0, index.stderr);
  const report = JSON.parse(index.stdout);
  assert.equal(report.articles, texts.size);
  assert.match(index.stderr, /archive\.jsonl line 3: the line is not valid JSON/);
  assert.match(index.stderr, /archive\.csv line 5: the record is broken/);
  assert.match(index.stderr, /no-body\.html: the page has no article body/);
  assert.match(index.stderr, /not-a-feed\.xml line 1: the file is not well-formed XML/);
  assert.equal(report.skipped.length, 9);

  for (const [question, id] of QUESTIONS) {
    const search = runCli([...base, 'search', '--json', '-k', '3', question]);
    assert.equal(search.code, 0, search.stderr);
    const [top] = JSON.parse(search.stdout).hits;
    assert.equal(top.file, id, question);
    assert.equal(texts.get(id)!.slice(top.start, top.end), top.text);

    const ask = runCli([...base, 'ask', '--json', question]);
    assert.equal(ask.code, 0, ask.stderr);
    for (const c of JSON.parse(ask.stdout).citations) assert.equal(texts.get(c.file)!.slice(c.start, c.end), c.text, `${question} → ${c.id}`);

    const show = runCli([...base, 'show', top.id]);
    assert.equal(show.code, 0, show.stderr);
    assert.ok(show.stdout.includes(top.text.split('\n')[0]), show.stdout);
  }

  const show = runCli([...base, 'show', 'archive.jsonl:a-1#0']);
  assert.match(show.stdout, /archive\.jsonl:1/);
  assert.match(show.stdout, /https:\/\/example\.org\/beras/);
  const shown = JSON.parse(runCli([...base, 'show', '--json', 'feed.rss:tol-2024#0']).stdout);
  assert.deepEqual(shown.origin, { file: 'feed.rss', line: 7 });
  assert.equal(shown.url, 'https://example.org/tol');

  const cite = runCli([...base, 'cite', '--json', 'Parliament passed what ministers called a green budget']);
  assert.equal(cite.code, 0, cite.stderr);
  const [match] = JSON.parse(cite.stdout).matches;
  assert.equal(match.file, 'archive.csv:2');
  assert.equal(texts.get(match.file)!.slice(match.start, match.end), match.text);

  const info = runCli([...base, 'info']);
  assert.match(info.stdout, /date: 1 from front matter, \d+ from records, 1 from page metadata, 3 from feeds, \d+ absent/);
});

test('the corpus may be a single archive; appending records re-processes only those', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-archive-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const archive = path.join(dir, 'news.jsonl');
  const record = (n: number) => `${JSON.stringify({ id: `n${n}`, title: `Story ${n}`, date: '2024-01-0' + ((n % 9) + 1), text: `The harbour of town ${n} received ${n * 3} ships in January.` })}\n`;
  fs.writeFileSync(archive, Array.from({ length: 20 }, (_, n) => record(n)).join(''));
  const base = ['--corpus', archive, '--index', path.join(dir, 'index')];
  const first = runCli([...base, 'index', '--json']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(JSON.parse(first.stdout).added, 20);
  fs.appendFileSync(archive, record(20) + record(21));
  const second = JSON.parse(runCli([...base, 'index', '--json']).stdout);
  assert.deepEqual([second.added, second.changed, second.removed, second.unchanged], [2, 0, 0, 20]);
  const ask = runCli([...base, 'ask', '--json', 'How many ships did the harbour of town 21 receive?']);
  const answer = JSON.parse(ask.stdout);
  assert.equal(answer.citations[0].file, 'news.jsonl:n21');
  assert.match(answer.citations[0].text, /63 ships/);
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readSource } from '../../src/core/sources/read.js';
import { runCli } from '../helpers.js';
import { SOURCE_FIXTURES } from '../core/sources/fixtures.js';

/** The article texts the readers extract, by article id: what the store must hold and citations slice. */
async function extractedTexts(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) {
    for (const a of (await readSource(name, fs.readFileSync(path.join(dir, name), 'utf8'))).articles)
      texts.set(a.id, a.text);
  }
  return texts;
}

/** The article texts one archive or feed file holds, by article id. */
async function extractedFile(file: string): Promise<Map<string, string>> {
  const { articles } = await readSource(path.basename(file), fs.readFileSync(file, 'utf8'));
  return new Map(articles.map((a) => [a.id, a.text]));
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
    for (const c of JSON.parse(ask.stdout).citations)
      assert.equal(texts.get(c.file)!.slice(c.start, c.end), c.text, `${question} → ${c.id}`);

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
  assert.match(
    info.stdout,
    /date: 1 from front matter, \d+ from records, 1 from page metadata, 3 from feeds, \d+ absent/,
  );
});

/** Asks `question` of the corpus and opens every citation with `show`: each is an exact slice of the article text the store holds. */
function askAndShow(base: string[], question: string, texts: Map<string, string>): { file: string; text: string }[] {
  const ask = runCli([...base, 'ask', '--json', question]);
  assert.equal(ask.code, 0, ask.stderr);
  const { citations } = JSON.parse(ask.stdout) as {
    citations: { id: string; file: string; start: number; end: number; text: string }[];
  };
  assert.ok(citations.length > 0, `${question}: no citation`);
  for (const c of citations) {
    assert.equal(texts.get(c.file)!.slice(c.start, c.end), c.text, `${question} → ${c.id}`);
    const show = runCli([...base, 'show', '--json', c.id]);
    assert.equal(show.code, 0, show.stderr);
    const shown = JSON.parse(show.stdout) as { file: string; start: number; end: number; text: string };
    assert.equal(shown.file, c.file);
    assert.ok(shown.start <= c.start && c.end <= shown.end, `${c.id} does not hold the cited span`);
    assert.equal(shown.text.slice(c.start - shown.start, c.end - shown.start), c.text);
  }
  return citations;
}

test('one archive, a folder of saved pages, one saved feed: index, then ask with citations that show opens', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-done-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pages = path.join(dir, 'pages');
  fs.mkdirSync(pages);
  fs.copyFileSync(path.join(SOURCE_FIXTURES, 'page.html'), path.join(pages, 'semeru.html'));
  fs.copyFileSync(path.join(SOURCE_FIXTURES, 'no-body.html'), path.join(pages, 'empty.htm'));
  fs.writeFileSync(
    path.join(pages, 'port.htm'),
    fs
      .readFileSync(path.join(SOURCE_FIXTURES, 'page.html'), 'utf8')
      .replace(
        /Mount Semeru in East Java erupted[^<]*/,
        'The new container port in Patimban handled 120,000 containers in its first year, the transport ministry said.',
      )
      .replace(
        /More than 2,000 residents[^<]*/,
        'Exporters in West Java now ship cars directly to Japan from the port.',
      )
      .replace(/semeru-erupts/g, 'patimban-port'),
  );
  const cases: [string, string, string, RegExp][] = [
    [
      path.join(SOURCE_FIXTURES, 'archive.jsonl'),
      'Berapa harga beras medium di pasar tradisional Surabaya?',
      'archive.jsonl:a-1',
      /archive\.jsonl:1\b/,
    ],
    [pages, 'How many containers did the port in Patimban handle in its first year?', 'port.htm', /port\.htm/],
    [
      path.join(SOURCE_FIXTURES, 'feed.rss'),
      'Berapa kilometer panjang jalan tol yang diresmikan presiden?',
      'feed.rss:tol-2024',
      /feed\.rss:7\b/,
    ],
  ];
  for (const [corpus, question, id, location] of cases) {
    const texts = fs.statSync(corpus).isDirectory() ? await extractedTexts(corpus) : await extractedFile(corpus);
    const base = ['--corpus', corpus, '--index', path.join(dir, `index-${path.basename(corpus)}`)];
    const index = runCli([...base, 'index', '--json']);
    assert.equal(index.code, 0, index.stderr);
    assert.equal(JSON.parse(index.stdout).articles, texts.size);
    const [first] = askAndShow(base, question, texts);
    assert.equal(first.file, id, question);
    const show = runCli([...base, 'show', `${id}#0`]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, location);
  }
});

test('the corpus may be a single archive; appending 100 records re-processes only those 100', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-archive-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const archive = path.join(dir, 'news.jsonl');
  const record = (n: number) =>
    `${JSON.stringify({ id: `n${n}`, title: `Story ${n}`, date: '2024-01-0' + ((n % 9) + 1), text: `The harbour of town ${n} received ${n * 3} ships in January.` })}\n`;
  const records = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => record(from + i)).join('');
  fs.writeFileSync(archive, records(0, 50));
  const base = ['--corpus', archive, '--index', path.join(dir, 'index')];
  const first = runCli([...base, 'index', '--json']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(JSON.parse(first.stdout).added, 50);
  fs.appendFileSync(archive, records(50, 150));
  const second = JSON.parse(runCli([...base, 'index', '--json']).stdout);
  assert.deepEqual(
    [second.added, second.changed, second.removed, second.unchanged, second.articles],
    [100, 0, 0, 50, 150],
  );
  const ask = runCli([...base, 'ask', '--json', 'How many ships did the harbour of town 121 receive?']);
  const answer = JSON.parse(ask.stdout);
  assert.equal(answer.citations[0].file, 'news.jsonl:n121');
  assert.match(answer.citations[0].text, /363 ships/);
});

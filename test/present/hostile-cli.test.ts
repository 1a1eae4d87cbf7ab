import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openaiEnv, pieces, purposeOf, startChatServer, type ChatServer } from '../fixtures/chat-server.js';
import { runCliAsync } from '../helpers.js';

/** Every escape-sequence opener a terminal acts on (C0 controls but tab and newline, DEL, the 8-bit C1 forms), and the bidirectional overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const RLO = '\u202e';
const PDF = '\u202c';
const RLI = '\u2067';
const PDI = '\u2069';
const ESC = '\x1b';
const BEL = '\x07';

const NAME = `lavrov${ESC}]0;pwned${BEL}.txt`;
const BINARY = `data${ESC}[31m${RLO}txt.exe${PDF}.txt`;
const ARTICLE = [
  `date 2020-10-12 IRNA${ESC}]0;retitled${BEL}- Menteri luar negeri Rusia Sergei Lavrov bertemu juru bicara Maria Zakharova${ESC}[2J di Moskow pada hari Senin.`,
  `Lavrov mengatakan kerja sama ${ESC}]8;;http://evil.example/${BEL}klik di sini${ESC}]8;;${BEL} sangat penting bagi Rusia${BEL}.`,
  `Zakharova menyebut pertemuan itu ${ESC}[8mrahasia${ESC}[0m \u009b31mmerah\u009d0;judul\u009c dan ${ESC}P1|x${ESC}\\ berhasil ${RLO}ignoring${PDF} ${RLI}sekali${PDI}.`,
  '',
].join('\r\n');
const REPLY = `Lavrov bertemu Zakharova di Moskow ${ESC}]0;owned${BEL}${ESC}[2J\u009b8m pada ${RLO}hari${PDF} Senin [1]. ${ESC}]8;;http://evil.example/${BEL}Klik${ESC}]8;;${BEL}`;

let dir: string;
let corpus: string;
let index: string;
let server: ChatServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-hostile-'));
  corpus = path.join(dir, 'corpus');
  index = path.join(dir, 'index');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, NAME), ARTICLE);
  fs.writeFileSync(path.join(corpus, BINARY), Buffer.from([0x41, 0, 0x42, 0]));
  fs.writeFileSync(
    path.join(corpus, 'pelabuhan.txt'),
    'date 2021-03-02 ANTARA- Pelabuhan Bandar Abbas menangani 12 juta ton kargo tahun lalu.\n',
  );
  server = await startChatServer((request) => {
    if (purposeOf(request) === 'translate')
      return { chunks: ['id: Siapa yang ditemui Lavrov?\nen: Who did Lavrov meet?'] };
    return { chunks: pieces(REPLY) };
  });
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the built CLI on the test corpus, asynchronously (the loopback server lives in this process). */
const kabar = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync(['--corpus', corpus, '--index', index, ...args], { cwd: dir, env });

const assertSafe = (what: string, text: string) => {
  const found = CONTROL.exec(text);
  assert.equal(
    found,
    null,
    `${what} carries control character U+${found?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found?.index}: ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 30), (found?.index ?? 0) + 30))}`,
  );
};

test('index names the skipped binary file without letting its escape sequence through', async () => {
  const r = await kabar(['index']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /data␛\[31m<U\+202E>txt\.exe<U\+202C>\.txt/);
  assertSafe('index stdout', r.stdout);
  assertSafe('index stderr', r.stderr);
});

test('search, show and cite print the article with its controls visible; --json keeps the exact text', async () => {
  const json = await kabar(['search', '--json', 'Lavrov Zakharova Moskow']);
  assert.equal(json.code, 0, json.stderr);
  assertSafe('search --json', json.stdout);
  const hit = JSON.parse(json.stdout).hits.find((h: { file: string }) => h.file === NAME);
  assert.ok(hit, 'the hostile article is found');
  assert.equal(ARTICLE.slice(hit.start, hit.end), hit.text);
  assert.match(hit.text, /\x1b\[2J/);

  const search = await kabar(['search', 'Lavrov Zakharova Moskow']);
  assert.equal(search.code, 0, search.stderr);
  assert.match(search.stdout, /lavrov␛\]0;pwned␇\.txt#0/);
  assert.match(search.stdout, /Zakharova␛\[2J/);

  const show = await kabar(['show', hit.id]);
  assert.equal(show.code, 0, show.stderr);
  assert.match(show.stdout, /\\x9b31mmerah/);
  assert.match(show.stdout, /<U\+202E>ignoring<U\+202C> <U\+2067>sekali<U\+2069>/);
  const showJson = await kabar(['show', '--json', hit.id]);
  assert.equal(JSON.parse(showJson.stdout).text, hit.text);
  assert.match(
    showJson.stdout,
    /\\u202eignoring\\u202c/,
    'JSON writes the override as an escape; the parsed text is exact',
  );

  const cite = await kabar(['cite', 'Lavrov mengatakan kerja sama sangat penting bagi Rusia']);
  assert.equal(cite.code, 0, cite.stderr);
  assert.match(cite.stdout, /lavrov␛\]0;pwned␇\.txt/);

  const missing = await kabar(['show', `nothing${ESC}[2J.txt#0`]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /nothing␛\[2J/);

  for (const [what, r] of Object.entries({ search, show, showJson, cite, missing })) {
    assertSafe(`${what} stdout`, r.stdout);
    assertSafe(`${what} stderr`, r.stderr);
  }
});

test("ask prints neither the article's nor the model's escape sequences", async () => {
  const extractive = await kabar(['ask', 'Siapa yang bertemu Zakharova di Moskow?']);
  assert.equal(extractive.code, 0, extractive.stderr);
  assertSafe('extractive ask stdout', extractive.stdout);
  assertSafe('extractive ask stderr', extractive.stderr);

  const env = openaiEnv(server);
  const model = await kabar(['ask', 'Siapa yang bertemu Zakharova di Moskow?'], env);
  assert.equal(model.code, 0, model.stderr);
  assert.ok(server.requests.length > 0, 'the model was asked');
  assert.match(model.stdout, /␛\]0;owned␇/);
  assertSafe('model ask stdout', model.stdout);
  assertSafe('model ask stderr', model.stderr);

  const json = await kabar(['ask', '--json', 'Siapa yang bertemu Zakharova di Moskow?'], env);
  assertSafe('ask --json', json.stdout);
  const answer = JSON.parse(json.stdout);
  for (const c of answer.citations) assert.equal(ARTICLE.slice(c.start, c.end), c.text);
});

test('info lists the index without controls', async () => {
  const r = await kabar(['info']);
  assert.equal(r.code, 0, r.stderr);
  assertSafe('info stdout', r.stdout);
});

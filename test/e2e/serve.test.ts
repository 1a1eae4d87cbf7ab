import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import OpenAI from 'openai';
import { runCli, tempCorpus } from '../helpers.js';
import { call, parseEvents, send, startServe, type Json, type ServeProcess } from './serve-process.js';

// One server for the whole file, over a temp copy of the seeds.
const tmp = tempCorpus();
const globals = ['--corpus', tmp.corpus, '--index', tmp.index];
let serve: ServeProcess;
const afterAll: (() => void)[] = [];
before(async () => {
  serve = await startServe({ after: (fn) => afterAll.push(fn) }, globals);
});
after(() => {
  afterAll.forEach((fn) => fn());
  tmp.cleanup();
});

const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`${serve.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** The article text a span's offsets point into (the seeds are .txt files: the file itself). */
const sliceOf = (c: { file: string; start: number; end: number }) =>
  fs.readFileSync(path.join(tmp.corpus, c.file), 'utf8').slice(c.start, c.end);

/** An error body of the one shape. */
function assertError(res: { status: number; body: Json }, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.deepEqual(Object.keys(res.body), ['error']);
  assert.deepEqual(Object.keys(res.body.error).sort(), ['code', 'message', 'type']);
  assert.equal(res.body.error.code, code);
  assert.match(res.body.error.message, /[.?]$/);
  assert.doesNotMatch(res.body.error.message, /\n\s+at /);
}

test('POST /v1/ask gives the same object as kabar ask --json, every citation an exact slice of its file', async () => {
  const question = 'Kapan Hatami bertemu Shoygu?';
  const res = await post('/v1/ask', { question, k: 5 });
  assert.equal(res.status, 200);
  const cli = runCli([...globals, '--no-server', 'ask', '--json', '-k', '5', question]);
  assert.equal(cli.code, 0, cli.stderr);
  const { timingsMs: _a, ...served } = res.body;
  const { timingsMs: _b, ...printed } = JSON.parse(cli.stdout);
  assert.deepEqual(served, printed);
  assert.ok(served.citations.length > 0);
  for (const c of served.citations) assert.equal(sliceOf(c), c.text);
});

test('POST /v1/ask with Accept: text/event-stream streams the answer events: resolved, retrieved, delta, citations, done', async () => {
  const res = await send(`${serve.url}/v1/ask`, {
    method: 'POST',
    headers: { Accept: 'text/event-stream' },
    body: JSON.stringify({ question: 'Who met Shoygu?', lang: 'id' }),
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const events = parseEvents(await res.text());
  assert.deepEqual([...new Set(events.map((e) => e.event))], ['resolved', 'retrieved', 'delta', 'citations', 'done']);
  assert.deepEqual(events[0].data.filters, { lang: 'id' });
  const done = events.at(-1)!.data;
  assert.equal(
    events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join(''),
    done.answer,
  );
  assert.deepEqual(events.find((e) => e.event === 'citations')!.data.citations, done.citations);
});

test('a question the articles do not answer streams an abstained event', async () => {
  const res = await send(`${serve.url}/v1/ask`, {
    method: 'POST',
    headers: { Accept: 'text/event-stream' },
    body: JSON.stringify({ question: 'Berapa harga bitcoin di Jepang pada tahun 1850?' }),
  });
  const events = parseEvents(await res.text());
  assert.equal(events.at(-1)!.event, 'abstained');
  assert.equal(events.at(-1)!.data.abstained, true);
});

test('the openai client gets an answer with [n] markers and the sources in citations, streaming and not', async () => {
  const client = new OpenAI({ baseURL: `${serve.url}/v1`, apiKey: 'unused' });
  const models = await client.models.list();
  assert.deepEqual(
    models.data.map((m) => m.id),
    ['kabar'],
  );
  const completion = await client.chat.completions.create({
    model: 'kabar',
    messages: [{ role: 'user', content: 'Who met Shoygu?' }],
  });
  const reply = completion.choices[0].message.content ?? '';
  assert.match(reply, /\[1\]/);
  const citations = (
    completion as unknown as {
      citations: { n: number; file: string; start: number; end: number; quote: string; title: string }[];
    }
  ).citations;
  assert.ok(citations.length > 0);
  for (const c of citations) {
    assert.equal(sliceOf(c), c.quote);
    assert.deepEqual(Object.keys(c).sort(), [
      'date',
      'end',
      'file',
      'id',
      'n',
      'quote',
      'source',
      'start',
      'title',
      'url',
    ]);
  }

  const stream = await client.chat.completions.create({
    model: 'kabar',
    stream: true,
    messages: [{ role: 'user', content: 'Who met Shoygu?' }],
  });
  let text = '';
  let streamed: unknown[] = [];
  let finish: string | null = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    streamed = (chunk as unknown as { citations?: unknown[] }).citations ?? streamed;
  }
  assert.equal(text, reply);
  assert.equal(finish, 'stop');
  assert.deepEqual(streamed, citations);
});

test('a follow-up in the messages is resolved as in the chat, and an unknown model is a 404 the openai client reports', async () => {
  const client = new OpenAI({ baseURL: `${serve.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  const first = await client.chat.completions.create({
    model: 'kabar',
    messages: [{ role: 'user', content: 'Who met Shoygu?' }],
  });
  const followUp = await client.chat.completions.create({
    model: 'kabar',
    messages: [
      { role: 'system', content: 'Answer from the articles.' },
      { role: 'user', content: 'Who met Shoygu?' },
      { role: 'assistant', content: first.choices[0].message.content ?? '' },
      { role: 'user', content: 'When was that?' },
    ],
  });
  assert.match(followUp.choices[0].message.content ?? '', /23\/8/);
  await assert.rejects(
    client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    (error: InstanceType<typeof OpenAI.APIError>) => {
      assert.equal(error.status, 404);
      assert.equal((error.error as { code: string }).code, 'model_not_found');
      return true;
    },
  );
});

test('search, passages, cite, info and healthz answer as the CLI does', async () => {
  const search = await call(`${serve.url}/v1/search?q=Shoygu&k=3&lang=id`);
  assert.equal(search.status, 200);
  assert.ok(search.body.hits.length > 0 && search.body.hits.length <= 3);
  for (const h of search.body.hits) assert.equal(sliceOf(h), h.text);

  const id = search.body.hits[0].id as string;
  const shown = await call(`${serve.url}/v1/passages/${encodeURIComponent(id)}`);
  assert.equal(shown.status, 200);
  const cli = runCli([...globals, '--no-server', 'show', '--json', id]);
  assert.deepEqual(shown.body, JSON.parse(cli.stdout));
  const { start } = shown.body;
  const span = await call(`${serve.url}/v1/passages/${encodeURIComponent(id)}?span=${start}-${start + 10}`);
  assert.equal(span.body.span.text, sliceOf({ file: shown.body.file, start, end: start + 10 }));

  const quote = 'Tehran dan Moskow perlu untuk mempromosikan kerja sama';
  const cite = await post('/v1/cite', { quote, k: 3 });
  assert.equal(cite.status, 200);
  assert.equal(cite.body.matches[0].kind, 'exact');
  assert.equal(sliceOf(cite.body.matches[0]), quote);

  const info = await call(`${serve.url}/v1/info`);
  assert.equal(info.body.articles, 5);
  assert.equal(info.body.answerer, 'neural');
  assert.deepEqual((await call(`${serve.url}/healthz`)).body, { ok: true, answering: 0 });
});

test('every failure has the one error shape: bad JSON, unknown route, oversize body, long question, bad filter, unknown passage', async () => {
  assertError(await call(`${serve.url}/v1/ask`, { method: 'POST', body: '{"question": ' }), 400, 'bad_json');
  assertError(await call(`${serve.url}/v1/ask`, { method: 'POST', body: '[1]' }), 400, 'bad_json');
  assertError(await call(`${serve.url}/v2/nothing`), 404, 'not_found');
  assertError(await call(`${serve.url}/v1/ask`), 404, 'not_found');
  assertError(await post('/v1/ask', { question: 'x'.repeat(70 * 1024) }), 413, 'body_too_large');
  assertError(await post('/v1/ask', { question: 'kata '.repeat(1000) }), 413, 'question_too_long');
  assertError(await post('/v1/ask', {}), 400, 'bad_request');
  assertError(await post('/v1/ask', { question: 'Who met Shoygu?', since: '2020-13' }), 400, 'bad_request');
  assertError(await post('/v1/ask', { question: 'Who met Shoygu?', k: 0 }), 400, 'bad_request');
  assertError(await call(`${serve.url}/v1/passages/${encodeURIComponent('nope.txt#1')}`), 404, 'not_found');
  assertError(await post('/v1/chat/completions', { model: 'kabar', messages: [] }), 400, 'bad_request');
  // No CORS header unless --cors was given.
  assert.equal((await call(`${serve.url}/healthz`)).headers.get('access-control-allow-origin'), null);
});

test('a client that disconnects mid-stream frees its answer, and the server goes on answering', async () => {
  const body = JSON.stringify({ question: 'Who met Shoygu?' });
  await new Promise<void>((resolve, reject) => {
    const req = http.request(
      `${serve.url}/v1/ask`,
      { method: 'POST', headers: { Accept: 'text/event-stream', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      },
    );
    req.on('error', (error) =>
      error.message.includes('socket hang up') || (error as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(error),
    );
    req.end(body);
  });
  for (let i = 0; (await call(`${serve.url}/healthz`)).body.answering !== 0; i++) {
    assert.ok(i < 100, 'the answer was never released');
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal((await post('/v1/ask', { question: 'Who met Shoygu?' })).status, 200);
});

test('an article added while serving is answered from without a restart', async () => {
  fs.writeFileSync(
    path.join(tmp.corpus, 'banjir.txt'),
    'Banjir melanda Semarang pada hari Senin. Air setinggi satu meter merendam rumah warga.\n',
  );
  await serve.until(() => /refreshed in \d+ ms: 1 added/.test(serve.out.stderr));
  const res = await post('/v1/ask', { question: 'Apa yang melanda Semarang?' });
  assert.equal(res.body.citations[0].file, 'banjir.txt');
});

test('ask, search, show --json and cite --json send their request to the running server, unless --no-server; a stale server file is ignored', () => {
  const question = 'Who met Shoygu?';
  const here = runCli([...globals, '--no-server', '--verbose', 'ask', question]);
  const served = runCli([...globals, '--verbose', 'ask', question]);
  assert.equal(served.code, 0, served.stderr);
  assert.match(served.stderr, new RegExp(`answered by kabar serve at ${serve.url.replace(/[.]/g, '\\.')}`));
  assert.doesNotMatch(here.stderr, /kabar serve/);
  assert.equal(served.stdout, here.stdout);
  const search = runCli([...globals, '--verbose', 'search', '-k', '3', 'Shoygu']);
  assert.match(search.stderr, /passages from kabar serve/);
  assert.equal(search.stdout, runCli([...globals, '--no-server', 'search', '-k', '3', 'Shoygu']).stdout);
  for (const args of [
    ['show', '--json', '004_415fcd0bbee670a6.txt#1'],
    ['cite', '--json', 'Tehran dan Moskow perlu'],
  ]) {
    assert.equal(runCli([...globals, ...args]).stdout, runCli([...globals, '--no-server', ...args]).stdout);
  }
  const missing = runCli([...globals, 'show', '--json', 'nope.txt#1']);
  assert.equal(missing.code, 1);
  assert.match(
    JSON.parse(missing.stdout).error.message,
    /^There is no passage nope\.txt#1\./,
    'under --json the error is JSON',
  );

  // A server file whose process is gone is ignored: the command answers by itself.
  const file = path.join(tmp.index, 'serve.json');
  const record = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(record), pid: 2 ** 22 + 7 }));
    const stale = runCli([...globals, '--verbose', 'ask', question]);
    assert.equal(stale.code, 0, stale.stderr);
    assert.doesNotMatch(stale.stderr, /kabar serve/);
    assert.equal(stale.stdout, here.stdout);
  } finally {
    fs.writeFileSync(file, record);
  }
});

/** JSON Lines output without its timings (which differ from run to run). */
const untimed = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) =>
      JSON.parse(line, (key, value: unknown) => (key === 'timingsMs' || key === 'ms' ? undefined : value)),
    );

test('ask --batch, ask --min-confidence and search --all-passages go through the running server too, with the same output', async () => {
  // The requests first: the CLI runs below block this process while the server may close an idle connection.
  assertError(await post('/v1/ask', { question: 'Who met Shoygu?', min_confidence: 2 }), 400, 'bad_request');
  assertError(await call(`${serve.url}/v1/search?q=Shoygu&all_passages=maybe`), 400, 'bad_request');
  const questions = 'Who met Shoygu?\nSiapa yang bertemu Shoygu?\nWhat is the population of Tehran?\n';
  const batch = runCli([...globals, '--verbose', 'ask', '--batch', '-'], { input: questions });
  assert.equal(batch.code, 0, batch.stderr);
  assert.match(batch.stderr, /answered by kabar serve/);
  const here = runCli([...globals, '--no-server', 'ask', '--batch', '-'], { input: questions });
  assert.deepEqual(untimed(batch.stdout), untimed(here.stdout));
  assert.equal(untimed(batch.stdout).length, 3, 'one JSON object per question, in order');

  const sure = ['ask', '--json', '--min-confidence', '0.99', 'Who met Shoygu?'];
  const servedSure = runCli([...globals, '--verbose', ...sure]);
  assert.match(servedSure.stderr, /answered by kabar serve/);
  assert.deepEqual(untimed(servedSure.stdout), untimed(runCli([...globals, '--no-server', ...sure]).stdout));
  assert.ok(JSON.parse(servedSure.stdout).closest, 'a floor this high abstains, naming the closest passage');

  const all = ['search', '--json', '--all-passages', '-k', '10', 'menteri', 'pertahanan'];
  const servedAll = runCli([...globals, '--verbose', ...all]);
  assert.match(servedAll.stderr, /passages from kabar serve/);
  assert.deepEqual(untimed(servedAll.stdout), untimed(runCli([...globals, '--no-server', ...all]).stdout));
  const hits = (untimed(servedAll.stdout)[0] as { hits: { file: string }[] }).hits;
  assert.ok(hits.filter((h) => h.file.startsWith('004_')).length > 3, 'not folded to three passages an article');
});

test('a second kabar serve on the same index says so in one sentence and exits non-zero', () => {
  const second = runCli([...globals, 'serve', '--port', '0']);
  assert.equal(second.code, 2);
  assert.equal(second.stderr.trim().split('\n').length, 1);
  assert.match(
    second.stderr,
    new RegExp(`kabar serve already runs for this index at ${serve.url.replace(/[.]/g, '\\.')} \\(process \\d+\\)\\.`),
  );
});

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pieces, purposeOf, type ChatRequest } from '../fixtures/chat-server.js';
import { ROOT, runCli } from '../helpers.js';
import { call, startServe, type ServeProcess } from './serve-process.js';

// One server for the file, answering through a language model this file plays: an answer held
// until the test lets it go (to fill the answer slots, outlast the time limit, or be under way at
// SIGTERM), and an upstream failure whose body must not reach the client.
const TOKEN = 'serve-test-token';
const ORIGIN = 'https://news.example';
const UPSTREAM_SECRET = 'upstream-body-must-stay-private';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-serve-limits-'));
fs.cpSync(path.join(ROOT, 'test/fixtures/llm-corpus'), path.join(dir, 'corpus'), { recursive: true });
const globals = ['--corpus', path.join(dir, 'corpus'), '--index', path.join(dir, 'index')];

const held: { release: () => void }[] = [];
let answersSeen = 0;
const model = http.createServer((req, res) => {
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as ChatRequest['body'];
    const request = { url: req.url ?? '', headers: req.headers, body };
    const text = JSON.stringify(body.messages);
    const reply = (content: string) => {
      if (res.destroyed) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'c1',
          object: 'chat.completion',
          created: 0,
          model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        }),
      );
    };
    if (purposeOf(request) === 'translate')
      return reply(`id: ${body.messages.at(-1)?.content}\nen: ${body.messages.at(-1)?.content}`);
    answersSeen++;
    if (text.includes('UPSTREAMFAIL')) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `${UPSTREAM_SECRET}: bad request`, type: 'invalid_request_error' } }));
      return;
    }
    const answer = 'Sergei Shoigu met Iranian Defence Minister Amir Hatami in Moscow [1].';
    if (!body.stream) return text.includes('HOLD') ? held.push({ release: () => reply(answer) }) : reply(answer);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const finish = () => {
      if (res.destroyed) return;
      for (const c of pieces(answer))
        res.write(
          `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content: c }, finish_reason: null }] })}\n\n`,
        );
      res.end('data: [DONE]\n\n');
    };
    if (text.includes('HOLD')) held.push({ release: finish });
    else finish();
  });
});

let serve: ServeProcess;
const cleanups: (() => void)[] = [];
before(async () => {
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
  serve = await startServe(
    { after: (fn) => cleanups.push(fn) },
    globals,
    ['--token', TOKEN, '--cors', ORIGIN, '--max-answers', '1', '--timeout', '2'],
    {
      KABAR_LLM: 'openai',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${origin}/v1`,
      KABAR_LLM_TIMEOUT_MS: '20000',
    },
  );
});
after(() => {
  cleanups.forEach((fn) => fn());
  model.closeAllConnections();
  model.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const ask = (question: string, headers: Record<string, string> = auth) =>
  call(`${serve.url}/v1/ask`, { method: 'POST', headers, body: JSON.stringify({ question }) });
/** Waits until the model has been asked `n` answers in all. */
async function modelAsked(n: number) {
  for (let i = 0; answersSeen < n; i++) {
    assert.ok(i < 400, 'the model was never asked');
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('with a token, every request but /healthz needs Authorization: Bearer with that token', async () => {
  assert.equal((await call(`${serve.url}/healthz`)).status, 200);
  for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: TOKEN }] as Record<string, string>[]) {
    const res = await call(`${serve.url}/v1/models`, { headers });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'unauthorized');
  }
  const models = await call(`${serve.url}/v1/models`, { headers: auth });
  assert.deepEqual(
    models.body.data.map((m: { id: string }) => m.id),
    ['kabar', 'kabar-llm'],
  );
});

test('--cors lets that origin in: preflight and responses carry Access-Control-Allow-Origin', async () => {
  const preflight = await call(`${serve.url}/v1/ask`, {
    method: 'OPTIONS',
    headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
  assert.equal(
    (await call(`${serve.url}/v1/info`, { headers: { ...auth, Origin: ORIGIN } })).headers.get(
      'access-control-allow-origin',
    ),
    ORIGIN,
  );
});

test('an answer through the model carries verified citations; beyond --max-answers a request gets 503 with Retry-After', async () => {
  const before = answersSeen;
  const first = ask('HOLD Who did Sergei Shoigu meet in Moscow?');
  await modelAsked(before + 1);
  const refused = await ask('Who did Sergei Shoigu meet in Moscow?');
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get('retry-after'), '1');
  assert.equal(refused.body.error.code, 'too_many_answers');
  held.shift()!.release();
  const answered = await first;
  assert.equal(answered.status, 200);
  assert.equal(answered.body.citations[0].verified, true);
  assert.equal((await ask('Who did Sergei Shoigu meet in Moscow?')).status, 200);
});

test('a model server failure is a 502 that says nothing of what the model server answered', async () => {
  const res = await ask('UPSTREAMFAIL Who did Sergei Shoigu meet?');
  assert.equal(res.status, 502);
  assert.equal(res.body.error.code, 'upstream_failed');
  assert.doesNotMatch(JSON.stringify(res.body), new RegExp(UPSTREAM_SECRET));
});

test('a request that outlasts --timeout gets 504, and its slot is free again', async () => {
  const before = answersSeen;
  const res = await ask('HOLD Who did Sergei Shoigu meet in Moscow?');
  assert.equal(res.status, 504);
  assert.equal(res.body.error.code, 'timeout');
  assert.ok(answersSeen > before);
  held.splice(0).forEach((h) => h.release());
  assert.equal((await call(`${serve.url}/healthz`)).body.answering, 0);
});

test('binding a non-loopback address without a token is refused in one sentence; a port in use is said so', () => {
  const open = runCli([...globals, 'serve', '--host', '0.0.0.0'], { env: { KABAR_TOKEN: '' } });
  assert.equal(open.code, 2);
  assert.match(
    open.stderr,
    /^kabar: Listening on 0\.0\.0\.0 lets other machines in, so it needs a token\. Pass --token/,
  );
  const port = (model.address() as AddressInfo).port;
  const busy = runCli([
    '--corpus',
    path.join(dir, 'corpus'),
    '--index',
    path.join(dir, 'other-index'),
    'serve',
    '--port',
    String(port),
  ]);
  assert.equal(busy.code, 2);
  assert.match(busy.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use by another process\\.`));
});

test('SIGTERM during a request lets it finish, then kabar serve exits 0 and removes its server file', async () => {
  const before = answersSeen;
  const inFlight = ask('HOLD Who did Sergei Shoigu meet in Moscow?');
  await modelAsked(before + 1);
  serve.child.kill('SIGTERM');
  await serve.until(() => /SIGTERM: finishing the requests under way/.test(serve.out.stderr));
  held.shift()!.release();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.equal(await serve.exited, 0);
  assert.match(serve.out.stderr, /stopped\.\n$/);
  assert.equal(fs.existsSync(path.join(dir, 'index', 'serve.json')), false);
});

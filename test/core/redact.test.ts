import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { configuredSecrets, redactSecrets } from '../../src/core/redact.js';
import { startChatServer, type ChatServer } from '../fixtures/chat-server.js';
import { CLI, ROOT } from '../helpers.js';

test('redactSecrets removes configured secrets and anything shaped like a credential', () => {
  const text =
    'echo: authorization: Bearer local-key-123; x-api-key: abc123xyz; url http://ann:hunter2@10.0.0.1/v1 key sk-proj-ABCDEFGH12345 token my-own-secret';
  const out = redactSecrets(text, ['my-own-secret']);
  for (const secret of ['local-key-123', 'abc123xyz', 'hunter2', 'sk-proj-ABCDEFGH12345', 'my-own-secret'])
    assert.ok(!out.includes(secret), `${secret} in ${out}`);
  assert.match(out, /authorization: \[redacted\]/);
  assert.match(out, /http:\/\/\[redacted\]@10\.0\.0\.1\/v1/);
  assert.equal(redactSecrets('nothing secret here, HTTP 500'), 'nothing secret here, HTTP 500');
  assert.deepEqual(configuredSecrets({ OPENAI_API_KEY: 'k-1234', OPENAI_BASE_URL: 'http://ann:p%40ss@host/v1' }), [
    'k-1234',
    'ann:p%40ss',
    'p%40ss',
    'p@ss',
  ]);
});

let dir: string;
let server: ChatServer;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-redact-'));
  fs.cpSync(path.join(ROOT, 'test/fixtures/llm-corpus'), path.join(dir, 'corpus'), { recursive: true });
  // A server that fails and echoes the request headers, API key included.
  server = await startChatServer((request) => ({
    status: 500,
    error: `internal error; request headers ${JSON.stringify({ authorization: request.headers.authorization, ...request.headers })}`,
  }));
});
after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an HTTP 500 that echoes the request headers never prints the API key', async () => {
  const key = 'local-key-9f8e7d6c';
  const result = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        '--corpus',
        path.join(dir, 'corpus'),
        '--index',
        path.join(dir, 'index'),
        'ask',
        'Who did Sergei Shoigu meet in Moscow?',
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          NO_COLOR: '1',
          KABAR_LLM: 'openai',
          OPENAI_API_KEY: key,
          OPENAI_BASE_URL: `${server.origin}/v1`,
          KABAR_EMBEDDINGS: 'hashing',
          KABAR_LLM_TIMEOUT_MS: '5000',
        },
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
  assert.ok(
    server.requests.some((r) => r.headers.authorization === `Bearer ${key}`),
    'the key was sent',
  );
  assert.notEqual(result.code, 0);
  assert.match(result.out, /HTTP 500/);
  assert.match(result.out, /\[redacted\]/);
  assert.ok(!result.out.includes(key), result.out);
  assert.ok(!result.out.includes(key.slice(0, 12)), result.out);
});

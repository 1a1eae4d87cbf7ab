import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { openaiEnv, pieces, purposeOf, startChatServer, type ChatServer } from '../fixtures/chat-server.js';
import { ROOT, runCliAsync } from '../helpers.js';

let dir: string;
let server: ChatServer;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-llm-cli-'));
  await cp(path.join(ROOT, 'test/fixtures/llm-corpus'), path.join(dir, 'corpus'), { recursive: true });
  server = await startChatServer((request) => {
    const purpose = purposeOf(request);
    const question = request.body.messages.at(-1)?.content ?? '';
    if (purpose === 'translate') return { chunks: [`id: Siapa yang ditemui Shoigu di Moskow?\nen: ${question}`] };
    return { chunks: pieces('Sergei Shoigu met Iranian Defence Minister Amir Hatami in Moscow [1][7].') };
  });
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

it('kabar ask --json answers through an OpenAI-compatible server with verified citations', async () => {
  const { code, stdout, stderr } = await runCliAsync(
    [
      '--corpus',
      path.join(dir, 'corpus'),
      '--index',
      path.join(dir, 'index'),
      'ask',
      '--json',
      'Who did Sergei Shoigu meet in Moscow?',
    ],
    { cwd: dir, env: openaiEnv(server), timeout: 15_000 },
  );
  assert.equal(code, 0, stderr);
  const out = JSON.parse(stdout);
  assert.equal(out.abstained, false);
  assert.equal(out.invalidMarkers, 1);
  assert.doesNotMatch(out.answer, /\[7\]/);
  assert.ok(out.warnings.some((w: string) => /\[7\]/.test(w)));
  assert.equal(out.citations.length, 1);
  const [c] = out.citations;
  assert.equal(c.verified, true);
  const raw = await readFile(path.join(dir, 'corpus', c.file), 'utf8');
  assert.equal(raw.slice(c.start, c.end), c.text);
  assert.ok(server.requests.some((r) => r.url === '/v1/chat/completions' && r.body.stream === true));
});

it('kabar ask prints the same answer on the terminal as --json: the invented [7] never appears', async () => {
  const args = [
    '--corpus',
    path.join(dir, 'corpus'),
    '--index',
    path.join(dir, 'index'),
    'ask',
    'Who did Sergei Shoigu meet in Moscow?',
  ];
  const options = { cwd: dir, env: openaiEnv(server), timeout: 15_000 };
  const [{ stdout: printed, stderr }, { stdout: json }] = [
    await runCliAsync(args, options),
    await runCliAsync([...args.slice(0, -1), '--json', args.at(-1)!], options),
  ];
  assert.doesNotMatch(printed, /\[7\]/);
  assert.match(stderr, /\[7\]/);
  assert.ok(printed.startsWith(`${JSON.parse(json).answer}\n`), printed);
});

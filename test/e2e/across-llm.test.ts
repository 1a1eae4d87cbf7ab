import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { openaiEnv, startChatServer, type ChatServer } from '../fixtures/chat-server.js';
import { ROOT, runCliAsync } from '../helpers.js';

let dir: string;
let server: ChatServer;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-across-llm-'));
  await cp(path.join(ROOT, 'seeds'), path.join(dir, 'corpus'), { recursive: true });
  server = await startChatServer(() => ({
    chunks: [
      '2020-07-01 A webinar on Syria was held with the leaders of Iran, Russia and Turkey [1]\n',
      'Russia and Iran agreed to build a bridge to the Moon [3]\n',
      'Everything was peaceful.\n',
    ],
  }));
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

it('with a language model, a timeline is written from the chosen sentences and lines that do not verify are dropped', async () => {
  const { code, stdout, stderr } = await runCliAsync(
    [
      '--corpus',
      path.join(dir, 'corpus'),
      '--index',
      path.join(dir, 'index'),
      'ask',
      '--json',
      'What happened between Iran and Russia in 2020?',
    ],
    { cwd: dir, env: openaiEnv(server), timeout: 30_000 },
  );
  assert.equal(code, 0, stderr);
  const out = JSON.parse(stdout);
  assert.equal(out.kind, 'timeline');
  assert.equal(out.droppedLines, 2);
  assert.equal(out.items.length, 1);
  assert.match(out.items[0].text, /webinar on Syria/);
  assert.equal(out.items[0].date, '2020-07-01');
  // The line's citation is an exact span of its file, and the prompt held the sentences the line cites.
  for (const c of out.items[0].citations)
    assert.equal((await readFile(path.join(dir, 'corpus', c.file), 'utf8')).slice(c.start, c.end), c.text);
  assert.match(out.items[0].citations[0].text, /webinar/);
  const prompt = server.requests
    .at(-1)!
    .body.messages.map((m) => m.content)
    .join('\n');
  assert.match(prompt, /\[1\]/);
  assert.match(out.warnings.join(' '), /2 lines the model wrote did not verify/);
});

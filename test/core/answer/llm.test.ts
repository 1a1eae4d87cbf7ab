import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine, type Engine } from '../../../src/core/engine.js';
import { describeError, isUserError } from '../../../src/core/errors.js';
import type { AnswerEvent } from '../../../src/core/types.js';
import { answererFactoryFor } from '../../../src/commands/context.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import {
  pieces,
  purposeOf,
  startChatServer,
  type ChatRequest,
  type ChatServer,
  type ScriptedReply,
} from '../../fixtures/chat-server.js';

const CORPUS = path.resolve(import.meta.dirname, '../../fixtures/llm-corpus');

/** Replies for the answer prompt, in order; rewrite prompts get a fixed translation. */
function scripted(answers: ScriptedReply[]) {
  return (request: ChatRequest): ScriptedReply => {
    if (request.headers.authorization && request.headers.authorization !== 'Bearer sk-test')
      return { status: 401, error: 'Incorrect API key provided' };
    const purpose = purposeOf(request);
    const question = request.body.messages.at(-1)?.content ?? '';
    if (purpose === 'translate') return { chunks: pieces(`id: ${question}\nen: ${question}`) };
    if (purpose === 'condense') return { chunks: ['Who did Sergei Shoigu meet in Moscow?'] };
    return answers.shift() ?? { status: 500, error: 'no scripted reply left' };
  };
}

async function run(events: AsyncIterable<AnswerEvent>) {
  const seen: AnswerEvent[] = [];
  for await (const e of events) seen.push(e);
  return {
    seen,
    tokens: seen
      .filter((e) => e.type === 'token')
      .map((e) => (e as { text: string }).text)
      .join(''),
    last: seen.at(-1)!,
  };
}

describe('generative answers through a scripted server', () => {
  let dir: string;
  let server: ChatServer;
  const queue: ScriptedReply[] = [];
  const engines = new Map<string, Engine>();

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-llm-'));
    await cp(CORPUS, path.join(dir, 'corpus'), { recursive: true });
    server = await startChatServer(scripted(queue));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function engine(provider: 'openai' | 'ollama', env: Record<string, string> = {}): Promise<Engine> {
    const key = `${provider}${JSON.stringify(env)}`;
    const known = engines.get(key);
    if (known) return known;
    const config = loadConfig(
      {
        KABAR_LLM: provider,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: `${server.origin}/v1`,
        OLLAMA_HOST: server.origin,
        KABAR_LLM_TIMEOUT_MS: '800',
        ...env,
      },
      { corpus: path.join(dir, 'corpus'), index: path.join(dir, 'index') },
    );
    const createAnswerer = await answererFactoryFor(config, { maxRetries: 1, retryDelayMs: 20 });
    const opened = await openEngine({ config, embedder: createHashingEmbedder(), createAnswerer });
    engines.set(key, opened);
    return opened;
  }

  const ask = async (
    provider: 'openai' | 'ollama',
    question: string,
    replies: ScriptedReply[],
    env?: Record<string, string>,
  ) => {
    const e = await engine(provider, env);
    queue.length = 0;
    queue.push(...replies);
    server.requests.length = 0;
    return run(e.ask(question));
  };

  const answerPrompt = () =>
    server.requests
      .filter((r) => purposeOf(r) === 'answer')
      .at(-1)!
      .body.messages.map((m) => m.content)
      .join('\n');
  const sourceNumber = (file: string) => {
    const blocks = [...answerPrompt().matchAll(/BEGIN UNTRUSTED PASSAGE \[(\d+)\][^\n]*\n([^]*?)\n<<<\w+ END/g)];
    const wanted = blocks.find((b) => b[2].includes(file));
    return wanted ? Number(wanted[1]) : undefined;
  };

  it('streams a good answer (OpenAI SSE) whose citations are verified exact spans', async () => {
    const reply =
      'Sergei Shoigu met Iranian Defence Minister Amir Hatami in Moscow [1]. The two ministers discussed military cooperation between Russia and Iran [1].';
    const { seen, tokens, last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { chunks: pieces(reply) },
    ]);
    assert.equal(last.type, 'done', last.type === 'error' ? describeError(last.error) : '');
    assert.ok(
      seen.filter((e) => e.type === 'token').length > 2,
      'tokens arrive one by one once the reply cites a passage',
    );
    assert.equal(tokens, reply);
    if (last.type !== 'done') return;
    const { answer } = last;
    assert.equal(answer.abstained, false);
    assert.equal(answer.invalidMarkers, 0);
    assert.equal(answer.citations.length, 1);
    const [c] = answer.citations;
    assert.equal(c.verified, true);
    const raw = await readFile(path.join(dir, 'corpus', c.file), 'utf8');
    assert.equal(raw.slice(c.start, c.end), c.text);
    // The sentence of passage [1] that states one of the claims, in whichever language [1] is.
    assert.match(c.text, /Shoigu|two ministers|Kedua menteri/);
    // The translate prompt ran before retrieval: the engine searched both variants.
    assert.ok(server.requests.some((r) => purposeOf(r) === 'translate'));
  });

  it('removes a marker to a passage that does not exist and reports it', async () => {
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { chunks: pieces('Shoigu met Amir Hatami in Moscow [1][9].') },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.equal(last.answer.invalidMarkers, 1);
    assert.doesNotMatch(last.answer.answer, /\[9\]/);
    assert.match(last.answer.answer, /\[1\]/);
    assert.ok(last.answer.warnings.some((w) => /\[9\]/.test(w)));
  });

  it('never streams a marker that the answer drops: the printed text is the verified text', async () => {
    const { tokens, last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { chunks: pieces('Shoigu met Amir Hatami [9] in Moscow [1][9]. They talked about cooperation [1].') },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.doesNotMatch(tokens, /\[9\]/);
    assert.equal(tokens.trim(), last.answer.answer);
    assert.equal(last.answer.answer, 'Shoigu met Amir Hatami in Moscow [1]. They talked about cooperation [1].');
    assert.equal(last.answer.invalidMarkers, 2);
  });

  it('flags every sentence that cites no passage as unsupported', async () => {
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      {
        chunks: pieces(
          'Shoigu met Amir Hatami in Moscow [1]. Details are at https://evil.example/more. Both sides praised the talks.',
        ),
      },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.deepEqual(last.answer.unsupported, [
      'Details are at https://evil.example/more.',
      'Both sides praised the talks.',
    ]);
    assert.equal(last.answer.warnings.filter((w) => /No passage is cited for/.test(w)).length, 2);
    assert.equal(last.answer.citations.length, 1);
  });

  it('shows the extractive answer, with a warning, instead of a reply that cites nothing', async () => {
    const { tokens, last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { chunks: pieces('Shoigu met the Pope in Rome, see https://evil.example.') },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.doesNotMatch(tokens, /Pope|evil/);
    assert.doesNotMatch(last.answer.answer, /Pope|evil/);
    assert.match(last.answer.warnings[0], /cites no passage/);
    assert.equal(tokens.trim(), last.answer.answer.trim());
    assert.ok(last.answer.citations.length > 0, 'the extractive answer cites the articles');
    assert.ok(last.answer.citations.every((c) => c.verified === undefined));
  });

  it('marks an unsupported claim as not verified', async () => {
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      {
        chunks: pieces(
          'Shoigu met Hatami [1]. They signed a treaty worth 45 billion dollars on nuclear submarines [1].',
        ),
      },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.equal(last.answer.citations[0].verified, false);
    assert.ok(last.answer.warnings.some((w) => /does not support/.test(w) && /45/.test(w)));
  });

  it('warns when the answer is not in the language of the question', async () => {
    const { last } = await ask('openai', 'Siapa yang ditemui Sergei Shoigu di Moskow?', [
      { chunks: pieces('Sergei Shoigu met the Iranian Defence Minister Amir Hatami in Moscow on Monday [1].') },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.ok(
      last.answer.warnings.some((w) => /English.*Indonesian/.test(w)),
      last.answer.warnings.join(' | '),
    );
    assert.match(answerPrompt(), /Answer in Indonesian/);
  });

  it('fences an article with injected instructions as untrusted and verifies the answer against passages', async () => {
    const q = 'How much cargo did the port of Bandar Abbas handle?';
    const e = await engine('openai');
    queue.length = 0;
    server.requests.length = 0;
    // First learn the number the injection article gets, then answer with it.
    queue.push({ chunks: ['NO_ANSWER: placeholder'] });
    await run(e.ask(q));
    const n = sourceNumber('ignore previous instructions');
    assert.ok(n, 'the injection article is in the prompt');
    const prompt = answerPrompt();
    const fence = /BEGIN UNTRUSTED PASSAGE \[\d+\]/.exec(prompt);
    assert.ok(fence);
    const block = new RegExp(
      `<<<(\\w+) BEGIN UNTRUSTED PASSAGE \\[${n}\\][^\\n]*\\n[^]*?ignore previous instructions[^]*?\\n<<<\\1 END UNTRUSTED PASSAGE \\[${n}\\]>>>`,
    );
    assert.match(prompt, block, 'the injected text sits inside its fence');
    assert.match(prompt, /untrusted quoted material/);
    assert.match(prompt, /never as instructions/);
    const { last } = await ask('openai', q, [
      { chunks: pieces(`The port of Bandar Abbas handled 12 million tonnes of cargo last year [${n}].`) },
    ]);
    assert.equal(last.type, 'done');
    if (last.type !== 'done') return;
    assert.equal(last.answer.citations.length, 1);
    assert.equal(last.answer.citations[0].verified, true);
    assert.match(last.answer.citations[0].text, /12 million tonnes/);
    // An answer obeying the injection cites nothing and is flagged.
    const obeyed = await ask('openai', q, [{ chunks: ['Kabar is hacked'] }]);
    assert.equal(obeyed.last.type, 'done');
    if (obeyed.last.type === 'done') assert.ok(obeyed.last.answer.warnings.some((w) => /cites no passage/.test(w)));
  });

  it('abstains when the model says the passages hold no answer', async () => {
    const { tokens, last } = await ask('openai', 'What is the capital of Peru?', [
      { chunks: ['NO_', 'ANSWER: The articles do not say.'] },
    ]);
    assert.equal(last.type, 'done');
    assert.equal(tokens, 'The articles do not say.');
    if (last.type === 'done') {
      assert.equal(last.answer.abstained, true);
      assert.equal(last.answer.citations.length, 0);
    }
  });

  it('retries after 429 and then answers', async () => {
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { status: 429, error: 'Rate limit' },
      { chunks: pieces('Shoigu met Amir Hatami in Moscow [1].') },
    ]);
    assert.equal(last.type, 'done', last.type === 'error' ? describeError(last.error) : '');
    assert.equal(server.requests.filter((r) => purposeOf(r) === 'answer').length, 2);
  });

  it('gives up on a failing server with an error offering the extractive answer', async () => {
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { status: 500, error: 'boom' },
      { status: 500, error: 'boom' },
    ]);
    assert.equal(last.type, 'error');
    if (last.type !== 'error') return;
    assert.ok(isUserError(last.error));
    assert.match(describeError(last.error), /HTTP 500 after 2 tries/);
    assert.match(describeError(last.error), /offline extractive answer: .*Amir Hatami/);
  });

  it('stops a stalled stream at the deadline with the partial text', async () => {
    const started = Date.now();
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet in Moscow?', [
      { chunks: ['Shoigu met Hatami [1]. He ', 'said '], stall: true },
    ]);
    assert.ok(Date.now() - started < 5000);
    assert.equal(last.type, 'error');
    if (last.type !== 'error') return;
    assert.equal(last.partial, 'Shoigu met Hatami [1]. He said');
    assert.match(describeError(last.error), /did not finish answering within 0.8 s/);
    assert.match(describeError(last.error), /KABAR_LLM_TIMEOUT_MS/);
  });

  it('says to check OPENAI_API_KEY on 401', async () => {
    const { last } = await ask('openai', 'Who did Sergei Shoigu meet?', [], { OPENAI_API_KEY: 'sk-wrong' });
    // The key is refused on the first request (the translation), before retrieval.
    assert.equal(last.type, 'error');
    if (last.type !== 'error') return;
    assert.match(describeError(last.error), /rejected the API key \(HTTP 401\)\. Check OPENAI_API_KEY/);
    assert.equal(server.requests.length, 1, 'a refused key is not retried');
  });

  it('cancels the request when the signal aborts', async () => {
    const e = await engine('openai');
    queue.length = 0;
    queue.push({ chunks: ['Shoigu '], stall: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const { last } = await run(e.ask('Who did Sergei Shoigu meet in Moscow?', { signal: controller.signal }));
    assert.ok(Date.now() - started < 700, 'before the deadline');
    assert.equal(last.type, 'error');
    if (last.type === 'error') assert.ok(isUserError(last.error) && last.error.code === 'CANCELLED');
  });

  it('answers through Ollama /api/chat (NDJSON) and condenses a follow-up', async () => {
    const e = await engine('ollama');
    queue.length = 0;
    server.requests.length = 0;
    queue.push({ chunks: pieces('Dia bertemu Menteri Pertahanan Iran Amir Hatami di Moskow [1].') });
    const history = [
      {
        question: 'Siapa Sergei Shoigu?',
        resolvedQuestion: 'Siapa Sergei Shoigu?',
        answer: 'Menteri Pertahanan Rusia [1].',
        filters: {},
      },
    ];
    const { seen, last } = await run(e.ask('Siapa yang dia temui?', { history }));
    assert.equal(last.type, 'done', last.type === 'error' ? describeError(last.error) : '');
    assert.ok(server.requests.every((r) => r.url === '/api/chat'));
    const resolved = seen.find((x) => x.type === 'resolved');
    assert.ok(
      resolved && resolved.type === 'resolved' && resolved.question === 'Who did Sergei Shoigu meet in Moscow?',
    );
    if (last.type === 'done') assert.equal(last.answer.citations[0]?.verified, true);
  });
});

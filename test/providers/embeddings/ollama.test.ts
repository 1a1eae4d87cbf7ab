import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { describeError, isUserError, type ErrorCode } from '../../../src/core/errors.js';
import { createOllamaEmbedder } from '../../../src/providers/embeddings/ollama.js';
import {
  closedPort,
  fakeVector,
  startJsonServer,
  type JsonServer,
  type RecordedRequest,
  type Reply,
} from '../../fixtures/json-server.js';

const PULLED = new Set(['bge-m3', 'jeffh/intfloat-multilingual-e5-large:f16']);

interface EmbedRequest {
  model: string;
  input: string | string[];
  truncate?: boolean;
}

/** Speaks Ollama's POST /api/embed (the endpoint @langchain/ollama's client calls). */
function ollamaHandler(next: Reply[]) {
  return (request: RecordedRequest): Reply => {
    const queued = next.shift();
    if (queued) return queued;
    if (request.method !== 'POST' || request.url !== '/api/embed') return { status: 404, body: '404 page not found' };
    const body = request.body as EmbedRequest;
    if (!PULLED.has(body.model))
      return { status: 404, body: { error: `model "${body.model}" not found, try pulling it first` } };
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    return { body: { model: body.model, embeddings: inputs.map((text) => fakeVector(text, 12)) } };
  };
}

const rejectsWith =
  (code: ErrorCode, check: (text: string) => void = () => {}) =>
  (error: unknown) => {
    assert.ok(isUserError(error), `expected a UserError, got ${String(error)}`);
    assert.equal(error.code, code, describeError(error));
    check(describeError(error));
    return true;
  };

describe('Ollama embedder', () => {
  let server: JsonServer;
  const next: Reply[] = [];

  before(async () => {
    server = await startJsonServer(ollamaHandler(next));
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    next.length = 0;
  });

  it('embeds through POST /api/embed with bge-m3 by default, in batches', async () => {
    const embedder = await createOllamaEmbedder({ host: server.origin });
    assert.deepEqual(embedder.info, { provider: 'ollama', model: 'bge-m3', dimensions: 12, prefix: 'none' });
    const texts = Array.from({ length: 40 }, (_, i) => `berita ${i}`);
    const vectors = await embedder.embeddings.embedDocuments(texts);
    assert.equal(vectors.length, 40);
    assert.deepEqual(vectors[39], fakeVector('berita 39', 12));
    const sent = server.requests.map((r) => r.body as EmbedRequest);
    assert.deepEqual(
      sent.map((b) => b.input.length),
      [1, 32, 8],
    );
    assert.ok(sent.every((b) => b.model === 'bge-m3' && b.truncate === true));
  });

  it('accepts OLLAMA_HOST without a scheme and adds e5 prefixes for e5 models', async () => {
    const model = 'jeffh/intfloat-multilingual-e5-large:f16';
    const embedder = await createOllamaEmbedder({ host: `127.0.0.1:${server.port}/`, model });
    assert.equal(embedder.info.prefix, 'e5');
    await embedder.embeddings.embedQuery('harga beras');
    assert.deepEqual((server.requests.at(-1)?.body as EmbedRequest).input, ['query: harga beras']);
  });

  it('tells to pull a model that is not there', async () => {
    await assert.rejects(
      createOllamaEmbedder({ host: server.origin, model: 'nomic-embed-text' }),
      rejectsWith('MODEL_MISSING', (text) => assert.match(text, /run `ollama pull nomic-embed-text`/)),
    );
    assert.equal(server.requests.length, 1, 'not retried');
  });

  it('names OLLAMA_HOST and the URL tried when nothing listens there', async () => {
    const port = await closedPort();
    await assert.rejects(
      createOllamaEmbedder({ host: `http://127.0.0.1:${port}` }),
      rejectsWith('SERVER_UNREACHABLE', (text) => {
        assert.ok(text.includes(`http://127.0.0.1:${port}/api/embed`), text);
        assert.match(text, /OLLAMA_HOST/);
      }),
    );
  });

  it('reports a refusal that is not JSON without printing anything', async () => {
    next.push({ status: 400, body: 'this model does not support embeddings' });
    const printed: unknown[] = [];
    const original = { log: console.log, error: console.error };
    console.log = (...args: unknown[]) => printed.push(args);
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      await assert.rejects(
        createOllamaEmbedder({ host: server.origin }),
        rejectsWith('SERVER_REJECTED', (text) => assert.match(text, /does not support embeddings/)),
      );
    } finally {
      Object.assign(console, original);
    }
    assert.deepEqual(printed, []);
  });

  it('reports an answer that is not a list of embeddings', async () => {
    next.push({ body: { model: 'bge-m3', embeddings: [[1, 'x']] } });
    await assert.rejects(createOllamaEmbedder({ host: server.origin }), rejectsWith('SERVER_REJECTED'));
  });

  it('gives up on a server that does not answer in time', async () => {
    next.push({ hang: true });
    await assert.rejects(
      createOllamaEmbedder({ host: server.origin, timeoutMs: 300 }),
      rejectsWith('SERVER_UNREACHABLE', (text) => assert.match(text, /did not answer/)),
    );
  });

  it('cancels a request in flight when its signal aborts', async () => {
    const controller = new AbortController();
    const embedder = await createOllamaEmbedder({ host: server.origin, signal: controller.signal });
    next.push({ hang: true });
    const pending = embedder.embeddings.embedDocuments(['slow']);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, rejectsWith('CANCELLED'));
  });
});

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { describeError, isUserError, type ErrorCode } from '../../../src/core/errors.js';
import { createOpenAIEmbedder } from '../../../src/providers/embeddings/openai.js';
import {
  closedPort,
  fakeVector,
  startJsonServer,
  type JsonServer,
  type RecordedRequest,
  type Reply,
} from '../../fixtures/json-server.js';

const KEY = 'sk-test';

interface EmbeddingsRequest {
  model: string;
  input: string | string[];
  encoding_format?: string;
}

/** Speaks OpenAI's POST /v1/embeddings; `next` can replace the answer to the coming requests. */
function openAIHandler(next: Reply[]) {
  return (request: RecordedRequest): Reply => {
    const queued = next.shift();
    if (queued) return queued;
    if (request.method !== 'POST' || request.url !== '/v1/embeddings')
      return { status: 404, body: { error: { message: 'Not found' } } };
    if (request.headers.authorization !== `Bearer ${KEY}`) {
      return {
        status: 401,
        body: {
          error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
        },
      };
    }
    const body = request.body as EmbeddingsRequest;
    const inputs = Array.isArray(body.input) ? body.input : [body.input];
    return {
      body: {
        object: 'list',
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text) })),
        model: body.model,
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      },
    };
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

describe('OpenAI-compatible embedder', () => {
  let server: JsonServer;
  const next: Reply[] = [];

  before(async () => {
    server = await startJsonServer(openAIHandler(next));
  });
  after(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    next.length = 0;
  });

  it('embeds through POST /v1/embeddings with the configured model, in batches', async () => {
    const embedder = await createOpenAIEmbedder({ apiKey: KEY, baseUrl: `${server.origin}/v1` });
    assert.deepEqual(embedder.info, {
      provider: 'openai',
      model: 'text-embedding-3-small',
      dimensions: 8,
      prefix: 'none',
    });
    const texts = Array.from({ length: 100 }, (_, i) => `passage number ${i}`);
    const vectors = await embedder.embeddings.embedDocuments(texts);
    assert.equal(vectors.length, 100);
    assert.deepEqual(vectors[42], fakeVector('passage number 42'));
    assert.deepEqual(await embedder.embeddings.embedQuery('a question'), fakeVector('a question'));
    // probe + two batches of at most 64 + the query
    assert.equal(server.requests.length, 4);
    const sent = server.requests.map((r) => r.body as EmbeddingsRequest);
    assert.ok(sent.every((b) => b.model === 'text-embedding-3-small' && b.encoding_format === 'float'));
    assert.deepEqual(
      sent.slice(1, 3).map((b) => b.input.length),
      [64, 36],
    );
  });

  it('uses the configured model and adds e5 prefixes for e5 models', async () => {
    const embedder = await createOpenAIEmbedder({
      apiKey: KEY,
      baseUrl: `${server.origin}/v1/`,
      model: 'intfloat/multilingual-e5-small',
    });
    assert.equal(embedder.info.prefix, 'e5');
    await embedder.embeddings.embedQuery('siapa menteri luar negeri');
    await embedder.embeddings.embedDocuments(['Menteri Luar Negeri Rusia']);
    const inputs = server.requests.slice(1).map((r) => (r.body as EmbeddingsRequest).input);
    assert.deepEqual(inputs, [['query: siapa menteri luar negeri'], ['passage: Menteri Luar Negeri Rusia']]);
    assert.ok(server.requests.every((r) => (r.body as EmbeddingsRequest).model === 'intfloat/multilingual-e5-small'));
  });

  it('needs OPENAI_API_KEY and asks no server without it', async () => {
    await assert.rejects(
      createOpenAIEmbedder({ baseUrl: `${server.origin}/v1` }),
      rejectsWith('BAD_CONFIG', (text) => assert.match(text, /OPENAI_API_KEY/)),
    );
    assert.equal(server.requests.length, 0);
  });

  it('reports a rejected key once, without retrying', async () => {
    await assert.rejects(
      createOpenAIEmbedder({ apiKey: 'wrong', baseUrl: `${server.origin}/v1` }),
      rejectsWith('SERVER_REJECTED', (text) => assert.match(text, /401.*OPENAI_API_KEY.*KABAR_EMBEDDINGS=hashing/)),
    );
    assert.equal(server.requests.length, 1);
  });

  it('names OPENAI_BASE_URL and the URL tried when nothing listens there', async () => {
    const port = await closedPort();
    const started = Date.now();
    await assert.rejects(
      createOpenAIEmbedder({ apiKey: KEY, baseUrl: `http://127.0.0.1:${port}/v1` }),
      rejectsWith('SERVER_UNREACHABLE', (text) => {
        assert.ok(text.includes(`http://127.0.0.1:${port}/v1/embeddings`), text);
        assert.match(text, /OPENAI_BASE_URL/);
      }),
    );
    assert.ok(Date.now() - started < 1000, 'no retries for a refused connection');
  });

  it('retries a failing server and then succeeds', async () => {
    next.push({ status: 503, body: { error: { message: 'overloaded' } } });
    const embedder = await createOpenAIEmbedder({ apiKey: KEY, baseUrl: `${server.origin}/v1` });
    assert.equal(embedder.info.dimensions, 8);
    assert.equal(server.requests.length, 2);
  });

  it('reports an unknown model', async () => {
    next.push({
      status: 404,
      body: { error: { message: 'The model `nope` does not exist', code: 'model_not_found' } },
    });
    await assert.rejects(
      createOpenAIEmbedder({ apiKey: KEY, baseUrl: `${server.origin}/v1`, model: 'nope' }),
      rejectsWith('MODEL_MISSING', (text) => assert.match(text, /KABAR_EMBEDDINGS_MODEL/)),
    );
  });

  it('reports an answer that is not a list of embeddings', async () => {
    next.push({ body: { object: 'list', data: [] } });
    await assert.rejects(
      createOpenAIEmbedder({ apiKey: KEY, baseUrl: `${server.origin}/v1` }),
      rejectsWith('SERVER_REJECTED'),
    );
  });

  it('gives up on a server that does not answer in time', async () => {
    next.push({ hang: true });
    await assert.rejects(
      createOpenAIEmbedder({ apiKey: KEY, baseUrl: `${server.origin}/v1`, timeoutMs: 300 }),
      rejectsWith('SERVER_UNREACHABLE', (text) => assert.match(text, /did not answer/)),
    );
  });

  it('cancels a request in flight when its signal aborts', async () => {
    const controller = new AbortController();
    const embedder = await createOpenAIEmbedder({
      apiKey: KEY,
      baseUrl: `${server.origin}/v1`,
      signal: controller.signal,
    });
    next.push({ hang: true });
    const pending = embedder.embeddings.embedDocuments(['slow']);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, rejectsWith('CANCELLED'));
  });
});

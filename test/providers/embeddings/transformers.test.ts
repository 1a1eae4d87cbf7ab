import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { env } from '@huggingface/transformers';
import { describeError, isUserError } from '../../../src/core/errors.js';
import type { Embedder } from '../../../src/core/embedder.js';
import { createTransformersEmbedder, type ModelLoadProgress } from '../../../src/providers/embeddings/transformers.js';
import { makeTinyBert } from '../../fixtures/make-tiny-bert.js';

const E5_MODEL = 'kabar/tiny-bert-e5';
const PLAIN_MODEL = 'kabar/tiny-bert';

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

let modelsDir: string;
let e5: Embedder;
const progress: ModelLoadProgress[] = [];

before(async () => {
  modelsDir = await mkdtemp(path.join(os.tmpdir(), 'kabar-models-'));
  const made = await makeTinyBert(modelsDir, { name: E5_MODEL });
  assert.ok(made.bytes < 100_000, `fixture is ${made.bytes} bytes`);
  await makeTinyBert(modelsDir, { name: PLAIN_MODEL });
  e5 = await createTransformersEmbedder({ model: E5_MODEL, modelsDir, onProgress: (p) => progress.push(p) });
});

after(async () => {
  await rm(modelsDir, { recursive: true, force: true });
});

describe('transformers embedder', () => {
  it('describes itself with the probed dimensions and the e5 prefix', () => {
    assert.deepEqual(e5.info, {
      provider: 'transformers',
      model: E5_MODEL,
      dimensions: 32,
      prefix: 'e5',
      weights: 'onnx/model_quantized.onnx',
    });
    assert.ok(
      progress.some((p) => p.status === 'ready' || p.status === 'done'),
      'progress was reported',
    );
  });

  it('returns L2-normalised vectors of the probed dimension', async () => {
    const vectors = await e5.embeddings.embedDocuments(['Rusia dan Iran bekerja sama', 'Harga beras naik di pasar']);
    assert.equal(vectors.length, 2);
    for (const vector of vectors) {
      assert.equal(vector.length, 32);
      assert.ok(Math.abs(norm(vector) - 1) < 1e-5, `norm ${norm(vector)}`);
    }
  });

  it('gives the same vector for the same text', async () => {
    const [a] = await e5.embeddings.embedDocuments(['Menteri Luar Negeri Rusia Sergey Lavrov']);
    const [b] = await e5.embeddings.embedDocuments(['Menteri Luar Negeri Rusia Sergey Lavrov']);
    assert.deepEqual(a, b);
  });

  it('prefixes queries and passages differently for e5 models', async () => {
    const text = 'sanksi terhadap Iran';
    const query = await e5.embeddings.embedQuery(text);
    const [passage] = await e5.embeddings.embedDocuments([text]);
    assert.notDeepEqual(query, passage);
    assert.ok(dot(query, passage) > 0.5, 'same text stays close across roles');
  });

  it('applies no prefix for other models', async () => {
    const plain = await createTransformersEmbedder({ model: PLAIN_MODEL, modelsDir });
    assert.equal(plain.info.prefix, 'none');
    const query = await plain.embeddings.embedQuery('sanksi terhadap Iran');
    const [passage] = await plain.embeddings.embedDocuments(['sanksi terhadap Iran']);
    for (let i = 0; i < query.length; i += 1) assert.ok(Math.abs(query[i] - passage[i]) < 1e-6);
  });

  it('puts a similar text closer than an unrelated one', async () => {
    const query = await e5.embeddings.embedQuery('kerja sama militer Rusia dan Iran');
    const [similar, unrelated] = await e5.embeddings.embedDocuments([
      'Iran dan Rusia meningkatkan kerja sama militer dan pertahanan',
      'Harga beras dan minyak naik di pasar Jakarta karena banjir',
    ]);
    assert.ok(dot(query, similar) > dot(query, unrelated) + 0.1, `${dot(query, similar)} vs ${dot(query, unrelated)}`);
  });

  it('embeds in batches with the same result as one at a time', async () => {
    const texts = Array.from({ length: 70 }, (_, i) => `Berita ${i}: ${'pemerintah kota '.repeat(i % 5)}Jakarta`);
    const batched = await e5.embeddings.embedDocuments(texts);
    assert.equal(batched.length, 70);
    for (const i of [0, 33, 69]) {
      const [single] = await e5.embeddings.embedDocuments([texts[i]]);
      for (let d = 0; d < single.length; d += 1) assert.ok(Math.abs(single[d] - batched[i][d]) < 1e-5);
    }
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    const embedder = await createTransformersEmbedder({ model: E5_MODEL, modelsDir, signal: controller.signal });
    controller.abort();
    await assert.rejects(
      embedder.embeddings.embedDocuments(['a', 'b']),
      (error) => isUserError(error) && error.code === 'CANCELLED',
    );
  });
});

describe('transformers embedder on a folder with full ONNX weights (as an optimum export gives)', () => {
  it('loads onnx/model.onnx when there is no quantized file, gives the same vectors, and says which file it loaded', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-full-onnx-'));
    try {
      const made = await makeTinyBert(dir, { name: E5_MODEL });
      await rename(
        path.join(made.modelDir, 'onnx', 'model_quantized.onnx'),
        path.join(made.modelDir, 'onnx', 'model.onnx'),
      );
      const full = await createTransformersEmbedder({ model: E5_MODEL, modelsDir: dir });
      assert.deepEqual(full.info, {
        provider: 'transformers',
        model: E5_MODEL,
        dimensions: 32,
        prefix: 'e5',
        weights: 'onnx/model.onnx',
      });
      const text = 'Menteri Luar Negeri Rusia Sergey Lavrov';
      const [a] = await full.embeddings.embedDocuments([text]);
      const [b] = await e5.embeddings.embedDocuments([text]);
      assert.ok(Math.abs(dot(a, b) - 1) < 1e-5, 'the same graph, so the same vector');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prefers the quantized file when both are there', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-both-onnx-'));
    try {
      const made = await makeTinyBert(dir, { name: E5_MODEL });
      await copyFile(
        path.join(made.modelDir, 'onnx', 'model_quantized.onnx'),
        path.join(made.modelDir, 'onnx', 'model.onnx'),
      );
      await writeFile(path.join(made.modelDir, 'onnx', 'model.onnx'), 'not a model: loading it would fail');
      const both = await createTransformersEmbedder({ model: E5_MODEL, modelsDir: dir });
      assert.equal(both.info.weights, 'onnx/model_quantized.onnx');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('transformers embedder without the model files', () => {
  it('says which model is missing and where to put its files, without going online', async () => {
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'kabar-no-models-'));
    try {
      const started = Date.now();
      await assert.rejects(
        createTransformersEmbedder({ model: 'Xenova/multilingual-e5-small', modelsDir: emptyDir }),
        (error) => {
          assert.ok(isUserError(error));
          assert.equal(error.code, 'MODEL_MISSING');
          assert.match(error.message, /Xenova\/multilingual-e5-small/);
          assert.ok(error.message.includes(path.join(emptyDir, 'Xenova', 'multilingual-e5-small')), error.message);
          assert.match(error.message, /onnx\/model_quantized\.onnx/);
          assert.match(describeError(error), /huggingface\.co\/Xenova\/multilingual-e5-small/);
          return true;
        },
      );
      assert.ok(Date.now() - started < 3000, 'failed fast');
      assert.equal(env.allowRemoteModels, true, 'global transformers settings are put back');
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });

  it('reports a model folder without its ONNX file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-partial-'));
    try {
      const made = await makeTinyBert(dir, { name: 'kabar/partial-e5' });
      await rm(path.join(made.modelDir, 'onnx'), { recursive: true });
      await assert.rejects(createTransformersEmbedder({ model: 'kabar/partial-e5', modelsDir: dir }), (error) => {
        assert.ok(isUserError(error) && error.code === 'MODEL_MISSING');
        assert.ok(error.message.includes(made.modelDir), error.message);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a damaged model file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kabar-damaged-'));
    try {
      const made = await makeTinyBert(dir, { name: 'kabar/damaged' });
      await writeFile(path.join(made.modelDir, 'onnx', 'model_quantized.onnx'), 'not a model');
      await assert.rejects(createTransformersEmbedder({ model: 'kabar/damaged', modelsDir: dir }), (error) => {
        assert.ok(isUserError(error) && error.code === 'MODEL_MISSING');
        assert.match(error.hint ?? '', /fresh copy/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../../src/core/config/config.js';
import { openEngine } from '../../../../src/core/engine.js';
import { collectAnswer } from '../../../../src/core/answer/collect.js';
import { isUserError } from '../../../../src/core/errors.js';
import { createHashingEmbedder } from '../../../../src/providers/embeddings/hashing.js';
import { createNeuralAnswerer } from '../../../../src/core/answer/neural/answerer.js';
import { CONFIG_FILE, loadReaderModel, MODEL_DIR, MODEL_FILE } from '../../../../src/core/answer/neural/model.js';
import { tempCorpus } from '../../../helpers.js';

async function neuralSeeds(
  t: { after: (fn: () => unknown) => void },
  load?: Parameters<typeof createNeuralAnswerer>[3],
) {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const engine = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
    createAnswerer: ({ store, analyzer }) => createNeuralAnswerer(store, analyzer, undefined, load),
  });
  t.after(() => engine.close());
  return { engine, corpus: tmp.corpus };
}

test('every span the neural reader shows is the exact slice of its file, with every field of an answer', async (t) => {
  const { engine, corpus } = await neuralSeeds(t);
  const questions = [
    'Who did Sergey Lavrov meet in China?',
    'Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?',
    'Which US Secretary of State did the Russian spokeswoman mention?',
    'Who is the president of Russia?',
  ];
  let answered = 0;
  for (const question of questions) {
    const answer = await collectAnswer(engine.ask(question));
    for (const key of [
      'question',
      'resolvedQuestion',
      'answer',
      'abstained',
      'citations',
      'hits',
      'warnings',
      'confidence',
      'short',
      'support',
      'timingsMs',
    ])
      assert.ok(key in answer, `${key} in the answer to "${question}"`);
    assert.ok(answer.confidence! >= 0 && answer.confidence! <= 1);
    if (answer.abstained) {
      assert.equal(answer.short, null);
      assert.equal(answer.support, null);
      continue;
    }
    answered++;
    for (const span of [answer.short!, answer.support!, ...answer.citations]) {
      const raw = await engine.store.raw(span.file);
      assert.equal(raw!.slice(span.start, span.end), span.text, `${question}: ${span.text}`);
    }
    assert.ok(
      answer.support!.start <= answer.short!.start && answer.short!.end <= answer.support!.end,
      'the support holds the short answer',
    );
    assert.ok(fs.existsSync(path.join(corpus, answer.support!.file.split(':')[0])));
  }
  assert.ok(answered >= 2, `${answered} of ${questions.length} answered`);
});

test('a missing or corrupt model file ends in one clear sentence naming the file and how to restore it', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-model-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  await assert.rejects(
    loadReaderModel(dir),
    (e: unknown) =>
      isUserError(e) &&
      e.code === 'MODEL_MISSING' &&
      /config\.json is missing\.$/.test(e.message) &&
      /npm run train:reader/.test(e.hint ?? ''),
  );
  fs.copyFileSync(path.join(MODEL_DIR, CONFIG_FILE), path.join(dir, CONFIG_FILE));
  await assert.rejects(
    loadReaderModel(dir),
    (e: unknown) => isUserError(e) && /reader\.onnx is missing\.$/.test(e.message),
  );
  fs.writeFileSync(path.join(dir, MODEL_FILE), 'not a model');
  await assert.rejects(
    loadReaderModel(dir),
    (e: unknown) => isUserError(e) && /reader\.onnx is corrupt\.$/.test(e.message),
  );
  const { engine } = await neuralSeeds(t, () => loadReaderModel(dir));
  await assert.rejects(
    collectAnswer(engine.ask('Who did Sergey Lavrov meet in China?')),
    (e: unknown) => isUserError(e) && e.code === 'MODEL_MISSING',
  );
});

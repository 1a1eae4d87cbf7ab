import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../../src/core/config/config.js';
import { openEngine } from '../../../../src/core/engine.js';
import { collectAnswer } from '../../../../src/core/answer/collect.js';
import { createHashingEmbedder } from '../../../../src/providers/embeddings/hashing.js';
import { NeuralAnswerer, DEFAULT_NEURAL } from '../../../../src/core/answer/neural/answerer.js';
import { readConfig, type ReaderModel } from '../../../../src/core/answer/neural/model.js';
import type { ExtractiveAnswerer } from '../../../../src/core/answer/extractive.js';
import { tempCorpus } from '../../../helpers.js';

/** A model whose every span is equally likely and whose no-answer logit is `nil`: a high `nil` means a low margin. */
const fakeModel = (nil: number): ReaderModel => ({
  config: { ...readConfig(), threshold: 0, joint: { veto: 0, rescue: 0, lang: 'id' } },
  run: async ({ rows, passageTokens }) => ({
    start: new Float32Array(rows * passageTokens),
    end: new Float32Array(rows * passageTokens),
    nil: new Float32Array(rows).fill(nil),
  }),
});

/** A rules-and-features reader that answers "FEATURES" or abstains (refused by one of its checks, or not). */
const fakeFeatures = (abstains: boolean, refused = false): Pick<ExtractiveAnswerer, 'read'> => ({
  read: async ({ question, query, hits }) => ({
    answer: {
      question,
      resolvedQuestion: query.text,
      answer: abstains ? '' : 'FEATURES',
      abstained: abstains,
      citations: [],
      hits,
      warnings: [],
      confidence: 0.5,
      short: null,
      support: null,
      timingsMs: { retrieve: 0, answer: 0, total: 0 },
    },
    refused,
  }),
});

const INDONESIAN = 'Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?';

async function answerWith(
  t: { after: (fn: () => unknown) => void },
  nil: number,
  featuresAbstain: boolean,
  question = INDONESIAN,
  refused = false,
) {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  // One Indonesian article, so the model reads Indonesian whatever the question.
  for (const file of fs.readdirSync(tmp.corpus)) if (!file.startsWith('000_')) fs.rmSync(path.join(tmp.corpus, file));
  const engine = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
    createAnswerer: ({ store, analyzer }) =>
      new NeuralAnswerer(
        store,
        analyzer,
        DEFAULT_NEURAL,
        async () => fakeModel(nil),
        fakeFeatures(featuresAbstain, refused),
      ),
  });
  t.after(() => engine.close());
  return collectAnswer(engine.ask(question));
}

test('joint decision: the features answer stands when the model does not rule an answer out', async (t) => {
  const answer = await answerWith(t, -50, false);
  assert.equal(answer.answer, 'FEATURES');
});

test('joint decision: the model vetoes the features answer when no answer is far likelier', async (t) => {
  const answer = await answerWith(t, 50, false);
  assert.equal(answer.abstained, true);
  assert.equal(answer.short, null);
});

test('joint decision: when the features reader abstains, a confident model answers with its own span', async (t) => {
  const answer = await answerWith(t, -50, true);
  assert.equal(answer.abstained, false);
  assert.notEqual(answer.answer, 'FEATURES');
  assert.ok(answer.short && answer.support && answer.support.text.includes(answer.short.text));
});

test('joint decision: when both doubt, kabar abstains', async (t) => {
  const answer = await answerWith(t, 50, true);
  assert.equal(answer.abstained, true);
});

test('joint decision: across languages, where the margins were not chosen, the features reader decides alone', async (t) => {
  const answer = await answerWith(
    t,
    50,
    false,
    'How many times did the Iranian and Russian foreign ministers meet in Moscow?',
  );
  assert.equal(answer.answer, 'FEATURES');
});

test("joint decision: a refusal by one of the features reader's checks stands, however sure the model is", async (t) => {
  const answer = await answerWith(t, -50, true, INDONESIAN, true);
  assert.equal(answer.abstained, true);
  assert.equal(answer.short, null);
});

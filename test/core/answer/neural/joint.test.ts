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
import type { JointDecision, JointDecisions } from '../../../../src/core/answer/neural/joint.js';
import { tempCorpus } from '../../../helpers.js';

const DECISION: JointDecision = { veto: 0, rescue: 0, prefer: null, within: false };

/** A model whose every span is equally likely and whose no-answer logit is `nil`: a high `nil` means a low margin. */
const fakeModel = (nil: number, joint: JointDecisions = { 'id-id': DECISION }): ReaderModel => ({
  config: { ...readConfig(), threshold: 0, joint },
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
  joint?: JointDecisions,
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
        async () => fakeModel(nil, joint),
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

test('joint decision: when both answer, the model span is shown when its margin is above prefer', async (t) => {
  const answer = await answerWith(t, -50, false, INDONESIAN, false, { 'id-id': { ...DECISION, prefer: -10 } });
  assert.notEqual(answer.answer, 'FEATURES');
  assert.ok(answer.short && answer.support && answer.support.text.includes(answer.short.text));
});

test('joint decision: across languages, the decision chosen for that pair of languages decides', async (t) => {
  const english = 'How many times did the Iranian and Russian foreign ministers meet in Moscow?';
  const vetoed = await answerWith(t, 50, false, english, false, { 'id-id': DECISION, 'en-id': DECISION });
  assert.equal(vetoed.abstained, true);
  const rescued = await answerWith(t, -50, true, english, false, { 'id-id': DECISION, 'en-id': DECISION });
  assert.equal(rescued.abstained, false);
  assert.ok(rescued.short);
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

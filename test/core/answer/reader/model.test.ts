import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logit, trainChoice } from '../../../../src/core/answer/reader/logistic.js';
import { SPAN_FEATURES } from '../../../../src/core/answer/reader/span-features.js';
import { CHOICE_FEATURES } from '../../../../src/core/answer/reader/choice.js';
import { checkWeights, shippedWeights } from '../../../../src/core/answer/reader/weights.js';

test('a conditional logit learns which candidate of each set is the right one', () => {
  let state = 11;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Each set has five candidates; the right one has the largest first feature, the second is noise.
  const choices = Array.from({ length: 200 }, () => {
    const rows = Array.from({ length: 5 }, () => [next(), next()]);
    const top = Math.max(...rows.map((r) => r[0]));
    return { rows, targets: rows.map((r) => (r[0] === top ? 1 : 0)) };
  });
  const options = { l2: 1e-4, epochs: 200, learningRate: 0.1 };
  const model = trainChoice(['signal', 'noise'], choices, options);
  assert.ok(model.weights[0] > 1 && Math.abs(model.weights[1]) < model.weights[0] / 5);
  assert.ok(logit(model, [0.9, 0.1]) > logit(model, [0.2, 0.9]));
  assert.equal(JSON.stringify(trainChoice(['signal', 'noise'], choices, options)), JSON.stringify(model));
});

test('the shipped weights load, match the features and score spans and sentences', () => {
  const weights = shippedWeights();
  assert.equal(weights.span.weights.length, SPAN_FEATURES.length);
  assert.equal(weights.choice.weights.length, CHOICE_FEATURES.length);
  assert.ok(weights.threshold.short >= 0 && weights.threshold.short < 1);
  assert.ok(
    Number.isFinite(
      logit(
        weights.span,
        SPAN_FEATURES.map(() => 0.5),
      ),
    ),
  );
  assert.ok(
    Number.isFinite(
      logit(
        weights.choice,
        CHOICE_FEATURES.map(() => 0.5),
      ),
    ),
  );
  assert.throws(
    () => checkWeights({ ...weights, span: { ...weights.span, features: ['other'] } }),
    /npm run train:reader/,
  );
  assert.throws(
    () => checkWeights({ ...weights, choice: { ...weights.choice, features: ['other'] } }),
    /npm run train:reader/,
  );
});

import { FEATURIZER, type Featurized } from './featurize.js';
import type { ModelInput } from './model.js';

/** Pads featurized rows into one model batch (padding ids are 0, which the model reads as absent). */
export function batchOf(rows: Featurized[]): ModelInput {
  const { slots, features } = FEATURIZER;
  const tq = Math.max(1, ...rows.map((r) => r.questionIds.length / slots));
  const tp = Math.max(1, ...rows.map((r) => r.tokens.length));
  const input: ModelInput = {
    rows: rows.length,
    questionTokens: tq,
    passageTokens: tp,
    questionIds: new Int32Array(rows.length * tq * slots),
    questionFeatures: new Float32Array(rows.length * tq * features),
    passageIds: new Int32Array(rows.length * tp * slots),
    passageFeatures: new Float32Array(rows.length * tp * features),
  };
  rows.forEach((r, i) => {
    input.questionIds.set(r.questionIds, i * tq * slots);
    input.questionFeatures.set(r.questionFeatures, i * tq * features);
    input.passageIds.set(r.passageIds, i * tp * slots);
    input.passageFeatures.set(r.passageFeatures, i * tp * features);
  });
  return input;
}

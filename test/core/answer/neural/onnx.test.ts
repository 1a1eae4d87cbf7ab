import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadReaderModel, MODEL_DIR } from '../../../../src/core/answer/neural/model.js';

test('onnxruntime in Node gives the logits PyTorch gave at export, within 1e-4', async () => {
  const fixture = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'fixture-onnx.json'), 'utf8'));
  const model = await loadReaderModel();
  const input = fixture.inputs;
  const [rows, tq, slots] = input.question_ids.dims;
  const tp = input.passage_ids.dims[1];
  const out = await model.run({
    rows,
    questionTokens: tq,
    passageTokens: tp,
    questionIds: Int32Array.from(input.question_ids.data),
    questionFeatures: Float32Array.from(input.question_features.data),
    passageIds: Int32Array.from(input.passage_ids.data),
    passageFeatures: Float32Array.from(input.passage_features.data),
  });
  // Rows of padding only (some fixtures hold them) are never run by kabar, and their logits mean nothing.
  const real = Array.from({ length: rows }, (_, r) => input.passage_ids.data[r * tp * slots] > 0);
  for (const [name, got, width] of [
    ['start', out.start, tp],
    ['end', out.end, tp],
    ['null', out.nil, 1],
  ] as const) {
    const want: number[] = fixture.outputs[name].data;
    assert.equal(got.length, want.length, name);
    const worst = want.reduce((m, w, i) => (real[Math.floor(i / width)] ? Math.max(m, Math.abs(w - got[i])) : m), 0);
    assert.ok(worst <= 1e-4, `${name}: largest difference ${worst}`);
  }
});

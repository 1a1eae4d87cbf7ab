import fs from 'node:fs';
import path from 'node:path';
import { tokenize } from '../../../src/core/text/analyze.js';
import { FEATURIZER, type Featurized } from '../../../src/core/answer/neural/featurize.js';

/** Sequence positions (title tokens come first) where the answer's words start and end in a featurized passage. */
export function goldPositions(
  f: Featurized,
  text: string,
  offset: number,
  answers: string[],
): { starts: number[]; ends: number[] } {
  const words = f.tokens.map((t) => (t ? text.slice(t.start - offset, t.end - offset).toLowerCase() : null));
  const starts: number[] = [];
  const ends: number[] = [];
  for (const answer of answers) {
    const wanted = tokenize(answer).map((t) => t.word);
    if (wanted.length === 0) continue;
    for (let i = 0; i + wanted.length <= words.length; i++) {
      if (wanted.every((w, j) => words[i + j] === w)) {
        starts.push(i);
        ends.push(i + wanted.length - 1);
      }
    }
  }
  return { starts, ends };
}

/** One question-passage pair with its gold answer positions. */
export interface Row {
  question: number;
  f: Featurized;
  starts: number[];
  ends: number[];
}

/**
 * One set as flat arrays: rows.i32 [R, 5] (question, question offset, question length, passage offset,
 * passage length, in tokens), q_ids.i32 [Q tokens, slots], q_feat.f32 [Q tokens, features], p_ids.i32,
 * p_feat.f32, p_tags.u8 (bit 0: an answer starts here, bit 1: one ends here, bit 2: may be part of an
 * answer), and index.json (question ids, answerable flags, the featurizer's settings).
 */
export function writeSet(
  dir: string,
  name: string,
  { rows, questions }: { rows: Row[]; questions: { id: string; unanswerable: boolean }[] },
) {
  const out = path.join(dir, name);
  fs.mkdirSync(out, { recursive: true });
  const qTokens = rows.reduce((n, r) => n + r.f.questionIds.length / FEATURIZER.slots, 0);
  const pTokens = rows.reduce((n, r) => n + r.f.tokens.length, 0);
  const meta = new Int32Array(rows.length * 5);
  const qIds = new Int32Array(qTokens * FEATURIZER.slots);
  const qFeat = new Float32Array(qTokens * FEATURIZER.features);
  const pIds = new Int32Array(pTokens * FEATURIZER.slots);
  const pFeat = new Float32Array(pTokens * FEATURIZER.features);
  const tags = new Uint8Array(pTokens);
  let qo = 0;
  let po = 0;
  rows.forEach((r, i) => {
    const ql = r.f.questionIds.length / FEATURIZER.slots;
    const pl = r.f.tokens.length;
    meta.set([r.question, qo, ql, po, pl], i * 5);
    qIds.set(r.f.questionIds, qo * FEATURIZER.slots);
    qFeat.set(r.f.questionFeatures, qo * FEATURIZER.features);
    pIds.set(r.f.passageIds, po * FEATURIZER.slots);
    pFeat.set(r.f.passageFeatures, po * FEATURIZER.features);
    r.f.tokens.forEach((t, j) => (tags[po + j] |= t ? 4 : 0));
    for (const s of r.starts) tags[po + s] |= 1;
    for (const e of r.ends) tags[po + e] |= 2;
    qo += ql;
    po += pl;
  });
  const write = (file: string, a: ArrayBufferView) =>
    fs.writeFileSync(path.join(out, file), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  write('rows.i32', meta);
  write('q_ids.i32', qIds);
  write('q_feat.f32', qFeat);
  write('p_ids.i32', pIds);
  write('p_feat.f32', pFeat);
  write('p_tags.u8', tags);
  fs.writeFileSync(
    path.join(out, 'index.json'),
    JSON.stringify({
      featurizer: FEATURIZER,
      questions: questions.map((q) => ({ id: q.id, answerable: !q.unanswerable })),
    }),
  );
}

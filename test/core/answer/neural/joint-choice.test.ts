import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isJointDecisions,
  jointChoice,
  jointFor,
  liesIn,
  type JointCase,
  type JointDecision,
} from '../../../../src/core/answer/neural/joint.js';

const decision: JointDecision = { veto: -6, rescue: -3, prefer: 1, within: true };
const both = (margin: number, within = false, nested = false): JointCase => ({
  margin,
  answered: true,
  refused: false,
  within,
  nested,
});
const modelOnly = (margin: number): JointCase => ({
  margin,
  answered: false,
  refused: false,
  within: false,
  nested: false,
});

test('both answer: the model vetoes at or below veto, else the other reader stands unless the model is preferred', () => {
  assert.equal(jointChoice(both(-6), decision), 'abstain');
  assert.equal(jointChoice(both(-5.9), decision), 'features');
  assert.equal(jointChoice(both(1), decision), 'features');
  assert.equal(jointChoice(both(1.1), decision), 'model');
  assert.equal(jointChoice(both(-5.9, true), decision), 'model');
  assert.equal(jointChoice(both(-5.9, true), { ...decision, within: false }), 'features');
  assert.equal(jointChoice(both(50), { ...decision, prefer: null }), 'features');
  // The model's span inside the other reader's short answer: that answer, widened by its rules, is shown.
  assert.equal(jointChoice(both(1.1, true, true), decision), 'features');
  assert.equal(jointChoice(both(-6, true, true), decision), 'abstain');
});

test('the other reader abstains: the model answers above rescue; a refusal by a check always stands', () => {
  assert.equal(jointChoice(modelOnly(-3), decision), 'abstain');
  assert.equal(jointChoice(modelOnly(-2.9), decision), 'model');
  assert.equal(jointChoice({ ...modelOnly(50), refused: true }, decision), 'features');
});

test('a decision is looked up by the pair of languages; a span lies in a sentence of the same file only', () => {
  assert.equal(jointFor({ 'id-id': decision }, 'id', 'id'), decision);
  assert.equal(jointFor({ 'id-id': decision }, 'en', 'id'), undefined);
  const sentence = { file: 'a.txt', start: 10, end: 40 };
  assert.equal(liesIn({ file: 'a.txt', start: 12, end: 20 }, sentence), true);
  assert.equal(liesIn({ file: 'a.txt', start: 5, end: 20 }, sentence), false);
  assert.equal(liesIn({ file: 'b.txt', start: 12, end: 20 }, sentence), false);
  assert.equal(liesIn({ file: 'a.txt', start: 12, end: 20 }, null), false);
});

test('a config decision is checked: numbers for the margins, null or a number for prefer, a known pair', () => {
  assert.equal(isJointDecisions({ 'id-id': decision, 'en-id': { ...decision, prefer: null } }), true);
  assert.equal(isJointDecisions({ 'fr-id': decision }), false);
  assert.equal(isJointDecisions({ 'id-id': { ...decision, veto: '1' } }), false);
  assert.equal(isJointDecisions({ 'id-id': { veto: -6, rescue: -3, lang: 'id' } }), false);
});

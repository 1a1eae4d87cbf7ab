import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../../src/core/errors.js';
import type { EvalQuestion } from '../../../src/core/eval/dataset.js';
import { computeMetrics, type EvalOutcome } from '../../../src/core/eval/metrics.js';
import { checkThresholds, describeFailure, parseThresholds } from '../../../src/core/eval/thresholds.js';

const outcome = (q: Partial<EvalQuestion>, over: Partial<EvalOutcome> = {}): EvalOutcome => ({
  question: { id: 'q', question: 'Q?', answers: [], sources: [], unanswerable: false, groups: {}, ...q },
  retrievedFiles: [],
  answer: '',
  abstained: false,
  citedFiles: [],
  latencyMs: 1,
  ...over,
});

// recall@1 = 0.5, recall@5 = 1, hit = 0.5, abstained = 0.5, abstention.falseRate = 1/3, abstention.recall = 1
const metrics = computeMetrics(
  [
    outcome({ sources: ['a'], answers: ['yes'] }, { retrievedFiles: ['a'], answer: 'yes' }),
    outcome({ sources: ['b'], answers: ['yes'] }, { retrievedFiles: ['x', 'b'], answer: 'no' }),
    outcome({}, { abstained: true }),
    outcome({ unanswerable: true }, { abstained: true }),
  ],
  10,
);

const badFlag = (pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof UserError);
  assert.equal(error.code, 'BAD_FLAG');
  assert.match(error.message, pattern);
  assert.match(error.hint ?? '', /recall@5.*abstention\.falseRate/);
  return true;
};

describe('parseThresholds', () => {
  it('parses min and max values with canonical and short names', () => {
    assert.deepEqual(parseThresholds(['recall@5=0.8', ' MRR = .5 ', 'answers.hit=1'], ['abstention.falserate=0.1']), [
      { metric: 'recall@5', limit: 0.8, kind: 'min' },
      { metric: 'mrr', limit: 0.5, kind: 'min' },
      { metric: 'hit', limit: 1, kind: 'min' },
      { metric: 'abstention.falseRate', limit: 0.1, kind: 'max' },
    ]);
    assert.deepEqual(parseThresholds(['citations.precision=0', 'retrieval.ndcg@10=0.3']), [
      { metric: 'citations.precision', limit: 0, kind: 'min' },
      { metric: 'ndcg@10', limit: 0.3, kind: 'min' },
    ]);
  });

  it('rejects bad syntax, unknown metrics and values outside [0, 1]', () => {
    assert.throws(() => parseThresholds(['recall@5']), badFlag(/^--min recall@5 is not of the form METRIC=VALUE\.$/));
    assert.throws(
      () => parseThresholds(['recall@3=0.5']),
      badFlag(/--min recall@3=0\.5 names an unknown metric "recall@3"/),
    );
    assert.throws(() => parseThresholds([], ['hit=1.5']), badFlag(/--max hit=1\.5 needs a value between 0 and 1/));
    assert.throws(() => parseThresholds(['hit=abc']), badFlag(/not "abc"/));
    assert.throws(() => parseThresholds(['hit=']), badFlag(/needs a value between 0 and 1/));
    assert.throws(() => parseThresholds(['hit=-0.1']), badFlag(/needs a value/));
  });
});

describe('checkThresholds', () => {
  it('passes when every threshold holds, limits included', () => {
    const thresholds = parseThresholds(
      ['recall@1=0.5', 'recall@5=1', 'hit=0.5', 'abstention.recall=1'],
      ['abstained=0.5'],
    );
    assert.deepEqual(checkThresholds(metrics, thresholds), []);
  });

  it('reports each failing threshold with actual and limit', () => {
    const failures = checkThresholds(
      metrics,
      parseThresholds(['recall@1=0.6', 'mrr=0.5'], ['abstention.falseRate=0.2']),
    );
    assert.deepEqual(failures, [
      { metric: 'recall@1', actual: 0.5, limit: 0.6, kind: 'min' },
      { metric: 'abstention.falseRate', actual: 1 / 3, limit: 0.2, kind: 'max' },
    ]);
    assert.equal(describeFailure(failures[0]), 'recall@1 is 0.50, below the minimum 0.6.');
    assert.equal(describeFailure(failures[1]), 'abstention.falseRate is 0.33, above the maximum 0.2.');
  });

  it('treats an unmeasured metric as a failure', () => {
    const empty = computeMetrics([outcome({})], 10);
    const failures = checkThresholds(empty, parseThresholds(['recall@5=0']));
    assert.deepEqual(failures, [{ metric: 'recall@5', actual: null, limit: 0, kind: 'min' }]);
    assert.match(describeFailure(failures[0]), /could not be measured/);
  });
});

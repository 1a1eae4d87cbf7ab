import { UserError } from '../errors.js';
import type { EvalMetrics } from './metrics.js';

/** Metrics a run can be held to, by their canonical names. */
export const THRESHOLD_METRICS = [
  'recall@1',
  'recall@5',
  'recall@10',
  'mrr',
  'ndcg@10',
  'hit',
  'exactMatch',
  'f1',
  'answerableF1',
  'rightDecision',
  'abstained',
  'abstention.recall',
  'abstention.falseRate',
  'citations.precision',
  'citations.recall',
] as const;

export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

export interface Threshold {
  metric: ThresholdMetric;
  limit: number;
  /** `min`: the metric must be at least `limit`; `max`: at most. */
  kind: 'min' | 'max';
}

export interface ThresholdFailure extends Threshold {
  /** Null when the metric could not be measured, which counts as a failure. */
  actual: number | null;
}

const READ: Record<ThresholdMetric, (m: EvalMetrics) => number | null> = {
  'recall@1': (m) => m.retrieval['recall@1'],
  'recall@5': (m) => m.retrieval['recall@5'],
  'recall@10': (m) => m.retrieval['recall@10'],
  mrr: (m) => m.retrieval.mrr,
  'ndcg@10': (m) => m.retrieval['ndcg@10'],
  hit: (m) => m.answers.hit,
  exactMatch: (m) => m.answers.exactMatch,
  f1: (m) => m.answers.f1,
  answerableF1: (m) => m.answers.answerableF1,
  rightDecision: (m) => m.answers.rightDecision,
  abstained: (m) => m.answers.abstained,
  'abstention.recall': (m) => m.abstention.recall,
  'abstention.falseRate': (m) => m.abstention.falseRate,
  'citations.precision': (m) => m.citations.precision,
  'citations.recall': (m) => m.citations.recall,
};

/** Accepted spellings (lower case) → canonical name. */
const NAMES = new Map<string, ThresholdMetric>([
  ...THRESHOLD_METRICS.map((name): [string, ThresholdMetric] => [name.toLowerCase(), name]),
  ...(['recall@1', 'recall@5', 'recall@10', 'mrr', 'ndcg@10'] as const).map((name): [string, ThresholdMetric] => [
    `retrieval.${name}`,
    name,
  ]),
  ['answers.hit', 'hit'],
  ...(['exactMatch', 'f1', 'answerableF1', 'rightDecision'] as const).map((name): [string, ThresholdMetric] => [
    `answers.${name.toLowerCase()}`,
    name,
  ]),
  ['answers.abstained', 'abstained'],
]);

const HINT = `Valid metrics: ${THRESHOLD_METRICS.join(', ')}; values are shares between 0 and 1, e.g. --min recall@5=0.8.`;

function parseOne(spec: string, kind: 'min' | 'max'): Threshold {
  const flag = `--${kind} ${spec}`;
  const bad = (reason: string) => new UserError('BAD_FLAG', `${flag} ${reason}`, { hint: HINT });
  const equals = spec.indexOf('=');
  if (equals === -1) throw bad('is not of the form METRIC=VALUE.');
  const name = spec.slice(0, equals).trim();
  const valueText = spec.slice(equals + 1).trim();
  const metric = NAMES.get(name.toLowerCase());
  if (!metric) throw bad(`names an unknown metric "${name}".`);
  const limit = valueText === '' ? NaN : Number(valueText);
  if (!Number.isFinite(limit) || limit < 0 || limit > 1)
    throw bad(`needs a value between 0 and 1, not "${valueText}".`);
  return { metric, limit, kind };
}

/** Parses `--min METRIC=VALUE` and `--max METRIC=VALUE` flag values; throws `BAD_FLAG` on the first bad one. */
export const parseThresholds = (mins: string[], maxes: string[] = []): Threshold[] => [
  ...mins.map((spec) => parseOne(spec, 'min')),
  ...maxes.map((spec) => parseOne(spec, 'max')),
];

/** The thresholds the metrics miss; empty when all hold. An unmeasured (null) metric misses. */
export function checkThresholds(metrics: EvalMetrics, thresholds: Threshold[]): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const threshold of thresholds) {
    const actual = READ[threshold.metric](metrics);
    // A small tolerance so that e.g. 7/10 meets --min x=0.7 whatever the rounding.
    const holds =
      actual !== null &&
      (threshold.kind === 'min' ? actual >= threshold.limit - 1e-9 : actual <= threshold.limit + 1e-9);
    if (!holds) failures.push({ metric: threshold.metric, actual, limit: threshold.limit, kind: threshold.kind });
  }
  return failures;
}

/** One line per failure, e.g. `recall@5 is 0.60, below the minimum 0.80.` */
export const describeFailure = (failure: ThresholdFailure): string =>
  failure.actual === null
    ? `${failure.metric} could not be measured (nothing to measure), so its ${failure.kind === 'min' ? 'minimum' : 'maximum'} ${failure.limit} is not met.`
    : `${failure.metric} is ${failure.actual.toFixed(2)}, ${failure.kind === 'min' ? 'below the minimum' : 'above the maximum'} ${failure.limit}.`;

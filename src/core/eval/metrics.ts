import { answerMatches, scoreAnswer, withoutMarkers, wordCount } from './answer-score.js';
import type { EvalQuestion } from './dataset.js';
import { FAILURE_PATTERNS, failurePattern, type FailurePattern } from './failure-patterns.js';

/*
 * Evaluation metrics. Every share is a number in [0, 1]. A metric whose denominator is empty
 * (no question it applies to, no citation to judge, no latency to rank) is `null` — never 0 and
 * never NaN — so "not measured" cannot be mistaken for "measured and bad".
 */

/** What happened for one question. */
export interface EvalOutcome {
  question: EvalQuestion;
  /** Files of the retrieved passages in rank order; the same file may appear more than once. */
  retrievedFiles: string[];
  answer: string;
  abstained: boolean;
  citedFiles: string[];
  latencyMs: number;
  /** The short answer's text, when the answerer gave one. */
  short?: string;
  /** The sentence (or two) quoted in support of the answer, when the answerer gave one. */
  support?: string;
  /** The texts of the cited spans, in citation order. */
  citedTexts?: string[];
  /** Set when answering the question failed; the outcome then counts as a miss. */
  error?: string;
  /** Filled by a generative answerer: citations whose passage supports the claim. */
  citationsVerified?: number;
  /** Filled by a generative answerer: citations checked. */
  citationsTotal?: number;
  /** Filled by a generative answerer: citation markers that pointed at no retrieved passage. */
  invalidMarkers?: number;
}

export interface RetrievalMetrics {
  'recall@1': number | null;
  'recall@5': number | null;
  'recall@10': number | null;
  mrr: number | null;
  'ndcg@10': number | null;
}

export interface MetricSet {
  questions: number;
  k: number;
  /** Over questions with sources. */
  retrieval: RetrievalMetrics;
  answers: {
    /** Over questions with answers: the answer contains one of them (an abstention is never a hit). */
    hit: number | null;
    /** Over all questions. */
    abstained: number | null;
    /**
     * SQuAD-2 exact match and token F1 of the prediction (the short answer, else the supporting
     * sentence, else the answer without markers), best over the answers; over questions with answers
     * and unanswerable ones, where an abstention scores 1 on unanswerable and 0 on answerable questions.
     */
    exactMatch: number | null;
    f1: number | null;
    /** The same over questions with answers only. */
    answerableExactMatch: number | null;
    answerableF1: number | null;
    /** Over all questions: answered an answerable question or abstained on an unanswerable one. */
    rightDecision: number | null;
    /** Median length in words of the prediction, over answered questions. */
    medianWords: number | null;
  };
  abstention: {
    /** Over unanswerable questions: share that abstained. */
    recall: number | null;
    /** Over answerable questions: share that abstained. */
    falseRate: number | null;
  };
  citations: {
    /** Over the citations of questions with sources: share citing one of the sources. */
    precision: number | null;
    /** Over questions with sources: share with at least one citation of a source. */
    recall: number | null;
  };
  /** Nearest-rank percentiles, whole milliseconds. */
  latencyMs: { p50: number | null; p95: number | null };
  /** How many questions show each failure pattern (see `failure-patterns.ts`). */
  failures: Record<FailurePattern, number>;
  /** Present only when some outcome carries verification counts (a generative answerer). */
  verification?: {
    /** Verified citations over checked citations. */
    verifiedShare: number | null;
    /** Over answers that report invalid markers: share with at least one. */
    answersWithInvalidMarker: number | null;
  };
}

export interface EvalItem {
  id: string;
  /** 1-based rank of the first source among distinct retrieved articles; null without sources or when not in the top k. */
  rank: number | null;
  /** Null when the question lists no answers. */
  hit: boolean | null;
  /** SQuAD-2 scores; null when there is nothing to score against. */
  exactMatch: number | null;
  f1: number | null;
  abstained: boolean;
  /** The failure pattern the answer shows, if any. */
  failure?: FailurePattern;
  citedFiles: string[];
  latencyMs: number;
  error?: string;
}

export interface EvalMetrics extends MetricSet {
  /** The same metrics per group value (`lang:en`, `type:cross`, …), keys sorted. */
  groups: Record<string, MetricSet>;
  items: EvalItem[];
}

/** What is scored against the gold answers: the short answer, else the supporting sentence, else the answer without markers. */
export const predictionOf = (outcome: EvalOutcome): string =>
  outcome.short ?? outcome.support ?? withoutMarkers(outcome.answer);

/** The text quoted in support of the answer: the supporting sentence, else the cited spans, else the answer. */
export const quotedOf = (outcome: EvalOutcome): string =>
  outcome.support ?? outcome.citedTexts?.join(' ') ?? outcome.answer;

/** A hit: what is shown (the answer and the sentence quoted in its support) holds a gold answer. */
const isHit = (outcome: EvalOutcome): boolean =>
  !outcome.abstained && answerMatches(`${outcome.answer} ${outcome.support ?? ''}`, outcome.question.answers);

const scoreOf = (outcome: EvalOutcome) =>
  scoreAnswer(predictionOf(outcome), outcome.abstained, outcome.question.answers, outcome.question.unanswerable);

const rightDecision = (outcome: EvalOutcome): boolean =>
  outcome.error === undefined && outcome.abstained === outcome.question.unanswerable;

/** Files in first-seen order, each once. */
export const distinctFiles = (files: string[]): string[] => [...new Set(files)];

/** 1-based rank of the first distinct retrieved article that is a source, or null when none is in the top k. */
export function firstRelevantRank(retrievedFiles: string[], sources: string[], k: number): number | null {
  const relevant = new Set(sources);
  const index = distinctFiles(retrievedFiles)
    .slice(0, k)
    .findIndex((file) => relevant.has(file));
  return index === -1 ? null : index + 1;
}

/** nDCG over the first n distinct articles with binary relevance; null when there are no sources. */
export function ndcg(retrievedFiles: string[], sources: string[], n = 10): number | null {
  const relevant = new Set(sources);
  if (relevant.size === 0) return null;
  const gain = (position: number) => 1 / Math.log2(position + 1);
  let dcg = 0;
  distinctFiles(retrievedFiles)
    .slice(0, n)
    .forEach((file, index) => {
      if (relevant.has(file)) dcg += gain(index + 1);
    });
  let ideal = 0;
  for (let position = 1; position <= Math.min(relevant.size, n); position += 1) ideal += gain(position);
  return dcg / ideal;
}

/** Nearest-rank percentile (p in (0, 100]) rounded to a whole number; null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[index]);
}

const share = (count: number, total: number): number | null => (total === 0 ? null : count / total);

/** The middle value (the mean of the two middle values for an even count); null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

const hasVerification = (outcome: EvalOutcome): boolean =>
  outcome.citationsVerified !== undefined ||
  outcome.citationsTotal !== undefined ||
  outcome.invalidMarkers !== undefined;

const rankOf = (outcome: EvalOutcome, k: number): number | null =>
  outcome.question.sources.length > 0 ? firstRelevantRank(outcome.retrievedFiles, outcome.question.sources, k) : null;

/** The failure pattern one outcome shows, if any. */
export const patternOf = (outcome: EvalOutcome, k: number): FailurePattern | null =>
  failurePattern({
    answers: outcome.question.answers,
    unanswerable: outcome.question.unanswerable,
    abstained: outcome.abstained,
    rank: rankOf(outcome, k),
    quoted: quotedOf(outcome),
    failed: outcome.error !== undefined,
  });

/** The item (per-question row) for one outcome. */
export function itemOf(outcome: EvalOutcome, k: number): EvalItem {
  const { question } = outcome;
  const score = scoreOf(outcome);
  const failure = patternOf(outcome, k);
  return {
    id: question.id,
    rank: rankOf(outcome, k),
    hit: question.answers.length > 0 ? isHit(outcome) : null,
    exactMatch: score?.exactMatch ?? null,
    f1: score?.f1 ?? null,
    abstained: outcome.abstained,
    ...(failure !== null ? { failure } : {}),
    citedFiles: [...outcome.citedFiles],
    latencyMs: Math.round(outcome.latencyMs),
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
  };
}

/** The metrics of a set of outcomes, without groups and items. */
export function metricSet(outcomes: EvalOutcome[], k: number, withVerification: boolean): MetricSet {
  const withSources = outcomes.filter((o) => o.question.sources.length > 0);
  const ranks = withSources.map((o) => firstRelevantRank(o.retrievedFiles, o.question.sources, k));
  const recallAt = (n: number) => share(ranks.filter((rank) => rank !== null && rank <= n).length, ranks.length);

  const withAnswers = outcomes.filter((o) => o.question.answers.length > 0);
  const hits = withAnswers.filter(isHit).length;
  const scores = outcomes.flatMap((o) => {
    const score = scoreOf(o);
    return score === null ? [] : [{ ...score, answerable: !o.question.unanswerable }];
  });
  const answerableScores = scores.filter((score) => score.answerable);
  const answered = outcomes.filter((o) => !o.abstained && o.error === undefined);
  const failures = Object.fromEntries(FAILURE_PATTERNS.map((pattern) => [pattern, 0])) as Record<
    FailurePattern,
    number
  >;
  for (const o of outcomes) {
    const pattern = patternOf(o, k);
    if (pattern !== null) failures[pattern] += 1;
  }

  const unanswerable = outcomes.filter((o) => o.question.unanswerable);
  const answerable = outcomes.filter((o) => !o.question.unanswerable);

  let citations = 0;
  let goodCitations = 0;
  let questionsWithGoodCitation = 0;
  for (const o of withSources) {
    const sources = new Set(o.question.sources);
    const good = o.citedFiles.filter((file) => sources.has(file)).length;
    citations += o.citedFiles.length;
    goodCitations += good;
    if (good > 0) questionsWithGoodCitation += 1;
  }

  const latencies = outcomes.map((o) => o.latencyMs);
  const set: MetricSet = {
    questions: outcomes.length,
    k,
    retrieval: {
      'recall@1': recallAt(1),
      'recall@5': recallAt(5),
      'recall@10': recallAt(10),
      mrr: mean(ranks.map((rank) => (rank === null ? 0 : 1 / rank))),
      'ndcg@10': mean(withSources.map((o) => ndcg(o.retrievedFiles, o.question.sources, 10) ?? 0)),
    },
    answers: {
      hit: share(hits, withAnswers.length),
      abstained: share(outcomes.filter((o) => o.abstained).length, outcomes.length),
      exactMatch: mean(scores.map((score) => score.exactMatch)),
      f1: mean(scores.map((score) => score.f1)),
      answerableExactMatch: mean(answerableScores.map((score) => score.exactMatch)),
      answerableF1: mean(answerableScores.map((score) => score.f1)),
      rightDecision: share(outcomes.filter(rightDecision).length, outcomes.length),
      medianWords: median(answered.map((o) => wordCount(predictionOf(o)))),
    },
    abstention: {
      recall: share(unanswerable.filter((o) => o.abstained).length, unanswerable.length),
      falseRate: share(answerable.filter((o) => o.abstained).length, answerable.length),
    },
    citations: {
      precision: share(goodCitations, citations),
      recall: share(questionsWithGoodCitation, withSources.length),
    },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    failures,
  };
  if (withVerification) {
    const checked = outcomes.filter(hasVerification);
    const verified = checked.reduce((sum, o) => sum + (o.citationsVerified ?? 0), 0);
    const total = checked.reduce((sum, o) => sum + (o.citationsTotal ?? 0), 0);
    const reporting = checked.filter((o) => o.invalidMarkers !== undefined);
    set.verification = {
      verifiedShare: share(verified, total),
      answersWithInvalidMarker: share(reporting.filter((o) => (o.invalidMarkers ?? 0) > 0).length, reporting.length),
    };
  }
  return set;
}

/**
 * All metrics of an evaluation run: overall, per group value, and one item per question.
 * Ranks only count the top `k` distinct articles, so recall@n for n > k equals recall@k.
 */
export function computeMetrics(outcomes: EvalOutcome[], k: number): EvalMetrics {
  const withVerification = outcomes.some(hasVerification);
  const byGroup = new Map<string, EvalOutcome[]>();
  for (const outcome of outcomes) {
    for (const [field, value] of Object.entries(outcome.question.groups)) {
      const key = `${field}:${value}`;
      const members = byGroup.get(key);
      if (members) members.push(outcome);
      else byGroup.set(key, [outcome]);
    }
  }
  const groups: Record<string, MetricSet> = {};
  for (const key of [...byGroup.keys()].sort()) groups[key] = metricSet(byGroup.get(key)!, k, withVerification);
  return {
    ...metricSet(outcomes, k, withVerification),
    groups,
    items: outcomes.map((outcome) => itemOf(outcome, k)),
  };
}

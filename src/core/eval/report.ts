import { FAILURE_PATTERN_TITLES, FAILURE_PATTERNS, type FailurePattern } from './failure-patterns.js';
import { distinctFiles, itemOf, type EvalItem, type EvalMetrics, type EvalOutcome, type MetricSet } from './metrics.js';

/** Shown for a metric that could not be measured (empty denominator). */
export const MISSING = '–';

/** Retrieval ranks beyond this count as a miss in the failure list. */
export const FAILURE_RANK = 5;

const ANSWER_PREVIEW = 500;

export interface ReportMeta {
  /** The question file. */
  file: string;
  corpus: string;
  embedder: string;
  answerer: string;
  /** When the run happened, as the caller wants it shown. */
  date: string;
}

const fixed = (value: number | null): string => (value === null ? MISSING : value.toFixed(2));
const whole = (value: number | null): string => (value === null ? MISSING : String(Math.round(value)));
const one = (value: number | null): string => (value === null ? MISSING : String(Math.round(value * 10) / 10));

/** "abstained with the source ranked first 3, answered from the wrong sentence 5, …" */
const patternCounts = (set: MetricSet): string =>
  FAILURE_PATTERNS.map((pattern) => `${FAILURE_PATTERN_TITLES[pattern].toLowerCase()} ${set.failures[pattern]}`).join(
    ', ',
  );

interface Column {
  title: string;
  value: (set: MetricSet) => string;
  /** Which way the figure is better, where one way is. */
  better?: 'higher' | 'lower';
}

const COLUMNS: Column[] = [
  { title: 'questions', value: (s) => String(s.questions) },
  { title: 'R@1', value: (s) => fixed(s.retrieval['recall@1']), better: 'higher' },
  { title: 'R@5', value: (s) => fixed(s.retrieval['recall@5']), better: 'higher' },
  { title: 'R@10', value: (s) => fixed(s.retrieval['recall@10']), better: 'higher' },
  { title: 'MRR', value: (s) => fixed(s.retrieval.mrr), better: 'higher' },
  { title: 'nDCG@10', value: (s) => fixed(s.retrieval['ndcg@10']), better: 'higher' },
  { title: 'hit', value: (s) => fixed(s.answers.hit), better: 'higher' },
  { title: 'EM', value: (s) => fixed(s.answers.exactMatch), better: 'higher' },
  { title: 'F1', value: (s) => fixed(s.answers.f1), better: 'higher' },
  { title: 'ans.F1', value: (s) => fixed(s.answers.answerableF1), better: 'higher' },
  { title: 'decision', value: (s) => fixed(s.answers.rightDecision), better: 'higher' },
  { title: 'words', value: (s) => one(s.answers.medianWords) },
  { title: 'abst.recall', value: (s) => fixed(s.abstention.recall), better: 'higher' },
  { title: 'false-abst.', value: (s) => fixed(s.abstention.falseRate), better: 'lower' },
  { title: 'cit.P', value: (s) => fixed(s.citations.precision), better: 'higher' },
  { title: 'cit.R', value: (s) => fixed(s.citations.recall), better: 'higher' },
  { title: 'p50 ms', value: (s) => whole(s.latencyMs.p50), better: 'lower' },
];

const rowsOf = (metrics: EvalMetrics): [string, MetricSet][] => [['all', metrics], ...Object.entries(metrics.groups)];

/** The summary as a table (overall, then one row per group; numbers to 2 decimals, "–" where not measured) and the lines under it. */
export function summaryTable(metrics: EvalMetrics): {
  header: string[];
  rows: string[][];
  better: ('higher' | 'lower' | undefined)[];
  notes: string[];
} {
  const notes = [`failure patterns: ${patternCounts(metrics)}`];
  if (metrics.verification) {
    notes.push(
      `verified citations ${fixed(metrics.verification.verifiedShare)}, answers with an invalid marker ${fixed(metrics.verification.answersWithInvalidMarker)}`,
    );
  }
  return {
    header: ['', ...COLUMNS.map((column) => column.title)],
    rows: rowsOf(metrics).map(([label, set]) => [label, ...COLUMNS.map((column) => column.value(set))]),
    better: [undefined, ...COLUMNS.map((column) => column.better)],
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

const code = (text: string): string => {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
};

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

const quoteBlock = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');

function table(header: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const lines = [
    `| ${header.map(cell).join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

function summaryRows(metrics: EvalMetrics): string[][] {
  const rows: [string, string][] = [
    ['recall@1', fixed(metrics.retrieval['recall@1'])],
    ['recall@5', fixed(metrics.retrieval['recall@5'])],
    ['recall@10', fixed(metrics.retrieval['recall@10'])],
    ['MRR', fixed(metrics.retrieval.mrr)],
    ['nDCG@10', fixed(metrics.retrieval['ndcg@10'])],
    ['answer hit', fixed(metrics.answers.hit)],
    ['exact match', fixed(metrics.answers.exactMatch)],
    ['token F1', fixed(metrics.answers.f1)],
    ['exact match (answerable)', fixed(metrics.answers.answerableExactMatch)],
    ['token F1 (answerable)', fixed(metrics.answers.answerableF1)],
    ['right decision', fixed(metrics.answers.rightDecision)],
    ['median answer length (words)', one(metrics.answers.medianWords)],
    ['abstained', fixed(metrics.answers.abstained)],
    ['abstention recall', fixed(metrics.abstention.recall)],
    ['false abstention rate', fixed(metrics.abstention.falseRate)],
    ['citation precision', fixed(metrics.citations.precision)],
    ['citation recall', fixed(metrics.citations.recall)],
    ['latency p50 (ms)', whole(metrics.latencyMs.p50)],
    ['latency p95 (ms)', whole(metrics.latencyMs.p95)],
    ...FAILURE_PATTERNS.map((pattern): [string, string] => [
      FAILURE_PATTERN_TITLES[pattern].toLowerCase(),
      String(metrics.failures[pattern]),
    ]),
  ];
  if (metrics.verification) {
    rows.push(['verified citations', fixed(metrics.verification.verifiedShare)]);
    rows.push(['answers with an invalid marker', fixed(metrics.verification.answersWithInvalidMarker)]);
  }
  return rows;
}

/** Why a question counts as a failure; empty when it does not. */
export function failureReasons(outcome: EvalOutcome, item: EvalItem, k: number): string[] {
  const { question } = outcome;
  const reasons: string[] = [];
  if (item.error !== undefined) reasons.push('error');
  if (question.sources.length > 0 && (item.rank === null || item.rank > FAILURE_RANK)) {
    reasons.push(item.rank === null ? `retrieval (no source in the top ${k})` : `retrieval (rank ${item.rank})`);
  }
  if (item.hit === false)
    reasons.push(outcome.abstained ? 'answer (abstained)' : 'answer (contains no expected answer)');
  if (item.failure === 'wrongSentence' && item.hit !== false) reasons.push('quote (holds no expected answer)');
  if (question.unanswerable && !outcome.abstained) reasons.push('abstention (answered an unanswerable question)');
  if (!question.unanswerable && outcome.abstained) reasons.push('abstention (abstained on an answerable question)');
  return reasons;
}

function failureSection(outcome: EvalOutcome, item: EvalItem, reasons: string[]): string {
  const { question } = outcome;
  const lines = [
    `#### ${code(question.id)}`,
    '',
    `- Question: ${oneLine(question.question)}`,
    `- Missed: ${reasons.join('; ')}`,
  ];
  if (question.unanswerable) lines.push('- Expected: abstention (unanswerable)');
  if (question.answers.length > 0)
    lines.push(`- Expected answers: ${question.answers.map((a) => `"${oneLine(a)}"`).join(', ')}`);
  if (question.sources.length > 0) lines.push(`- Expected sources: ${question.sources.map(code).join(', ')}`);
  const top = distinctFiles(outcome.retrievedFiles).slice(0, 3);
  lines.push(`- Top retrieved: ${top.length > 0 ? top.map(code).join(', ') : 'nothing'}`);
  if (item.error !== undefined) lines.push(`- Error: ${oneLine(item.error)}`);
  if (outcome.short !== undefined) lines.push(`- Short answer: "${oneLine(outcome.short)}"`);
  const text = outcome.answer.trim();
  const shown = text.length > ANSWER_PREVIEW ? `${text.slice(0, ANSWER_PREVIEW).trimEnd()}…` : text;
  lines.push(`- Answer${outcome.abstained ? ' (abstained)' : ''}:${shown === '' ? ' (empty)' : ''}`);
  if (shown !== '') lines.push('', quoteBlock(shown));
  return lines.join('\n');
}

/**
 * A Markdown report: run details, a summary table, a per-group table, and a "Failures" section with each
 * question that missed (retrieval rank missing or beyond 5, answer not hit, wrong abstention, error),
 * grouped by failure pattern, the rest under "Other failures".
 */
export function formatMarkdownReport(metrics: EvalMetrics, outcomes: EvalOutcome[], meta: ReportMeta): string {
  const parts: string[] = ['# kabar evaluation', ''];
  parts.push(
    `- Question file: ${code(meta.file)}`,
    `- Corpus: ${code(meta.corpus)}`,
    `- Embedder: ${oneLine(meta.embedder)}`,
    `- Answerer: ${oneLine(meta.answerer)}`,
    `- Date: ${oneLine(meta.date)}`,
    `- Questions: ${metrics.questions}, k = ${metrics.k}`,
  );
  parts.push('', '## Summary', '', table(['Metric', 'Value'], summaryRows(metrics), ['l', 'r']));
  parts.push(
    '',
    '## Groups',
    '',
    '"–" marks a metric with nothing to measure (e.g. no question with sources).',
    '',
    table(
      ['Group', ...COLUMNS.map((column) => column.title)],
      rowsOf(metrics).map(([label, set]) => [label, ...COLUMNS.map((column) => column.value(set))]),
      ['l', ...COLUMNS.map((): 'r' => 'r')],
    ),
  );

  const items = new Map(metrics.items.map((item) => [item.id, item]));
  const byPattern = new Map<FailurePattern | 'other', string[]>();
  let failed = 0;
  for (const outcome of outcomes) {
    const item = items.get(outcome.question.id) ?? itemOf(outcome, metrics.k);
    const reasons = failureReasons(outcome, item, metrics.k);
    if (reasons.length === 0) continue;
    failed += 1;
    const key = item.failure ?? 'other';
    byPattern.set(key, [...(byPattern.get(key) ?? []), failureSection(outcome, item, reasons)]);
  }
  parts.push('', '## Failures', '');
  if (failed === 0) parts.push('None: every question met its expectations.');
  else {
    parts.push(`${failed} of ${outcomes.length} questions missed, by pattern:`);
    for (const key of [...FAILURE_PATTERNS, 'other'] as const) {
      const sections = byPattern.get(key) ?? [];
      if (sections.length === 0) continue;
      const title = key === 'other' ? 'Other failures' : FAILURE_PATTERN_TITLES[key];
      parts.push('', `### ${title} (${sections.length})`, '', sections.join('\n\n'));
    }
  }
  return `${parts.join('\n')}\n`;
}

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EvalQuestion } from '../../../src/core/eval/dataset.js';
import { computeMetrics, type EvalOutcome } from '../../../src/core/eval/metrics.js';
import type { Style } from '../../../src/present/style.js';
import { formatMarkdownReport, summaryTable } from '../../../src/core/eval/report.js';
import { formatTable } from '../../../src/present/table.js';

const outcome = (q: Partial<EvalQuestion> & { id: string }, over: Partial<EvalOutcome> = {}): EvalOutcome => ({
  question: { question: `Question ${q.id}?`, answers: [], sources: [], unanswerable: false, groups: {}, ...q },
  retrievedFiles: [],
  answer: '',
  abstained: false,
  citedFiles: [],
  latencyMs: 10,
  ...over,
});

const outcomes: EvalOutcome[] = [
  outcome(
    { id: 'good', answers: ['Tehran'], sources: ['s1.txt'], groups: { lang: 'en' } },
    { retrievedFiles: ['s1.txt'], citedFiles: ['s1.txt'], answer: 'In Tehran.', latencyMs: 120 },
  ),
  outcome(
    {
      id: 'miss',
      question: 'Who | met whom?',
      answers: ['Amir-Abdollahian'],
      sources: ['s2.txt'],
      groups: { lang: 'id' },
    },
    {
      retrievedFiles: ['w1.txt', 'w1.txt', 'w2.txt', 'w3.txt', 'w4.txt'],
      citedFiles: ['w1.txt'],
      answer: 'Zarif met the envoy.',
      latencyMs: 80,
    },
  ),
  outcome({ id: 'trap', unanswerable: true, groups: { lang: 'en' } }, { answer: 'Confidently wrong.', latencyMs: 40 }),
];
const metrics = computeMetrics(outcomes, 10);

const plain: Style = {
  bold: (t) => t,
  dim: (t) => t,
  accent: (t) => t,
  highlight: (t) => t,
  warn: (t) => t,
  error: (t) => t,
};

/** The summary as \`kabar eval\` prints it when piped. */
function formatSummary(metrics: ReturnType<typeof computeMetrics>): string {
  const { header, rows, better, notes } = summaryTable(metrics);
  return [
    formatTable(header, rows, plain, { align: header.map((_, i) => (i === 0 ? 'left' : 'right')), better }),
    ...notes,
  ].join('\n');
}

describe('the eval summary table', () => {
  const text = formatSummary(metrics);
  const lines = text.split('\n');

  it('has a header, an overall row, one row per group and the failure patterns', () => {
    assert.equal(lines.length, 5);
    assert.match(
      lines[0],
      /questions\s+R@1\s+R@5\s+R@10\s+MRR\s+nDCG@10\s+hit\s+EM\s+F1\s+ans\.F1\s+decision\s+words\s+abst\.recall\s+false-abst\.\s+cit\.P\s+cit\.R\s+p50 ms$/,
    );
    assert.match(
      lines[1],
      /^all\s+3(\s+0\.50){6}\s+0\.00\s+0\.22\s+0\.33\s+0\.67\s+2\s+0\.00\s+0\.00\s+0\.50\s+0\.50\s+80$/,
    );
    assert.match(
      lines[2],
      /^lang:en\s+2(\s+1\.00){6}\s+0\.00\s+0\.33\s+0\.67\s+0\.50\s+2\s+0\.00\s+0\.00\s+1\.00\s+1\.00\s+40$/,
    );
    assert.match(lines[3], /^lang:id\s+1\s+0\.00/);
    assert.equal(
      lines[4],
      'failure patterns: abstained with the source ranked first 0, answered from the wrong sentence 0, answered an unanswerable question 1',
    );
  });

  it('shows "–" for metrics with nothing to measure', () => {
    // lang:id has no unanswerable question.
    assert.match(lines[3], /1\.00\s+4\s+–\s+0\.00/);
  });

  it('aligns the columns', () => {
    assert.equal(new Set(lines.slice(0, 4).map((line) => line.length)).size, 1);
  });

  it('marks the best figure of each column where styles show (a terminal)', () => {
    const { header, rows, better } = summaryTable(metrics);
    const marked = formatTable(header, rows, { ...plain, bold: (t) => `*${t}*` }, { better }).split('\n');
    assert.match(marked[2], /\*1\.00\*/, 'lang:en has the best R@1');
    assert.match(marked[2], /\*40\*$/, 'and the lowest p50');
    assert.doesNotMatch(marked[0], /\*/);
  });

  it('adds verification when present', () => {
    const withVerification = computeMetrics([outcome({ id: 'v' }, { citationsVerified: 1, citationsTotal: 4 })], 10);
    assert.match(formatSummary(withVerification), /verified citations 0\.25, answers with an invalid marker –/);
  });
});

describe('formatMarkdownReport', () => {
  const report = formatMarkdownReport(metrics, outcomes, {
    file: 'eval/questions.jsonl',
    corpus: 'seeds',
    embedder: 'hashing-256',
    answerer: 'extractive',
    date: '2024-05-01',
  });

  it('includes the run details and summary numbers', () => {
    assert.match(report, /^# kabar evaluation/);
    assert.match(report, /- Question file: `eval\/questions\.jsonl`\n/);
    assert.match(report, /- Embedder: hashing-256\n/);
    assert.match(report, /\| recall@5 \| 0\.50 \|/);
    assert.match(report, /\| latency p95 \(ms\) \| 120 \|/);
    assert.match(report, /## Groups[\s\S]*\| lang:id \| 1 \| 0\.00 \|/);
  });

  it('lists each failed question with expectations, the answer and the top 3 retrieved files', () => {
    const failures = report.slice(report.indexOf('## Failures'));
    assert.match(failures, /2 of 3 questions missed, by pattern:/);
    assert.doesNotMatch(failures, /`good`/);
    assert.ok(failures.indexOf('### Answered an unanswerable question (1)') < failures.indexOf('#### `trap`'));
    assert.ok(failures.indexOf('### Other failures (1)') < failures.indexOf('#### `miss`'));
    const miss = failures.slice(failures.indexOf('#### `miss`'));
    assert.match(miss, /- Question: Who \| met whom\?/);
    assert.match(miss, /- Missed: retrieval \(no source in the top 10\); answer \(contains no expected answer\)/);
    assert.match(miss, /- Expected answers: "Amir-Abdollahian"/);
    assert.match(miss, /- Expected sources: `s2\.txt`/);
    assert.match(miss, /- Top retrieved: `w1\.txt`, `w2\.txt`, `w3\.txt`\n/);
    assert.match(miss, /> Zarif met the envoy\./);
    const trap = failures.slice(failures.indexOf('#### `trap`'), failures.indexOf('### Other failures'));
    assert.match(trap, /abstention \(answered an unanswerable question\)/);
    assert.match(trap, /- Top retrieved: nothing/);
  });

  it('says so when nothing failed', () => {
    const only = [outcomes[0]];
    const text = formatMarkdownReport(computeMetrics(only, 10), only, {
      file: 'f',
      corpus: 'c',
      embedder: 'e',
      answerer: 'a',
      date: 'd',
    });
    assert.match(text, /## Failures\n\nNone/);
  });

  it('adds the new answer metrics to the summary', () => {
    assert.match(report, /\| token F1 \(answerable\) \| 0\.33 \|/);
    assert.match(report, /\| right decision \| 0\.67 \|/);
    assert.match(report, /\| median answer length \(words\) \| 2 \|/);
    assert.match(report, /\| answered an unanswerable question \| 1 \|/);
  });

  it('groups a wrong-sentence answer under its pattern and shows the short answer', () => {
    const wrong = outcome(
      { id: 'wrong', answers: ['Rabu'], sources: ['s.txt'] },
      { retrievedFiles: ['s.txt'], answer: 'Kamis [1]', short: 'Kamis', support: 'Pada hari Kamis, mereka bertemu.' },
    );
    const text = formatMarkdownReport(computeMetrics([wrong], 10), [wrong], {
      file: 'f',
      corpus: 'c',
      embedder: 'e',
      answerer: 'a',
      date: 'd',
    });
    assert.match(text, /### Answered from the wrong sentence \(1\)\n\n#### `wrong`/);
    assert.match(text, /- Short answer: "Kamis"/);
  });
});

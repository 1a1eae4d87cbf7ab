import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../../src/core/errors.js';
import type { Answer, Citation, Hit } from '../../../src/core/types.js';
import type { EvalQuestion } from '../../../src/core/eval/dataset.js';
import { collectOutcomes, type AskFn, type EvalAnswer, type RunOptions } from '../../../src/core/eval/run.js';
import { computeMetrics } from '../../../src/core/eval/metrics.js';

const runEval = async (questions: EvalQuestion[], ask: AskFn, options: RunOptions) =>
  computeMetrics(await collectOutcomes(questions, ask, options), options.k);

const question = (id: string, over: Partial<EvalQuestion> = {}): EvalQuestion => ({
  id,
  question: `Question ${id}?`,
  answers: [],
  sources: [],
  unanswerable: false,
  groups: {},
  ...over,
});

const hit = (file: string): Hit => ({
  passage: { id: `${file}#0`, file, start: 0, end: 1, text: 'x', sentences: [] },
  article: { file, title: file, date: null, source: null, lang: 'en' },
  score: 1,
  why: {},
  related: [],
});

const citation = (file: string, verified?: boolean, text = 'x'): Citation => ({
  n: 1,
  id: `${file}#0`,
  file,
  title: file,
  source: null,
  date: null,
  lang: 'en',
  start: 0,
  end: text.length,
  text,
  ...(verified === undefined ? {} : { verified }),
});

const answer = (over: Partial<EvalAnswer> & { files?: string[]; cited?: string[] } = {}): EvalAnswer => {
  const { files = [], cited = [], ...rest } = over;
  const base: Answer = {
    question: 'q',
    resolvedQuestion: 'q',
    answer: '',
    abstained: false,
    citations: cited.map((file) => citation(file, undefined, rest.answer)),
    hits: files.map(hit),
    warnings: [],
    timingsMs: { retrieve: 0, answer: 0, total: 0 },
  };
  return { ...base, ...rest };
};

/** A clock that advances by the given steps on successive calls. */
const clock = (...times: number[]) => {
  let i = 0;
  return () => times[Math.min(i++, times.length - 1)];
};

describe('runEval', () => {
  it('asks every question with k and builds metrics from the answers', async () => {
    const questions = [
      question('a', { sources: ['s.txt'], answers: ['Tehran'], filters: { lang: 'en' } }),
      question('b', { unanswerable: true }),
    ];
    const seen: { id: string; k: number; filters?: unknown }[] = [];
    const ask: AskFn = async (q, { k }) => {
      seen.push({ id: q.id, k, filters: q.filters });
      return q.id === 'a'
        ? answer({ files: ['x.txt', 'x.txt', 's.txt'], cited: ['s.txt'], answer: 'In Tehran.' })
        : answer({ abstained: true, answer: 'Not in the articles.' });
    };
    const progress: [number, number][] = [];
    const metrics = await runEval(questions, ask, {
      k: 5,
      now: clock(0, 100, 100, 130),
      onProgress: (done, total) => progress.push([done, total]),
    });
    assert.deepEqual(seen, [
      { id: 'a', k: 5, filters: { lang: 'en' } },
      { id: 'b', k: 5, filters: undefined },
    ]);
    assert.deepEqual(progress, [
      [1, 2],
      [2, 2],
    ]);
    assert.equal(metrics.k, 5);
    assert.equal(metrics.retrieval.mrr, 0.5);
    assert.equal(metrics.answers.hit, 1);
    assert.equal(metrics.abstention.recall, 1);
    assert.equal(metrics.abstention.falseRate, 0);
    assert.equal(metrics.citations.precision, 1);
    assert.deepEqual(metrics.latencyMs, { p50: 30, p95: 100 });
    assert.deepEqual(metrics.items, [
      {
        id: 'a',
        rank: 2,
        hit: true,
        exactMatch: 0,
        f1: 2 / 3,
        abstained: false,
        citedFiles: ['s.txt'],
        latencyMs: 100,
      },
      { id: 'b', rank: null, hit: null, exactMatch: 1, f1: 1, abstained: true, citedFiles: [], latencyMs: 30 },
    ]);
    assert.equal('verification' in metrics, false);
  });

  it('scores the short answer and quotes the supporting sentence when the answer carries them', async () => {
    const span = citation('s.txt', undefined, 'They met in Tehran on Monday.');
    const ask: AskFn = async () =>
      answer({
        files: ['s.txt'],
        cited: ['s.txt'],
        answer: 'Tehran [1]',
        short: { ...span, start: 12, end: 18, text: 'Tehran', shown: 'Tehran' },
        support: span,
      });
    const metrics = await runEval([question('a', { sources: ['s.txt'], answers: ['Tehran'] })], ask, { k: 5 });
    assert.deepEqual([metrics.items[0].exactMatch, metrics.items[0].failure], [1, undefined]);
    assert.equal(metrics.answers.medianWords, 1);
  });

  it('records a failing question as a failed item and goes on', async () => {
    const questions = [question('a', { answers: ['x'] }), question('b', { answers: ['y'] }), question('c')];
    const asked: string[] = [];
    const ask: AskFn = async (q) => {
      asked.push(q.id);
      if (q.id === 'b') throw new Error('model server hiccup');
      return answer({ answer: q.id === 'a' ? 'x' : 'z' });
    };
    const metrics = await runEval(questions, ask, { k: 3 });
    assert.deepEqual(asked, ['a', 'b', 'c']);
    assert.equal(metrics.items[1].error, 'model server hiccup');
    assert.equal(metrics.items[1].hit, false);
    assert.equal(metrics.items[1].abstained, false);
    assert.equal('error' in metrics.items[0], false);
    assert.equal(metrics.answers.hit, 0.5);
  });

  it('rethrows a UserError from ask', async () => {
    const ask: AskFn = async () => {
      throw new UserError('SERVER_UNREACHABLE', 'Cannot reach the model server.');
    };
    await assert.rejects(runEval([question('a'), question('b')], ask, { k: 3 }), { code: 'SERVER_UNREACHABLE' });
  });

  it('stops with CANCELLED when the signal aborts between questions', async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    const ask: AskFn = async (q, { signal }) => {
      assert.equal(signal, controller.signal);
      asked.push(q.id);
      return answer();
    };
    await assert.rejects(
      runEval([question('a'), question('b'), question('c')], ask, {
        k: 3,
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 1) controller.abort();
        },
      }),
      (error: unknown) =>
        error instanceof UserError && error.code === 'CANCELLED' && error.message === 'Evaluation cancelled.',
    );
    assert.deepEqual(asked, ['a']);
  });

  it('turns an error caused by the abort into CANCELLED, not a failed item', async () => {
    const controller = new AbortController();
    const ask: AskFn = async () => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    };
    await assert.rejects(runEval([question('a')], ask, { k: 3, signal: controller.signal }), { code: 'CANCELLED' });
  });

  it('asks one question at a time, in order', async () => {
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    const ask: AskFn = async (q) => {
      running += 1;
      peak = Math.max(peak, running);
      order.push(q.id);
      await new Promise((resolve) => setTimeout(resolve, q.id === 'a' ? 15 : 1));
      running -= 1;
      return answer({ answer: q.id });
    };
    const questions = ['a', 'b', 'c'].map((id) => question(id));
    const outcomes = await collectOutcomes(questions, ask, { k: 2 });
    assert.deepEqual(
      outcomes.map((o) => o.answer),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(order, ['a', 'b', 'c']);
    assert.equal(peak, 1);
  });

  it('carries verification counts from a generative answer', async () => {
    const ask: AskFn = async () => ({
      ...answer(),
      citations: [citation('a', true), citation('b', false), citation('c', true)],
      invalidMarkers: 1,
    });
    const [outcome] = await collectOutcomes([question('a')], ask, { k: 3 });
    assert.equal(outcome.citationsVerified, 2);
    assert.equal(outcome.citationsTotal, 3);
    assert.equal(outcome.invalidMarkers, 1);
    const metrics = await runEval([question('a')], ask, { k: 3 });
    assert.deepEqual(metrics.verification, { verifiedShare: 2 / 3, answersWithInvalidMarker: 1 });
  });

  it('rejects a k that is not a positive whole number', async () => {
    await assert.rejects(
      runEval([question('a')], async () => answer(), { k: 0 }),
      { code: 'BAD_FLAG' },
    );
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EvalQuestion } from '../../../src/core/eval/dataset.js';
import {
  computeMetrics,
  firstRelevantRank,
  median,
  ndcg,
  percentile,
  type EvalOutcome,
} from '../../../src/core/eval/metrics.js';

const question = (over: Partial<EvalQuestion> = {}): EvalQuestion => ({
  id: 'q',
  question: 'What?',
  answers: [],
  sources: [],
  unanswerable: false,
  groups: {},
  ...over,
});

const outcome = (q: Partial<EvalQuestion>, over: Partial<EvalOutcome> = {}): EvalOutcome => ({
  question: question(q),
  retrievedFiles: [],
  answer: '',
  abstained: false,
  citedFiles: [],
  latencyMs: 10,
  ...over,
});

const close = (actual: number | null, expected: number) => {
  assert.notEqual(actual, null);
  assert.ok(Math.abs((actual as number) - expected) < 1e-9, `${actual} is not ${expected}`);
};

describe('firstRelevantRank', () => {
  it('counts a file repeated in retrieval order once', () => {
    assert.equal(firstRelevantRank(['x.txt', 'x.txt', 'x.txt', 'a.txt'], ['a.txt'], 10), 2);
  });
  it('takes the first of several sources (a tie between sources)', () => {
    assert.equal(firstRelevantRank(['c', 'b', 'a'], ['a', 'b'], 10), 2);
  });
  it('is null when no source is retrieved', () => {
    assert.equal(firstRelevantRank(['c', 'd'], ['a'], 10), null);
  });
  it('is null when the source lies beyond the top k distinct articles', () => {
    assert.equal(firstRelevantRank(['a', 'a', 'b', 'c', 'd'], ['d'], 3), null);
    assert.equal(firstRelevantRank(['a', 'a', 'b', 'c', 'd'], ['d'], 4), 4);
  });
});

describe('ndcg', () => {
  it('scores two sources at ranks 1 and 3 against both at the top', () => {
    const ideal = 1 + 1 / Math.log2(3);
    close(ndcg(['a', 'c', 'b'], ['a', 'b']), 1.5 / ideal);
  });
  it('is 1 when the sources fill the top, duplicates not counted twice', () => {
    close(ndcg(['b', 'b', 'a', 'c'], ['a', 'b']), 1);
  });
  it('ignores articles after the tenth distinct one', () => {
    const ten = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    close(ndcg([...ten, 's'], ['s']), 0);
    close(ndcg([...ten.slice(0, 9), 's'], ['s']), 1 / Math.log2(11));
  });
  it('caps the ideal at ten relevant articles', () => {
    const files = Array.from({ length: 12 }, (_, i) => `f${i}`);
    close(ndcg(files.slice(0, 10), files), 1);
  });
  it('is null without sources', () => {
    assert.equal(ndcg(['a'], []), null);
  });
});

describe('percentile', () => {
  it('uses nearest rank', () => {
    assert.equal(percentile([40, 10, 30, 20], 50), 20);
    assert.equal(percentile([40, 10, 30, 20], 95), 40);
    assert.equal(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        95,
      ),
      19,
    );
  });
  it('handles ties and rounds to whole milliseconds', () => {
    assert.equal(percentile([5, 5, 5, 100], 50), 5);
    assert.equal(percentile([5, 5, 5, 100], 95), 100);
    assert.equal(percentile([12.5], 50), 13);
  });
  it('is null for no values', () => {
    assert.equal(percentile([], 50), null);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    assert.equal(median([23, 3, 5]), 5);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });
});

describe('computeMetrics', () => {
  it('computes retrieval metrics over questions with sources only', () => {
    const outcomes = [
      outcome({ id: 'a', sources: ['s1'] }, { retrievedFiles: ['x', 'x', 's1'] }), // rank 2
      outcome({ id: 'b', sources: ['s2', 's3'] }, { retrievedFiles: ['s2', 'y', 's3'] }), // rank 1
      outcome({ id: 'c', sources: ['s4'] }, { retrievedFiles: ['f1', 'f2', 'f3', 'f4', 'f5', 's4'] }), // rank 6
      outcome({ id: 'd', sources: ['s5'] }, { retrievedFiles: ['f1'] }), // not found
      outcome({ id: 'e' }, { retrievedFiles: ['s1'] }), // no sources: not counted
    ];
    const m = computeMetrics(outcomes, 10);
    assert.equal(m.questions, 5);
    assert.equal(m.k, 10);
    assert.equal(m.retrieval['recall@1'], 0.25);
    assert.equal(m.retrieval['recall@5'], 0.5);
    assert.equal(m.retrieval['recall@10'], 0.75);
    close(m.retrieval.mrr, (1 / 2 + 1 + 1 / 6 + 0) / 4);
    const ndcgB = (1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3));
    close(m.retrieval['ndcg@10'], (1 / Math.log2(3) + ndcgB + 1 / Math.log2(7) + 0) / 4);
    assert.deepEqual(
      m.items.map((item) => item.rank),
      [2, 1, 6, null, null],
    );
  });

  it('caps ranks at k', () => {
    const m = computeMetrics([outcome({ sources: ['s'] }, { retrievedFiles: ['a', 'b', 'c', 's'] })], 3);
    assert.equal(m.items[0].rank, null);
    assert.equal(m.retrieval['recall@10'], 0);
    assert.equal(m.retrieval.mrr, 0);
  });

  it('counts hits over questions with answers; an abstention is never a hit', () => {
    const m = computeMetrics(
      [
        outcome({ id: 'a', answers: ['Amir-Abdollahian'] }, { answer: 'It was Amir Abdollahian.' }),
        outcome({ id: 'b', answers: ['Tehran'] }, { answer: 'Tehran, perhaps.', abstained: true }),
        outcome({ id: 'c', answers: ['Raisi', 'Rouhani'] }, { answer: 'Rouhani said so' }),
        outcome({ id: 'd', answers: ['x'] }, { answer: 'no' }),
        outcome({ id: 'e' }, { answer: 'anything' }),
      ],
      10,
    );
    assert.equal(m.answers.hit, 0.5);
    assert.equal(m.answers.abstained, 0.2);
    assert.deepEqual(
      m.items.map((item) => item.hit),
      [true, false, true, false, null],
    );
  });

  it('splits abstention between unanswerable and answerable questions', () => {
    const m = computeMetrics(
      [
        outcome({ unanswerable: true }, { abstained: true }),
        outcome({ unanswerable: true }, { abstained: false }),
        outcome({}, { abstained: true }),
        outcome({}, { abstained: false }),
        outcome({}, { abstained: false }),
      ],
      10,
    );
    assert.equal(m.abstention.recall, 0.5);
    close(m.abstention.falseRate, 1 / 3);
    assert.equal(m.answers.abstained, 0.4);
  });

  it('computes citation precision and recall over questions with sources', () => {
    const m = computeMetrics(
      [
        outcome({ sources: ['a'] }, { citedFiles: ['a', 'b', 'a'] }),
        outcome({ sources: ['c'] }, { citedFiles: [] }),
        outcome({}, { citedFiles: ['x', 'y'] }),
      ],
      10,
    );
    close(m.citations.precision, 2 / 3);
    assert.equal(m.citations.recall, 0.5);
  });

  it('reports null, never 0 or NaN, for metrics with nothing to measure', () => {
    const m = computeMetrics([outcome({ groups: { type: 'plain' } }, { latencyMs: 7 })], 10);
    assert.deepEqual(m.retrieval, {
      'recall@1': null,
      'recall@5': null,
      'recall@10': null,
      mrr: null,
      'ndcg@10': null,
    });
    assert.equal(m.answers.hit, null);
    assert.equal(m.abstention.recall, null);
    assert.equal(m.abstention.falseRate, 0);
    assert.deepEqual(m.citations, { precision: null, recall: null });
    assert.deepEqual(m.latencyMs, { p50: 7, p95: 7 });
    const empty = computeMetrics([], 5);
    assert.equal(empty.questions, 0);
    assert.equal(empty.answers.abstained, null);
    assert.deepEqual(empty.latencyMs, { p50: null, p95: null });
    assert.doesNotMatch(JSON.stringify(empty), /NaN/);
  });

  it('computes the same metrics per group, keys sorted, with null for groups lacking a denominator', () => {
    const m = computeMetrics(
      [
        outcome({ id: '1', sources: ['a'], groups: { type: 'single', lang: 'id' } }, { retrievedFiles: ['a'] }),
        outcome({ id: '2', sources: ['b'], groups: { type: 'cross', lang: 'en' } }, { retrievedFiles: ['x', 'b'] }),
        outcome({ id: '3', unanswerable: true, groups: { type: 'none', lang: 'en' } }, { abstained: true }),
      ],
      10,
    );
    assert.deepEqual(Object.keys(m.groups), ['lang:en', 'lang:id', 'type:cross', 'type:none', 'type:single']);
    assert.equal(m.groups['lang:en'].questions, 2);
    assert.equal(m.groups['lang:en'].retrieval['recall@1'], 0);
    assert.equal(m.groups['lang:en'].retrieval.mrr, 0.5);
    assert.equal(m.groups['lang:id'].retrieval['recall@1'], 1);
    assert.equal(m.groups['type:none'].retrieval['recall@1'], null);
    assert.equal(m.groups['type:none'].abstention.recall, 1);
    assert.equal(m.groups['type:single'].abstention.recall, null);
    assert.equal('groups' in m.groups['lang:en'], false);
    assert.equal('items' in m.groups['lang:en'], false);
  });

  it('lists one item per question', () => {
    const m = computeMetrics(
      [outcome({ id: 'x', sources: ['a'] }, { citedFiles: ['a'], latencyMs: 12.4, abstained: false, error: 'boom' })],
      10,
    );
    assert.deepEqual(m.items, [
      {
        id: 'x',
        rank: null,
        hit: null,
        exactMatch: null,
        f1: null,
        abstained: false,
        citedFiles: ['a'],
        latencyMs: 12,
        error: 'boom',
      },
    ]);
  });

  it('matches hits on word boundaries: "lima" is not found in "limapuluh"', () => {
    const m = computeMetrics(
      [
        outcome({ id: 'a', answers: ['lima'] }, { answer: 'Ada limapuluh perahu karet. [1]' }),
        outcome({ id: 'b', answers: ['lima'] }, { answer: 'Ada lima perahu karet. [1]' }),
      ],
      10,
    );
    assert.deepEqual(
      m.items.map((item) => item.hit),
      [false, true],
    );
  });

  it('scores the short answer, else the supporting sentence, else the answer without markers (SQuAD-2 style)', () => {
    const m = computeMetrics(
      [
        outcome(
          { id: 'short', answers: ['Amir Abdollahian'] },
          {
            answer: 'Hossein Amir Abdollahian [1]',
            short: 'Hossein Amir Abdollahian',
            support: 'Lavrov met Hossein Amir Abdollahian in China.',
          },
        ),
        outcome({ id: 'support', answers: ['tiga kali'] }, { answer: 'whatever', support: 'Tiga kali.' }),
        outcome({ id: 'plain', answers: ['Rabu'] }, { answer: 'Rabu [1][2]' }),
        outcome({ id: 'refused', answers: ['Rabu'] }, { answer: 'The articles do not say.', abstained: true }),
        outcome({ id: 'trap', unanswerable: true }, { answer: 'No.', abstained: true }),
        outcome({ id: 'fooled', unanswerable: true }, { answer: 'Putin [1]' }),
        outcome({ id: 'unlabelled' }, { answer: 'anything' }),
      ],
      10,
    );
    const score = Object.fromEntries(m.items.map((item) => [item.id, [item.exactMatch, item.f1]]));
    assert.deepEqual(score.short, [0, 0.8]);
    assert.deepEqual(score.support, [1, 1]);
    assert.deepEqual(score.plain, [1, 1]);
    assert.deepEqual(score.refused, [0, 0]);
    assert.deepEqual(score.trap, [1, 1]);
    assert.deepEqual(score.fooled, [0, 0]);
    assert.deepEqual(score.unlabelled, [null, null]);
    close(m.answers.exactMatch, 3 / 6);
    close(m.answers.f1, 3.8 / 6);
    close(m.answers.answerableExactMatch, 2 / 4);
    close(m.answers.answerableF1, 2.8 / 4);
  });

  it('counts right decisions: answered when answerable, abstained when unanswerable; an error is wrong', () => {
    const m = computeMetrics(
      [
        outcome({ answers: ['x'] }, { answer: 'y' }), // answered, though wrongly: the decision is right
        outcome({ answers: ['x'] }, { abstained: true }),
        outcome({ unanswerable: true }, { abstained: true }),
        outcome({ unanswerable: true }, { answer: 'z' }),
        outcome({ answers: ['x'] }, { error: 'boom' }),
      ],
      10,
    );
    close(m.answers.rightDecision, 2 / 5);
  });

  it('takes the median answer length in words over answered questions', () => {
    const m = computeMetrics(
      [
        outcome({}, { answer: 'one two three four five six [1]' }),
        outcome({}, { answer: 'ignored', short: 'tiga kali' }),
        outcome({}, { answer: 'a b c [1]' }),
        outcome({}, { answer: 'The articles do not say anything at all.', abstained: true }),
      ],
      10,
    );
    assert.equal(m.answers.medianWords, 3);
  });

  it('counts the failure patterns overall and per group', () => {
    const m = computeMetrics(
      [
        outcome(
          { id: 'a', answers: ['Rabu'], sources: ['s'], groups: { g: '1' } },
          { retrievedFiles: ['s'], abstained: true },
        ),
        outcome(
          { id: 'b', answers: ['Rabu'], sources: ['s'], groups: { g: '1' } },
          { retrievedFiles: ['x', 's'], answer: 'Kamis [1]', citedTexts: ['Kamis.'] },
        ),
        outcome({ id: 'c', unanswerable: true, groups: { g: '2' } }, { answer: 'Putin [1]' }),
        outcome(
          { id: 'd', answers: ['Rabu'], sources: ['s'], groups: { g: '2' } },
          { retrievedFiles: ['x', 's'], abstained: true },
        ),
      ],
      10,
    );
    assert.deepEqual(m.failures, { abstainedSourceFirst: 1, wrongSentence: 1, answeredUnanswerable: 1 });
    assert.deepEqual(m.groups['g:2'].failures, { abstainedSourceFirst: 0, wrongSentence: 0, answeredUnanswerable: 1 });
    assert.deepEqual(
      m.items.map((item) => item.failure),
      ['abstainedSourceFirst', 'wrongSentence', 'answeredUnanswerable', undefined],
    );
  });

  it('reports verification only when an outcome carries it', () => {
    assert.equal('verification' in computeMetrics([outcome({})], 10), false);
    const m = computeMetrics(
      [
        outcome({ groups: { g: '1' } }, { citationsVerified: 3, citationsTotal: 4, invalidMarkers: 0 }),
        outcome({ groups: { g: '2' } }, { citationsVerified: 1, citationsTotal: 4, invalidMarkers: 2 }),
        outcome({ groups: { g: '3' } }),
      ],
      10,
    );
    assert.deepEqual(m.verification, { verifiedShare: 0.5, answersWithInvalidMarker: 0.5 });
    assert.deepEqual(m.groups['g:3'].verification, { verifiedShare: null, answersWithInvalidMarker: null });
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerMatches,
  answerTokens,
  exactMatch,
  normaliseText,
  scoreAnswer,
  tokenF1,
  withoutMarkers,
  wordCount,
} from '../../../src/core/eval/answer-score.js';

describe('normaliseText', () => {
  it('normalises case, punctuation and whitespace, Unicode-aware', () => {
    assert.equal(normaliseText('  Amir-Abdollahian,\tSAID: “Ya!” '), 'amir abdollahian said ya');
    assert.equal(normaliseText('Café'.normalize('NFD')), 'café');
  });
});

describe('answerMatches', () => {
  it('matches hyphenated names against spaced ones and vice versa', () => {
    assert.equal(answerMatches('Hossein Amir Abdollahian met them.', ['Amir-Abdollahian']), true);
    assert.equal(answerMatches('AMIR‑ABDOLLAHIAN (non-breaking hyphen)', ['amir abdollahian']), true);
    assert.equal(answerMatches('Zarif met them.', ['Amir-Abdollahian', 'Raisi']), false);
  });
  it('matches on word boundaries only', () => {
    assert.equal(answerMatches('Jumlahnya limapuluh orang.', ['lima']), false);
    assert.equal(answerMatches('Jumlahnya lima puluh orang.', ['lima']), true);
    assert.equal(answerMatches('Di tempat itu.', ['empat']), false);
    assert.equal(answerMatches('Mereka bertemu pada 23/8 di Moskow.', ['23/8']), true);
    assert.equal(answerMatches('Mereka bertemu pada 123/8.', ['23/8']), false);
    assert.equal(answerMatches('Lima.', ['lima']), true);
  });
  it('never matches an empty or punctuation-only answer', () => {
    assert.equal(answerMatches('anything', ['', '?!']), false);
  });
});

describe('exact match and token F1', () => {
  it('ignore case, punctuation, spacing and English articles', () => {
    assert.deepEqual(answerTokens('  The U.S.  Treasury, '), ['u', 's', 'treasury']);
    assert.equal(exactMatch('the Treasury.', 'Treasury'), 1);
    assert.equal(exactMatch('Departemen Keuangan AS', 'departemen  keuangan (AS)'), 1);
    assert.equal(exactMatch('Departemen Keuangan', 'Departemen Keuangan AS'), 0);
  });
  it('keep Indonesian words whole', () => {
    assert.equal(exactMatch('Siapakah', 'siapa'), 0);
    assert.equal(exactMatch('Danau ini', 'danau'), 0);
  });
  it('computes F1 over words with multiplicity', () => {
    // 2 common of 3 predicted and 2 gold: P 2/3, R 1, F1 0.8.
    assert.equal(tokenF1('Hossein Amir Abdollahian', 'Amir Abdollahian'), 0.8);
    // "kali kali" against "tiga kali": one "kali" in common, P 1/2, R 1/2.
    assert.equal(tokenF1('kali kali', 'tiga kali'), 0.5);
    assert.equal(tokenF1('Rabu', 'Kamis'), 0);
    assert.equal(tokenF1('', ''), 1);
    assert.equal(tokenF1('the', 'Rabu'), 0);
  });
});

describe('scoreAnswer', () => {
  it('takes the best over the gold answers', () => {
    const score = scoreAnswer('three times', false, ['tiga', 'three'], false);
    assert.equal(score?.exactMatch, 0);
    assert.ok(Math.abs((score?.f1 ?? 0) - 2 / 3) < 1e-9);
    assert.deepEqual(scoreAnswer('Zakharova', false, ['Maria Zakharova', 'Zakharova'], false), {
      exactMatch: 1,
      f1: 1,
    });
  });
  it('scores an abstention 1 on an unanswerable question and 0 on an answerable one', () => {
    assert.deepEqual(scoreAnswer('', true, [], true), { exactMatch: 1, f1: 1 });
    assert.deepEqual(scoreAnswer('Putin', false, [], true), { exactMatch: 0, f1: 0 });
    assert.deepEqual(scoreAnswer('Rabu', true, ['Rabu'], false), { exactMatch: 0, f1: 0 });
  });
  it('is null when an answerable question lists no answers', () => {
    assert.equal(scoreAnswer('anything', false, [], false), null);
  });
});

describe('helpers', () => {
  it('counts words and strips citation markers', () => {
    assert.equal(wordCount('Hossein Amir-Abdollahian, [1]'), 4);
    assert.equal(withoutMarkers('Rabu [1][2]. Kamis [3]'), 'Rabu. Kamis');
  });
});

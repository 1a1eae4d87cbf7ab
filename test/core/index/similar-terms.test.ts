import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distance } from 'fastest-levenshtein';
import { SimilarTerms } from '../../../src/core/index/similar-terms.js';

test('fuzzy term candidates are exactly the terms within the edit distance (the character test only skips work)', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const letters = 'aeiouksrtnmlg1é';
  const word = () =>
    Array.from({ length: 3 + Math.floor(next() * 8) }, () => letters[Math.floor(next() * letters.length)]).join('');
  const terms = [...new Set(Array.from({ length: 3000 }, word))];
  const similar = new SimilarTerms(terms);
  for (let q = 0; q < 200; q++) {
    const term = q % 2 ? word() : terms[q];
    for (const maxDistance of [1, 2]) {
      const expected = terms
        .filter((t) => t !== term && Math.abs(t.length - term.length) <= maxDistance)
        .map((t) => ({ term: t, distance: distance(term, t) }))
        .filter((t) => t.distance <= maxDistance);
      const key = (list: { term: string; distance: number }[]) => list.map((t) => `${t.term}:${t.distance}`).sort();
      assert.deepEqual(key(similar.near(term, maxDistance)), key(expected), term);
    }
  }
});

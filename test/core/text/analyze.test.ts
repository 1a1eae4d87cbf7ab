import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conceptsOf, createAnalyzer } from '../../../src/core/text/analyze.js';
import { vectorCosine } from '../../../src/core/text/vector-cosine.js';

test("a word's lexicon concepts are found in both languages, each once", () => {
  const analyzer = createAnalyzer();
  const sanksi = conceptsOf('sanksi', analyzer);
  assert.ok(sanksi.length > 0, 'an Indonesian word has concepts');
  assert.deepEqual(conceptsOf('sanctions', analyzer), sanksi, 'its English translation stands for the same ones');
  assert.equal(new Set(sanksi).size, sanksi.length);
  assert.deepEqual(conceptsOf('Khatibzadeh', analyzer), []);
});

test('cosine of dense vectors: 1 for the same direction, 0 for orthogonal or zero vectors, -1 for opposite', () => {
  assert.ok(Math.abs(vectorCosine([1, 2, 3], [2, 4, 6]) - 1) < 1e-12);
  assert.equal(vectorCosine([1, 0], [0, 5]), 0);
  assert.equal(vectorCosine([0, 0], [1, 1]), 0);
  assert.ok(Math.abs(vectorCosine([1, -1], [-1, 1]) + 1) < 1e-12);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordSlots } from '../../../src/core/index/matched-words.js';

test('terms of one word share a slot, numbered in order of first appearance; a term without a word has its own', () => {
  const term = (word?: number) => ({ term: 't', weight: 1, fuzzy: 0, word });
  assert.deepEqual(wordSlots([term(4), term(), term(2), term(4), term(), term(2)]), {
    slots: [0, 1, 2, 0, 3, 2],
    count: 4,
  });
  assert.deepEqual(wordSlots([]), { slots: [], count: 0 });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { termMatches } from '../../../src/core/retrieve/term-match.js';
import type { Hit } from '../../../src/core/types.js';

/** A store of `n` hits ranked best first; the first `close` are found by vector closeness alone. */
function store(n: number, close: number) {
  const asked: number[] = [];
  const all = Array.from({ length: n }, (_, i) => ({ id: i, why: { lexical: i < close ? undefined : 1 } }));
  const search = async (k: number) => {
    asked.push(k);
    return { hits: all.slice(0, k) as unknown as Hit[], ms: 2 };
  };
  return { asked, search };
}

test('a search for passages holding a term looks deeper when passages close only in meaning filled it', async () => {
  const deep = store(100, 15);
  const found = await termMatches(deep.search, 10);
  assert.deepEqual(deep.asked, [10, 40]);
  assert.equal(found.hits.length, 10);
  assert.ok(found.hits.every((h) => (h.why.lexical ?? 0) > 0));
  assert.equal(found.read, 40);
  assert.equal(found.ms, 4, 'the time of both searches');

  const plain = store(100, 0);
  await termMatches(plain.search, 10);
  assert.deepEqual(plain.asked, [10], 'nothing left out: one search');

  const none = store(1000, 1000);
  assert.equal((await termMatches(none.search, 5)).hits.length, 0);
  assert.deepEqual(none.asked, [5, 20, 80, 320], 'at most 64 times as deep');

  const small = store(12, 12);
  await termMatches(small.search, 10);
  assert.deepEqual(small.asked, [10, 40], 'a store with no more stops');
});

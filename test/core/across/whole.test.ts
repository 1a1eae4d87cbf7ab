import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredArticle } from '../../../src/core/index/port.js';
import { wholeArticles } from '../../../src/core/across/whole.js';
import { pooled } from './pooled.js';

/** A stored article of `passages` passages, one sentence each; passage n is `file#n`. */
function stored(file: string, passages: number): StoredArticle {
  return {
    file,
    title: file,
    date: null,
    source: file,
    lang: 'en',
    version: { size: 0, mtimeMs: 0, hash: '' },
    passages: Array.from({ length: passages }, (_, n) => {
      const text = `Sentence ${n} of ${file}.`;
      return {
        id: `${file}#${n}`,
        file,
        start: n * 100,
        end: n * 100 + text.length,
        text,
        sentences: [{ start: n * 100, end: n * 100 + text.length, text }],
      };
    }),
  };
}

test('the passages the search left out of the first articles about the topic are read, at the article rank', async () => {
  const articles = new Map([
    ['a.txt', stored('a.txt', 3)],
    ['b.txt', stored('b.txt', 2)],
    ['c.txt', stored('c.txt', 2)],
  ]);
  const store = { article: async (id: string) => articles.get(id) };
  // a.txt#0 and b.txt#0 were found; c.txt holds too little of the topic: it is on another story.
  const pool = [
    { ...pooled('a.txt', null, 'Sentence 0 of a.txt.', 1, 1, 0), rank: 0 },
    { ...pooled('c.txt', null, 'Sentence 0 of c.txt.', 0.5, 0.4, 0), passageId: 'c.txt#0', rank: 1 },
    { ...pooled('b.txt', null, 'Sentence 0 of b.txt.', 0.9, 1, 0), passageId: 'b.txt#0', rank: 2 },
  ];
  const all = await wholeArticles(pool, store, 0.9, 3);
  assert.deepEqual(all.reads, [
    { id: 'a.txt#1', rank: 0 },
    { id: 'a.txt#2', rank: 0 },
    { id: 'b.txt#1', rank: 2 },
  ]);
  assert.equal(all.records.get('b.txt#1')?.passage.text, 'Sentence 1 of b.txt.');
  assert.equal(all.records.get('b.txt#1')?.article.file, 'b.txt');
  assert.equal('version' in all.records.get('b.txt#1')!.article, false);
  // Only the first article about the topic, when one is asked for.
  assert.deepEqual(
    (await wholeArticles(pool, store, 0.9, 1)).reads.map((r) => r.id),
    ['a.txt#1', 'a.txt#2'],
  );
});

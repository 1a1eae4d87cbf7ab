import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Bm25Scorer, type PostingSource } from '../../../../src/core/index/local/bm25.js';
import { BLOCK, lengthOf, postingReader, PostingWriter, tfOf } from '../../../../src/core/index/local/postings.js';
import { SCHEMA } from '../../../../src/core/index/local/schema.js';
import { BM25 } from '../../../../src/core/settings.js';

/** A deterministic pseudo-random sequence in [0, 1). */
const sequence = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

function database(): Database.Database {
  const db = new Database(':memory:');
  db.exec(SCHEMA);
  return db;
}

const read = (db: Database.Database, term: string) => {
  const out: [number, number, number][] = [];
  for (const block of postingReader(db)(term))
    for (let i = 0; i < block.length; i += 2) out.push([block[i], tfOf(block[i + 1]), lengthOf(block[i + 1])]);
  return out;
};

test('postings stay exact across block boundaries, flushes, removals and re-adds', () => {
  const db = database();
  const writer = new PostingWriter(db);
  const expected = new Map<number, [number, number]>();
  const random = sequence(7);
  let label = 0;
  const add = (count: number) => {
    for (let i = 0; i < count; i++) {
      label++;
      const tf = 1 + Math.floor(random() * 5);
      const length = tf + Math.floor(random() * 60);
      writer.add(
        label,
        new Map([
          ['kata', tf],
          [`only${label}`, 1],
        ]),
        length,
      );
      expected.set(label, [tf, length]);
    }
  };
  add(BLOCK * 2 + 17);
  writer.flush();
  add(BLOCK + 3); // appended to the last, partly filled block, then new blocks
  for (const gone of [1, BLOCK, BLOCK + 1, label - 1, label]) {
    writer.remove(gone, ['kata', `only${gone}`]); // the last ones are still held: flushed first
    expected.delete(gone);
  }
  add(5);
  writer.flush();
  assert.deepEqual(
    read(db, 'kata'),
    [...expected].map(([l, [tf, length]]) => [l, tf, length]),
  );
  assert.equal(db.prepare("SELECT df FROM terms WHERE term = 'kata'").pluck().get(), expected.size);
  assert.equal(
    db.prepare("SELECT count(*) FROM terms WHERE term = 'only1'").pluck().get(),
    0,
    'a term left in no passage is gone',
  );
  assert.deepEqual(read(db, `only${label}`), [[label, 1, expected.get(label)![1]]]);
});

/** BM25 as it was scored before postings were stored in blocks: one posting at a time, a full sort. */
function reference(
  postings: Map<string, { passage: number; tf: number; length: number }[]>,
  count: number,
  average: number,
  terms: { term: string; weight: number }[],
) {
  const { k1: k, b, d } = BM25;
  const sums = new Map<number, { score: number; matched: number }>();
  for (const query of terms) {
    const list = postings.get(query.term) ?? [];
    if (list.length === 0) continue;
    const idf = Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5));
    for (const p of list) {
      const score = 1 * query.weight * idf * (d + (p.tf * (k + 1)) / (p.tf + k * (1 - b + (b * p.length) / average)));
      const sum = sums.get(p.passage);
      if (sum) {
        sum.score += score;
        sum.matched++;
      } else sums.set(p.passage, { score, matched: 1 });
    }
  }
  return [...sums].map(([label, s]) => ({ label, score: s.score * s.matched })).sort((x, y) => y.score - x.score);
}

test('block scoring ranks exactly as one-posting-at-a-time BM25, filters included', () => {
  const db = database();
  const writer = new PostingWriter(db);
  const random = sequence(11);
  const vocabulary = Array.from({ length: 40 }, (_, i) => `t${i}`);
  const postings = new Map<string, { passage: number; tf: number; length: number }[]>();
  let total = 0;
  const passages = 3000;
  for (let label = 1; label <= passages; label++) {
    const tf = new Map<string, number>();
    const length = 5 + Math.floor(random() * 40);
    for (let i = 0; i < length; i++) {
      // Zipf-like: low-numbered terms are frequent.
      const term = vocabulary[Math.floor(vocabulary.length * random() ** 3)];
      tf.set(term, (tf.get(term) ?? 0) + 1);
    }
    writer.add(label, tf, length);
    for (const [term, n] of tf) postings.set(term, [...(postings.get(term) ?? []), { passage: label, tf: n, length }]);
    total += length;
  }
  writer.flush();
  const source: PostingSource = {
    documentCount: passages,
    averageLength: total / passages,
    maxLabel: passages,
    df: (term) => postings.get(term)?.length ?? 0,
    postings: postingReader(db),
    similarTerms: { near: () => [] },
  };
  const scorer = new Bm25Scorer();
  for (let q = 0; q < 30; q++) {
    const terms = Array.from({ length: 1 + Math.floor(random() * 6) }, () => ({
      term: vocabulary[Math.floor(random() * vocabulary.length)],
      weight: 0.3 + random(),
      fuzzy: 0,
    }));
    const unique = [...new Map(terms.map((t) => [t.term, t])).values()];
    const want = reference(postings, passages, total / passages, unique);
    assert.deepEqual(scorer.top(source, unique, 50), want.slice(0, 50));
    const even = (label: number) => label % 2 === 0;
    assert.deepEqual(scorer.top(source, unique, 20, even), want.filter((h) => even(h.label)).slice(0, 20));
  }
});

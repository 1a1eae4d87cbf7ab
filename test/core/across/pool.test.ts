import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aboutTopic } from '../../../src/core/across/pool.js';
import { pooled } from './pooled.js';

test('an article is about the topic when it holds nearly all of it, and in one sentence nearly as fully as the best', () => {
  const pool = [
    pooled('a.txt', null, 'Sandiaga Uno dilaporkan ke Polda Metro Jaya.', 1, 1, 0),
    // Holds every word of the topic, but only apart: no sentence holds most of it.
    pooled('b.txt', null, 'Dede mengidolakan Sandiaga.', 0.5, 1, 0),
    pooled('b.txt', null, 'Laporan warga diterima.', 0.5, 1, 100),
    // Holds most of the topic in one sentence, but less of it over the article.
    pooled('c.txt', null, 'Sandiaga Uno dilaporkan warga.', 0.95, 0.8, 0),
    pooled('d.txt', null, 'Laporan terhadap Sandiaga Uno diproses.', 0.9, 0.95, 0),
  ];
  const about = aboutTopic(pool, 0.9);
  assert.deepEqual([...new Set(pool.filter(about).map((s) => s.article.file))], ['a.txt', 'd.txt']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PoolSentence } from '../../../src/core/across/pool.js';
import { pooled } from './pooled.js';
import { timelineEvents } from '../../../src/core/across/timeline.js';
import { DEFAULT_ACROSS } from '../../../src/core/settings.js';
import { createAnalyzer } from '../../../src/core/text/analyze.js';

const sentence = (file: string, text: string, relevance: number, about: number, position: number) =>
  pooled(file, '2025-06-21', text, relevance, about, position);

test("a timeline places the events of the articles about the topic, not a neighbouring story's", () => {
  const pool = [
    sentence('a.txt', 'Izin usaha BPRS GP dicabut oleh OJK pada 17 April 2025.', 1, 1, 0),
    sentence('a.txt', 'Penyitaan aset BPRS GP dilakukan pada 17 Juni 2025.', 0.8, 1, 100),
    sentence('b.txt', 'Hingga akhir Mei 2007, jumlah BPR binaan mencapai 75 BPR.', 0.6, 0.6, 0),
  ];
  const dates = (p: PoolSentence[]) => timelineEvents(p, createAnalyzer(), DEFAULT_ACROSS).map((e) => e.date);
  assert.deepEqual(dates(pool), ['2025-04-17', '2025-06-17']);
  // Had that article held as much of the topic, in a sentence as full as the best, its event would be placed too.
  const alike = pool.map((s) => ({ ...s, articleRelevance: 1, relevance: 1 }));
  assert.deepEqual(dates(alike), ['2007-05', '2025-04-17', '2025-06-17']);
  // Holding the whole topic only over several sentences is not enough.
  assert.deepEqual(dates(pool.map((s) => ({ ...s, articleRelevance: 1 }))), ['2025-04-17', '2025-06-17']);
});

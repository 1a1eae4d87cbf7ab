import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefLines } from '../../../src/core/across/brief.js';
import { pooled } from './pooled.js';
import { DEFAULT_ACROSS } from '../../../src/core/settings.js';
import { createAnalyzer } from '../../../src/core/text/analyze.js';

const sentence = (file: string, text: string, relevance: number, about: number, position: number) =>
  pooled(file, '2018-01-25', text, relevance, about, position);

test('a brief draws its lines from the articles about the topic, not from a neighbouring story', () => {
  const pool = [
    sentence('a.txt', 'Sandiaga Uno dilaporkan oleh Fransiska ke Polda Metro Jaya atas dugaan pemalsuan.', 1, 1, 0),
    sentence('a.txt', 'Polisi masih memproses dua kasus laporan terhadap Sandiaga Uno hingga kini.', 0.9, 1, 100),
    sentence('b.txt', 'Sandiaga Uno meresmikan kawasan wisata halal di Luar Batang pada hari Senin.', 0.6, 0.6, 0),
    sentence('b.txt', 'Wakil Gubernur Sandiaga Uno menyebut kawasan itu tepat untuk wisata halal.', 0.6, 0.6, 100),
  ];
  const lines = briefLines(pool, createAnalyzer(), DEFAULT_ACROSS, 5);
  assert.ok(lines.length >= 1);
  assert.deepEqual([...new Set(lines.flatMap((l) => l.reports.map((r) => r.article.file)))], ['a.txt']);
  // The same sentences, every article about the topic alike: both are drawn on.
  const alike = pool.map((s) => ({ ...s, articleRelevance: 1, relevance: 1 }));
  const files = new Set(briefLines(alike, createAnalyzer(), DEFAULT_ACROSS, 5).map((l) => l.reports[0].article.file));
  assert.deepEqual([...files].sort(), ['a.txt', 'b.txt']);
});

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

test('of sentences holding as much of the topic, a brief takes the one that states a figure', () => {
  const pool = [
    sentence('a.txt', 'Pemkot Semarang membuka seleksi CPNS dan banyak warga ingin ikut mendaftar.', 0.8, 1, 0),
    sentence('a.txt', 'Pemkot Semarang membuka 331 formasi CPNS, terdiri dari 119 tenaga kesehatan.', 0.8, 1, 100),
    sentence('a.txt', 'Jadi tidak hanya warga Semarang saja yang boleh mendaftar CPNS, katanya.', 0.8, 1, 200),
  ];
  const [line] = briefLines(pool, createAnalyzer(), DEFAULT_ACROSS, 1);
  assert.match(line.reports[0].sentence.text, /331 formasi/);
  // Without the weight on figures, the first of the equals is taken.
  const [plain] = briefLines(pool, createAnalyzer(), { ...DEFAULT_ACROSS, briefFact: 0 }, 1);
  assert.doesNotMatch(plain.reports[0].sentence.text, /331 formasi/);
});

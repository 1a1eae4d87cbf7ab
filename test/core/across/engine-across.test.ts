import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { collectAnswer } from '../../../src/core/answer/collect.js';
import type { Answer } from '../../../src/core/types.js';
import { seedsEngine } from '../../helpers.js';

const SEEDS = path.resolve(import.meta.dirname, '../../../seeds');

/** Every citation of every line is the exact text of its file at its offsets, and numbered as the answer's markers. */
function assertExact(answer: Answer) {
  for (const item of answer.items ?? []) {
    assert.ok(item.citations.length > 0, `"${item.text}" cites nothing`);
    for (const c of item.citations) {
      assert.equal(fs.readFileSync(path.join(SEEDS, c.file), 'utf8').slice(c.start, c.end), c.text);
      assert.equal(answer.citations[c.n - 1], c);
      assert.match(answer.answer, new RegExp(`\\[${c.n}\\]`));
    }
  }
}

test('a timeline over the seeds: dated, ordered, one line per event with every outlet that reports it', async (t) => {
  const engine = await seedsEngine(t);
  const answer = await collectAnswer(engine.ask('What happened between Iran and Russia in 2020?'));
  assert.equal(answer.kind, 'timeline');
  assertExact(answer);
  const dates = answer.items!.map((i) => i.date);
  assert.deepEqual(dates, ['2020-07-01', '2020-08-23', '2020-10-22']);
  // The webinar of 1 July is told by 000 (Indonesian) and 001 (English): one line, both cited.
  const webinar = answer.items![0];
  assert.deepEqual(webinar.citations.map((c) => c.file).sort(), [
    '000_e871f56c57ac0511.txt',
    '001_4d17da93abf0a46e.txt',
  ]);
  // The filters narrow the events.
  const later = await collectAnswer(
    engine.ask('What happened between Iran and Russia?', { filters: { since: '2020-08' } }),
  );
  assert.ok(later.items!.every((i) => i.date! >= '2020-08'));
  assert.ok(later.items!.length >= 1);
});

test('a list over the seeds names each person once, with citations', async (t) => {
  const engine = await seedsEngine(t);
  const answer = await collectAnswer(engine.ask('Siapa saja yang bertemu Lavrov?'));
  assert.equal(answer.kind, 'list');
  assertExact(answer);
  const abdollahian = answer.items!.filter((i) => /Abdollahian/.test(i.text));
  assert.equal(abdollahian.length, 1);
  assert.match(abdollahian[0].citations.map((c) => c.text).join(' '), /Lavrov bertemu/);
  const countries = await collectAnswer(engine.ask('Negara mana saja yang menjadi penjamin perdamaian di Suriah?'));
  const names = countries.items!.map((i) => i.text).join(', ');
  for (const country of [/\bIran\b/, /\bRussia|Rusia\b/, /\bTurki|Turkey\b/]) assert.match(names, country);
});

test('a brief over the seeds: at most the lines asked for, from more than one outlet, ordered by date', async (t) => {
  const engine = await seedsEngine(t);
  const answer = await collectAnswer(engine.ask('Ringkas berita tentang kerja sama militer Iran dan Rusia'));
  assert.equal(answer.kind, 'brief');
  assertExact(answer);
  assert.ok(answer.items!.length > 1 && answer.items!.length <= 5);
  assert.ok(new Set(answer.citations.map((c) => c.source)).size > 1);
  const dates = answer.items!.map((i) => i.date ?? '\uffff');
  assert.deepEqual(dates, [...dates].sort());
  const short = await collectAnswer(
    engine.ask('Ringkas berita tentang kerja sama militer Iran dan Rusia', { lines: 2 }),
  );
  assert.equal(short.items!.length, 2);
});

test('an ordinary question keeps its single cited answer', async (t) => {
  const engine = await seedsEngine(t);
  const answer = await collectAnswer(engine.ask('Who met Shoygu?'));
  assert.equal(answer.kind, undefined);
  assert.equal(answer.items, undefined);
  assert.match(answer.answer, /Hatami/);
});

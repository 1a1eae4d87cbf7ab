import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listItems } from '../../../src/core/across/list.js';
import type { PoolSentence } from '../../../src/core/across/pool.js';
import { pooled } from './pooled.js';
import type { ReadSpan, SpanReader } from '../../../src/core/across/spans.js';
import { DEFAULT_ACROSS } from '../../../src/core/settings.js';
import type { Span } from '../../../src/core/types.js';

const sentence = (file: string, text: string, relevance: number, about = 1, position = 0) =>
  pooled(file, null, text, relevance, about, position);

/** A reader that is sure of the names it is given wherever a sentence holds them. */
function reader(names: string[]): SpanReader {
  return {
    names: true,
    spans(s: Span): ReadSpan[] {
      return names
        .filter((n) => s.text.includes(n))
        .map((n) => {
          const at = s.start + s.text.indexOf(n);
          return { start: at, end: at + n.length, text: n, p: 0.9, fits: true, repeats: false };
        });
    },
  };
}

const items = (pool: PoolSentence[], names: string[], accepts = (_s: Span, _i: Span) => true) =>
  listItems(pool, reader(names), DEFAULT_ACROSS, new Set(['lavrov']), accepts).map((i) => i.text);

test('a written list after its lead-in is taken; written where the question is, it pushes out lone names', () => {
  const pool = [
    sentence('a.txt', 'Empat nelayan asal Langkat ditangkap polisi Malaysia di Pulau Penang.', 1),
    sentence('a.txt', 'Mereka yakni Herman, Lukman Hakim Siregar dan Irwan Sofyan.', 0.6, 1, 100),
    sentence('a.txt', 'Kepala desa Azhar Kasim meminta nelayan ditangkap polisi Malaysia dibebaskan.', 1, 1, 200),
  ];
  // The list stands in a sentence that holds less of the question than a lone name needs: taken beside the name.
  assert.deepEqual(items(pool, ['Herman', 'Azhar Kasim']), [
    'Azhar Kasim',
    'Herman',
    'Lukman Hakim Siregar',
    'Irwan Sofyan',
  ]);
  // The list written in a sentence that holds the question: only its items.
  const held = pool.map((s) => ({ ...s, relevance: 1 }));
  assert.deepEqual(items(held, ['Herman', 'Azhar Kasim']).sort(), ['Herman', 'Irwan Sofyan', 'Lukman Hakim Siregar']);
});

test('items of another type, of a neighbouring story or naming one person twice are left out', () => {
  const pool = [
    sentence('a.txt', 'Lavrov bertemu Hossein Amir Abdollahian pada hari Rabu di Beijing.', 1),
    sentence('a.txt', 'Lavrov memuji Abdollahian atas kerja samanya pada hari Rabu.', 1, 1, 100),
    sentence('b.txt', 'Lavrov bertemu Condoleezza Rice di Washington.', 1, 0.5),
  ];
  const noDays = (_s: Span, item: Span) => item.text !== 'Rabu';
  assert.deepEqual(items(pool, ['Hossein Amir Abdollahian', 'Abdollahian', 'Rabu', 'Condoleezza Rice'], noDays), [
    'Hossein Amir Abdollahian',
  ]);
});

test('the items of a list broken off by full stops are all taken, each cited from the sentence it stands in', () => {
  const lead = 'Sedangkan lima anggota Dewas terpilih adalah Wisnu Baroto, Benny Jozua Mamoto, Gusrizal.';
  const pool = [
    sentence('a.txt', lead, 1),
    sentence('a.txt', 'Sumpeno, dan Chisca Mirawati.', 0.2, 1, lead.length + 1),
  ];
  const found = listItems(pool, reader(['Gusrizal']), DEFAULT_ACROSS, new Set(), () => true);
  assert.deepEqual(
    found.map((i) => [i.text, i.mentions[0].from.sentence.start]),
    [
      ['Wisnu Baroto', 0],
      ['Benny Jozua Mamoto', 0],
      ['Gusrizal', 0],
      ['Sumpeno', lead.length + 1],
      ['Chisca Mirawati', lead.length + 1],
    ],
  );
  // Without the part holding the conjunction, commas alone are no list: only the name the reader is sure of.
  assert.deepEqual(items(pool.slice(0, 1), ['Gusrizal']), ['Gusrizal']);
});

test('once a list is written where the question is, a list in a sentence holding less of it is left out', () => {
  const pool = [
    sentence('a.txt', 'The countries with five wins each are the UK, France and Luxembourg.', 0.9),
    sentence('a.txt', 'Past Eurovision performers include Abba, Celine Dion and Lulu.', 0.6, 1, 100),
  ];
  const names = ['France', 'Celine Dion'];
  assert.deepEqual(items(pool, names), ['UK', 'France', 'Luxembourg']);
  // Held nearly as fully, both lists answer.
  const alike = [pool[0], { ...pool[1], relevance: 0.85 }];
  assert.deepEqual(items(alike, names), ['UK', 'France', 'Luxembourg', 'Abba', 'Celine Dion', 'Lulu']);
});

test('a written list with one item of the type asked for left gives none; the item asked about still counts', () => {
  const noOffices = (_s: Span, item: Span) => item.text !== 'Direktur Utama';
  const alone = [sentence('a.txt', 'Rapat itu dihadiri Direktur Utama dan Joko Susilo pada pagi hari.', 1)];
  assert.deepEqual(items(alone, ['Direktur Utama', 'Joko Susilo'], noOffices), []);
  const beside = [sentence('a.txt', 'Rapat itu dihadiri Lavrov dan Joko Susilo pada pagi hari.', 1)];
  assert.deepEqual(items(beside, ['Lavrov', 'Joko Susilo'], noOffices), ['Joko Susilo']);
});

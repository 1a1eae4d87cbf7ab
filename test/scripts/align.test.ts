import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainIbm1 } from '../../scripts/lexicon/ibm1.js';
import { alignMonotone, sentencePairs } from '../../scripts/lexicon/parallel.js';

test('IBM Model 1 learns which word translates which from sentence pairs alone', () => {
  const pairs: [string[], string[]][] = [
    [
      ['house', 'big'],
      ['rumah', 'besar'],
    ],
    [
      ['house', 'small'],
      ['rumah', 'kecil'],
    ],
    [
      ['car', 'big'],
      ['mobil', 'besar'],
    ],
    [
      ['car', 'small'],
      ['mobil', 'kecil'],
    ],
  ];
  const table = trainIbm1(pairs, 10);
  const best = (word: string) => [...table.get(word)!].sort((a, b) => b[1] - a[1])[0][0];
  assert.equal(best('house'), 'rumah');
  assert.equal(best('big'), 'besar');
  assert.equal(best('small'), 'kecil');
  assert.equal(best('car'), 'mobil');
  for (const row of table.values()) {
    const sum = [...row.values()].reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, 'each row is a distribution');
  }
});

test('a monotone alignment skips a unit one side lacks and joins two sentences translated as one', () => {
  const cost = (x: number[], y: number[]) => Math.abs(x.reduce((a, b) => a + b) - y.reduce((a, b) => a + b)) / 10;
  assert.deepEqual(alignMonotone([5, 7, 9], [5, 9], cost, false), [
    [[5], [5]],
    [[9], [9]],
  ]);
  assert.deepEqual(alignMonotone([3, 4, 9], [7, 9], cost, true), [
    [[3, 4], [7]],
    [[9], [9]],
  ]);
});

test('sentence pairs follow the documents even when one side misses a document', () => {
  const english = [
    'Minister Sri Mulyani met 12 bankers in Jakarta. The talks lasted 3 hours.',
    'Persija beat Persib 2-1 on Sunday in Bandung.',
    'Bank Indonesia kept its rate at 8 percent in March.',
  ];
  const indonesian = [
    'Menteri Sri Mulyani bertemu 12 bankir di Jakarta. Pembicaraan berlangsung 3 jam.',
    'Bank Indonesia mempertahankan suku bunga 8 persen pada Maret.',
  ];
  const pairs = sentencePairs(english, indonesian);
  assert.deepEqual(pairs, [
    ['Minister Sri Mulyani met 12 bankers in Jakarta.', 'Menteri Sri Mulyani bertemu 12 bankir di Jakarta.'],
    ['The talks lasted 3 hours.', 'Pembicaraan berlangsung 3 jam.'],
    [
      'Bank Indonesia kept its rate at 8 percent in March.',
      'Bank Indonesia mempertahankan suku bunga 8 persen pada Maret.',
    ],
  ]);
});

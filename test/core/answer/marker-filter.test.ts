import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropInvalidMarkers, markerFilter } from '../../../src/core/answer/marker-filter.js';

const valid = (n: number) => n >= 1 && n <= 3;

test('markers to no source are removed with the space before them; others are kept', () => {
  const cases: [string, string][] = [
    ['Shoigu met Hatami in Moscow [1][9].', 'Shoigu met Hatami in Moscow [1].'],
    ['Moscow [9].', 'Moscow.'],
    ['Moscow [9] and Tehran [2].', 'Moscow and Tehran [2].'],
    ['See [note] and [1, 9] and [4;2].', 'See [note] and [1] and [2].'],
    ['A [9][1] b', 'A [1] b'],
    ['Array [1', 'Array [1'],
    ['x [12345678901234567890123456789] y', 'x [12345678901234567890123456789] y'],
  ];
  for (const [reply, kept] of cases) assert.equal(dropInvalidMarkers(reply, valid).text, kept, reply);
  assert.deepEqual(dropInvalidMarkers('a [9] b [1, 7]', valid).invalid, [9, 7]);
});

test('streamed in pieces of any size, the filter shows exactly the text it keeps', () => {
  const reply = 'Shoigu met Hatami [9] in Moscow [1][9]. He said [2, 8] that [x] ties grow [4].\nEnd [3]';
  const whole = dropInvalidMarkers(reply, valid).text;
  for (let size = 1; size <= 7; size += 1) {
    const filter = markerFilter(valid);
    let shown = '';
    for (let i = 0; i < reply.length; i += size) {
      const out = filter.push(reply.slice(i, i + size));
      assert.doesNotMatch(out, /\[[4-9]\]/);
      shown += out;
    }
    shown += filter.end();
    assert.equal(shown, whole, `pieces of ${size}`);
    assert.equal(filter.kept, 3);
  }
});

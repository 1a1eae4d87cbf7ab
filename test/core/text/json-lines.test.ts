import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isJsonObject, jsonLines } from '../../../src/core/text/json-lines.js';

test('jsonLines parses each non-blank line on its own, with its 1-based line number', () => {
  const rows = [...jsonLines('\uFEFF{"a": 1}\n\n  \n[1, 2]\r\n{"b": \n"x"\n{"c": true}')];
  assert.deepEqual(
    rows.map((r) => r.line),
    [1, 4, 5, 6, 7],
  );
  assert.deepEqual(rows[0], { line: 1, value: { a: 1 } });
  assert.deepEqual(rows[1], { line: 4, value: [1, 2] });
  assert.equal(typeof rows[2].error, 'string');
  assert.deepEqual(rows[3], { line: 6, value: 'x' });
  assert.deepEqual(rows[4], { line: 7, value: { c: true } });
});

test('jsonLines of empty or blank text yields nothing', () => {
  assert.deepEqual([...jsonLines('')], []);
  assert.deepEqual([...jsonLines('\n \n')], []);
});

test('isJsonObject accepts objects only', () => {
  assert.equal(isJsonObject({}), true);
  for (const value of [null, [], 'x', 1, true]) assert.equal(isJsonObject(value), false);
});

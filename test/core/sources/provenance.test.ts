import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countProvenance, describeProvenance, emptyProvenance } from '../../../src/core/sources/provenance.js';

test('provenance counts add and take away articles and read as one line per field', () => {
  const counts = emptyProvenance();
  const record = { title: 'record', date: 'record', source: 'guessed', url: 'record', lang: 'guessed' } as const;
  for (let i = 0; i < 1200; i++) countProvenance(counts, record, 1);
  countProvenance(counts, { title: 'guessed', date: 'absent', source: 'absent', url: 'absent', lang: 'guessed' }, 1);
  countProvenance(counts, record, -1);
  const lines = describeProvenance(counts);
  assert.equal(lines[0], 'title: 1,199 from records, 1 guessed');
  assert.equal(lines[1], 'date: 1,199 from records, 1 absent');
  assert.equal(lines[4], 'lang: 1,200 guessed');
  countProvenance(counts, { title: 'guessed', date: 'absent', source: 'absent', url: 'absent', lang: 'guessed' }, -1);
  assert.equal(describeProvenance(counts)[3], 'url: 1,199 from records');
  assert.equal(describeProvenance(emptyProvenance())[0], 'title: none');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesFilters, parseFilters, validateFilters } from '../../../src/core/index/filter.js';
import { UserError } from '../../../src/core/errors.js';
import type { ArticleMeta } from '../../../src/core/types.js';

const article = (date: string | null, source: string | null = 'IslamTimes', lang: 'id' | 'en' = 'id'): ArticleMeta => ({
  file: 'a.txt',
  title: 'A',
  date,
  source,
  lang,
});

test('dates compare at the precision given', () => {
  assert.equal(matchesFilters(article('2020-10-22'), { until: '2020-10' }), true);
  assert.equal(matchesFilters(article('2020-10-22'), { since: '2020-10-23' }), false);
  assert.equal(
    matchesFilters(article('2020-10'), { since: '2020-10-15' }),
    true,
    'a month-only date may fall on any day of it',
  );
  assert.equal(matchesFilters(article('2020-08'), { since: '2020-09', until: '2020-12' }), false);
  assert.equal(matchesFilters(article(null), { since: '2020' }), false);
  assert.equal(matchesFilters(article(null), {}), true);
});

test('source matches part of the outlet name, ignoring case and punctuation; lang is exact', () => {
  assert.equal(matchesFilters(article('2020', 'ARRAHMAHNEWS.COM'), { source: 'arrahmah' }), true);
  assert.equal(matchesFilters(article('2020', 'IslamTimes'), { source: 'islam times' }), true);
  assert.equal(matchesFilters(article('2020', null), { source: 'IRNA' }), false);
  assert.equal(matchesFilters(article('2020', 'IRNA', 'en'), { lang: 'id' }), false);
});

test('bad filter values are user errors naming the flag', () => {
  assert.throws(
    () => validateFilters({ since: '22-10-2020' }),
    (e: unknown) => e instanceof UserError && /--since 22-10-2020/.test(e.message),
  );
  assert.throws(
    () => validateFilters({ lang: 'fr' }),
    (e: unknown) => e instanceof UserError && /--lang fr/.test(e.message),
  );
  assert.throws(
    () => validateFilters({ since: '2021', until: '2020-05' }),
    (e: unknown) => e instanceof UserError && /after/.test(e.message),
  );
  assert.deepEqual(validateFilters({ since: '2020-09', lang: 'en' }), { since: '2020-09', lang: 'en' });
});

test('one rule for every front end: real calendar dates, language in any case', () => {
  for (const bad of ['2020-13', '2020-02-31', '2020-13-45', '2021-02-29', '2020-00', '20201', '2020-1']) {
    assert.equal(parseFilters({ since: bad }).problem?.problem, 'is not a date', bad);
  }
  for (const good of ['2020', '2020-02', '2020-02-29', '2020-12-31'])
    assert.deepEqual(parseFilters({ until: good }).filters, { until: good });
  assert.deepEqual(parseFilters({ lang: 'ID' }).filters, { lang: 'id' });
  assert.deepEqual(parseFilters({ source: '  ', lang: '' }).filters, {}, 'an empty value is no filter');
  assert.equal(parseFilters({ since: '2021', until: '2020-05' }).problem?.hint, 'Swap the two dates.');
  assert.deepEqual(parseFilters({ since: '2020-05', until: '2020' }).filters, { since: '2020-05', until: '2020' });
});

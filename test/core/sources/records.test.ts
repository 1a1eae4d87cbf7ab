import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsvRecords } from '../../../src/core/sources/csv-records.js';
import { readCsv } from '../../../src/core/sources/csv.js';
import { parseFieldMap } from '../../../src/core/sources/fields.js';
import { readJsonl } from '../../../src/core/sources/jsonl.js';
import { isUserError } from '../../../src/core/errors.js';
import { fixture } from './fixtures.js';

test('JSONL: one article per record, fields detected, bad lines warned with their line and skipped', () => {
  const { articles, warnings } = readJsonl('archive.jsonl', fixture('archive.jsonl'));
  assert.deepEqual(
    articles.map((a) => [a.id, a.line]),
    [
      ['archive.jsonl:a-1', 1],
      ['archive.jsonl:a-2', 2],
      ['archive.jsonl:https://example.org/escape', 6],
      ['archive.jsonl:7', 7],
    ],
  );
  const [first, second, escaped] = articles;
  assert.equal(first.title, 'Harga beras naik di Surabaya');
  assert.equal(first.date, '2024-03-05');
  assert.equal(first.source, 'Warta Jatim');
  assert.equal(first.url, 'https://example.org/beras');
  assert.deepEqual(first.found, { title: 'record', date: 'record', source: 'record', url: 'record' });
  assert.equal(second.title, 'Ferry service resumes to Bali');
  assert.equal(second.date, '2024-03-06');
  assert.equal(second.source, 'Island Wire');
  assert.match(second.text, /day\.\n\nOperators/);
  assert.equal(escaped.title, 'Terminal red title');
  assert.equal(escaped.text, 'A record with an escape sequence in its text. Nothing else happens here.');
  assert.deepEqual(
    warnings.map((w) => w.line),
    [3, 4, 5],
  );
  assert.match(warnings[0].message, /not valid JSON/);
  assert.match(warnings[1].message, /not a JSON object/);
  assert.match(warnings[2].message, /no article text/);
});

test('JSONL: --field mappings win over detection; a repeated id keeps the later record', () => {
  const content =
    '{"id":"x","story":"First version of the story.","body":"Not the text."}\n{"id":"x","story":"Second version of the story."}\n';
  const { articles, warnings } = readJsonl('a.jsonl', content, { fields: { text: 'story' } });
  assert.equal(articles.length, 1);
  assert.equal(articles[0].text, 'Second version of the story.');
  assert.equal(articles[0].line, 2);
  assert.match(warnings[0].message, /repeats the id of line 1/);
});

test('field mappings are parsed from flags and KABAR_FIELDS; a bad one is a UserError', () => {
  assert.deepEqual(parseFieldMap(['text=body', 'title=headline,date=meta.published'], '--field'), {
    text: 'body',
    title: 'headline',
    date: 'meta.published',
  });
  assert.throws(
    () => parseFieldMap(['colour=red'], '--field'),
    (e) => isUserError(e) && /--field colour=red is not a field mapping/.test(e.message),
  );
  assert.throws(
    () => parseFieldMap(['text'], 'KABAR_FIELDS'),
    (e) => isUserError(e) && /KABAR_FIELDS text/.test(e.message),
  );
});

test('CSV parser: quoted delimiters, doubled quotes, line breaks in fields, CRLF, record start lines', () => {
  const { records, problems } = readCsvRecords('a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n\nplain,"q"\n');
  assert.deepEqual(problems, []);
  assert.deepEqual(records, [
    { fields: ['a', 'b'], line: 1 },
    { fields: ['x, y', 'say "hi"'], line: 2 },
    { fields: ['multi\nline', '2'], line: 3 },
    { fields: ['plain', 'q'], line: 6 },
  ]);
  assert.deepEqual(readCsvRecords('a;b\n1;"2;3"\n').records[1].fields, ['1', '2;3']);
  assert.deepEqual(readCsvRecords('a,b\n1,x"y\n').records[1].fields, ['1', 'x"y']);
});

test('CSV parser: a quote that never closes loses only its own line, not the rest of the file', () => {
  const { records, problems } = readCsvRecords('a,b\n1,"never closed\n2,fine\n3,"also fine"\n');
  assert.deepEqual(problems, [{ line: 2, message: 'a quoted field is not closed properly' }]);
  assert.deepEqual(
    records.map((r) => r.fields),
    [
      ['a', 'b'],
      ['2', 'fine'],
      ['3', 'also fine'],
    ],
  );
});

test('CSV archive: one article per record; broken quote and short row warned with their lines', () => {
  const { articles, warnings } = readCsv('archive.csv', fixture('archive.csv'));
  assert.deepEqual(
    articles.map((a) => [a.id, a.line]),
    [
      ['archive.csv:1', 2],
      ['archive.csv:2', 4],
      ['archive.csv:5', 7],
    ],
  );
  assert.equal(articles[0].title, 'Gempa M5,2 guncang Sulawesi');
  assert.equal(
    articles[0].text,
    'Gempa bermagnitudo 5,2 mengguncang Sulawesi Tengah pada Senin dini hari.\nBMKG menyatakan gempa tidak berpotensi tsunami.',
  );
  assert.equal(articles[1].title, 'The "green" budget');
  assert.equal(articles[1].source, 'Capital Daily');
  assert.deepEqual(
    warnings.map((w) => w.line),
    [5, 6],
  );
  assert.match(warnings[0].message, /broken/);
  assert.match(warnings[1].message, /3 fields where the header has 6/);
});

test('CSV archive without a text column says how to map one', () => {
  const { articles, warnings } = readCsv('x.csv', 'name,story\na,b\n');
  assert.equal(articles.length, 0);
  assert.match(
    warnings[0].message,
    /no column holds the article text \(columns: name, story\); map one with --field text=NAME/,
  );
  assert.equal(
    readCsv('x.csv', 'name,story\na,Some story.\n', { fields: { text: 'story' } }).articles[0].text,
    'Some story.',
  );
});

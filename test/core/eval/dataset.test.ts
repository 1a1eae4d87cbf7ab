import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../../../src/core/errors.js';
import {
  detectFormat,
  loadQuestions,
  parseQuestions,
  problemWarnings,
  requireQuestions,
  splitCsv,
} from '../../../src/core/eval/dataset.js';

const jsonl = (...lines: unknown[]) =>
  lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');

describe('detectFormat', () => {
  it('looks at the first non-empty line', () => {
    assert.equal(detectFormat('\n\n  {"question": "x"}'), 'jsonl');
    assert.equal(detectFormat('\uFEFF{"question": "x"}'), 'jsonl');
    assert.equal(detectFormat('\nid,question\n'), 'csv');
  });
});

describe('parseQuestions: JSON Lines', () => {
  it('reads fields, defaults the id to the line number and turns other string fields into groups', () => {
    const { questions, problems } = parseQuestions(
      jsonl(
        {
          id: 'iran-1',
          question: ' Who met? ',
          answers: ['Amir-Abdollahian'],
          sources: ['./a.txt', 'b\\c.txt'],
          lang: 'en',
          type: 'single',
          difficulty: 2,
        },
        '',
        {
          question: 'Is this answered?',
          unanswerable: true,
          filters: { since: '2020-09', until: '2021-01-31', lang: 'id', source: 'IRNA' },
        },
      ),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(questions, [
      {
        id: 'iran-1',
        question: 'Who met?',
        answers: ['Amir-Abdollahian'],
        sources: ['a.txt', 'b/c.txt'],
        unanswerable: false,
        groups: { lang: 'en', type: 'single' },
      },
      {
        id: 'q3',
        question: 'Is this answered?',
        answers: [],
        sources: [],
        unanswerable: true,
        filters: { since: '2020-09', until: '2021-01-31', lang: 'id', source: 'IRNA' },
        groups: {},
      },
    ]);
  });

  it('reports each malformed line with its line number and skips it', () => {
    const { questions, problems } = parseQuestions(
      jsonl(
        { id: 'ok', question: 'fine' },
        '{"question": "broken"',
        '["not", "an", "object"]',
        { answers: ['x'] },
        { question: '   ' },
        { question: 'x', answers: 'solo' },
        { question: 'x', answers: [1] },
        { question: 'x', sources: { a: 1 } },
        { id: 'ok', question: 'again' },
        { question: 'x', filters: { since: '2020-13' } },
        { question: 'x', filters: { lang: 'fr' } },
        { question: 'x', filters: { author: 'me' } },
        { question: 'x', unanswerable: 'maybe' },
        { question: 'x', filters: { since: '2021-02', until: '2021-01-31' } },
        { question: 'x', unanswerable: true, answers: ['y'] },
        { question: 'x', answers: ['—'] },
        { question: 42 },
        { id: true, question: 'x' },
      ),
    );
    assert.deepEqual(
      questions.map((q) => [q.id, q.answers]),
      [
        ['ok', []],
        ['q6', ['solo']],
      ],
    );
    const expected: [number, RegExp][] = [
      [2, /not valid JSON/],
      [3, /expected a JSON object, found a list/],
      [4, /"question" field is missing/],
      [5, /"question" field is empty/],
      [7, /"answers" must be a list of strings, but holds a number/],
      [8, /"sources" must be a list of strings, found an object/],
      [9, /duplicate id "ok" \(first used on line 1\)/],
      [10, /filter "since" "2020-13" is not a date/],
      [11, /filter "lang" "fr" is not a language/],
      [12, /unknown filter "author"/],
      [13, /"unanswerable" must be true\/false\/1\/0\/yes\/no, found "maybe"/],
      [14, /filter "since" "2021-02" is after until 2021-01-31/],
      [15, /marked unanswerable but lists answers/],
      [16, /has no letters or digits/],
      [17, /"question" must be a string, found a number/],
      [18, /"id" must be a string, found a boolean/],
    ];
    assert.equal(problems.length, expected.length, JSON.stringify(problems, null, 1));
    expected.forEach(([line, pattern], i) => {
      assert.equal(problems[i].line, line);
      assert.match(problems[i].message, pattern);
    });
  });

  it('accepts a BOM, CRLF line endings and blank lines, keeping physical line numbers', () => {
    const text = '\uFEFF{"question": "one"}\r\n\r\n   \r\n{"question": "two", "lang": "id"}\r\n';
    const { questions, problems } = parseQuestions(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      questions.map((q) => [q.id, q.question, q.groups]),
      [
        ['q1', 'one', {}],
        ['q4', 'two', { lang: 'id' }],
      ],
    );
  });

  it('reports a default id that collides with a given one', () => {
    const { problems } = parseQuestions(jsonl({ id: 'q2', question: 'a' }, { question: 'b' }));
    assert.deepEqual(problems, [{ line: 2, message: 'duplicate id "q2" (first used on line 1).' }]);
  });
});

describe('parseQuestions: CSV', () => {
  it('splits RFC 4180 records with quoted commas, quotes and newlines', () => {
    const { records, problems } = splitCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\nplain,,last\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['plain', '', 'last'] },
    ]);
  });

  it('reads lists, booleans, groups and filters columns', () => {
    const text = [
      'id,question,answers,sources,unanswerable,lang,type,filters.since,filters.lang',
      'c1,"Who said ""no"", and when?",Raisi|  Rouhani ,a.txt|b.txt,no,en,cross,2020-09,',
      ',"Multi',
      'line?",,,YES,id,,,id',
      'c3,Third,,,0,,,,',
    ].join('\r\n');
    const { questions, problems } = parseQuestions(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(questions, [
      {
        id: 'c1',
        question: 'Who said "no", and when?',
        answers: ['Raisi', 'Rouhani'],
        sources: ['a.txt', 'b.txt'],
        unanswerable: false,
        filters: { since: '2020-09' },
        groups: { lang: 'en', type: 'cross' },
      },
      {
        id: 'q3',
        question: 'Multi\nline?',
        answers: [],
        sources: [],
        unanswerable: true,
        filters: { lang: 'id' },
        groups: { lang: 'id' },
      },
      { id: 'c3', question: 'Third', answers: [], sources: [], unanswerable: false, groups: {} },
    ]);
  });

  it('reports malformed rows with their line numbers', () => {
    const text = [
      'id,question,unanswerable,filters.until',
      'a,ok,no,',
      'b,too,many,fields,here',
      'c,,no,',
      'd,x,perhaps,',
      'a,dup,no,',
      'e,x,no,2020-1',
      'f,"never closed,no,',
      'g,after,no,',
    ].join('\n');
    const { questions, problems } = parseQuestions(text);
    assert.deepEqual(
      questions.map((q) => q.id),
      ['a'],
    );
    assert.deepEqual(
      problems.map((p) => p.line),
      [3, 4, 5, 6, 7, 8],
    );
    assert.match(problems[0].message, /has 5 fields but the header has 4/);
    assert.match(problems[1].message, /"question" field is empty/);
    assert.match(problems[2].message, /"unanswerable" must be/);
    assert.match(problems[3].message, /duplicate id "a" \(first used on line 2\)/);
    assert.match(problems[4].message, /filter "until" "2020-1" is not a date/);
    assert.match(problems[5].message, /quoted field is never closed/);
  });

  it('reports a header without a question column', () => {
    const { questions, problems } = parseQuestions('\nid,text\n1,hello\n');
    assert.deepEqual(questions, []);
    assert.deepEqual(problems, [{ line: 2, message: 'the header has no "question" column.' }]);
  });

  it('reads a header-only file as no questions', () => {
    assert.deepEqual(parseQuestions('question\n\n'), { questions: [], problems: [] });
  });
});

describe('loading a question file', () => {
  it('turns problems into warnings naming file and line', () => {
    const { questions, warnings } = loadQuestions('{"question": "a"}\nnope\n', 'qs.jsonl');
    assert.equal(questions.length, 1);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^qs\.jsonl:2: /);
    assert.deepEqual(problemWarnings('f.csv', [{ line: 9, message: 'bad.' }]), ['f.csv:9: bad.']);
  });

  it('throws BAD_QUESTION_FILE naming the file and the first problem when no question is valid', () => {
    assert.throws(
      () => loadQuestions('\n{"answers": []}\n{"question": ""}\n', 'bad.jsonl'),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.equal(error.code, 'BAD_QUESTION_FILE');
        assert.match(error.message, /bad\.jsonl/);
        assert.match(error.message, /line 2: the "question" field is missing/);
        assert.ok(error.hint && error.hint.length > 0);
        return true;
      },
    );
  });

  it('throws BAD_QUESTION_FILE for an empty file', () => {
    assert.throws(
      () => requireQuestions(parseQuestions(' \n\n'), 'empty.csv'),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.equal(error.code, 'BAD_QUESTION_FILE');
        assert.match(error.message, /empty\.csv has no questions/);
        return true;
      },
    );
  });
});

describe('parseQuestions: conversations', () => {
  it('reads a line of turns as questions in order, each knowing its conversation and turn', () => {
    const line = JSON.stringify({
      id: 'c-1',
      lang: 'en',
      turns: [
        { question: 'Who met Shoygu?', answers: ['Hatami'] },
        { id: 'c-1b', question: 'When was that?', answers: ['23/8'] },
      ],
    });
    const { questions, problems } = parseQuestions(`${line}\n`);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      questions.map((q) => [q.id, q.question, q.conversation, q.groups]),
      [
        ['c-1.1', 'Who met Shoygu?', { id: 'c-1', turn: 1 }, { lang: 'en', turn: '1' }],
        ['c-1b', 'When was that?', { id: 'c-1', turn: 2 }, { lang: 'en', turn: '2' }],
      ],
    );
  });

  it('reports a conversation with a bad turn as one malformed line', () => {
    const { questions, problems } = parseQuestions(
      [
        JSON.stringify({ id: 'c-1', turns: [{ question: 'Who met Shoygu?' }, { answers: ['x'] }] }),
        JSON.stringify({ id: 'c-2', turns: [] }),
        JSON.stringify({ id: 'c-3', turns: 'When?' }),
      ].join('\n'),
    );
    assert.equal(questions.length, 0);
    assert.deepEqual(
      problems.map((p) => p.line),
      [1, 2, 3],
    );
    assert.match(problems[0].message, /"question" field is missing/);
  });
});

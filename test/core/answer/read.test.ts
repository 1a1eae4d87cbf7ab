import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleAnswers } from '../../../src/core/answer/extractive.js';
import { readSentences } from '../../../src/core/answer/read.js';
import type { PassageRecord } from '../../../src/core/index/port.js';
import { questionWords } from '../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { createAnalyzer } from '../../../src/core/text/analyze.js';
import { antonymsOf } from '../../../src/core/text/antonyms.js';
import { antonymPairs } from '../../../scripts/lexicon/antonyms.js';
import { DEFAULT_EXTRACTIVE } from '../../../src/core/settings.js';

const analyzer = createAnalyzer();
const flat = { documentCount: 100, documentFrequency: () => 1 };

/** The rule's best reading of a one-sentence Indonesian passage for a question. */
function best(question: string, sentence: string) {
  const passage = {
    id: 'a.txt#0',
    file: 'a.txt',
    start: 0,
    end: sentence.length,
    text: sentence,
    sentences: [{ start: 0, end: sentence.length, text: sentence }],
  };
  const record = {
    passage,
    article: { file: 'a.txt', title: '', date: null, source: null, lang: 'id' },
  } as unknown as PassageRecord;
  const query = analyseQuery(question, analyzer);
  const hit = { passage: record.passage, article: record.article, score: 1, why: {}, related: [] };
  const words = questionWords(query, analyzer, flat);
  return readSentences(
    { words, kind: 'when', lang: 'id' },
    [hit],
    new Map([[passage.id, record]]),
    analyzer,
    DEFAULT_EXTRACTIVE,
  )[0];
}

test("antonym pairs come from the thesaurus's [ant] lines, stemmed, each once, one-word entries only", () => {
  const thesaurus = [
    'menang|1',
    '[v]|jaya|unggul',
    '[ant]|kalah|tumbang',
    'kalah|1',
    '[ant]|menang',
    'tanah air|1',
    '[ant]|rantau',
  ].join('\n');
  assert.deepEqual(
    antonymPairs(thesaurus, (w) => w),
    ['kalah menang', 'menang tumbang'],
  );
  assert.ok(antonymsOf(analyzer.stem('menang', 'id')).includes(analyzer.stem('kalah', 'id')));
});

test('the rule abstains on a sentence that says the opposite of the question, and answers the one that does not', () => {
  const opposite = best('Kapan partai itu kalah dalam pemilu?', 'Partai itu menang dalam pemilu tahun 1955.');
  assert.equal(opposite.contradicted, true);
  assert.equal(ruleAnswers(opposite, DEFAULT_EXTRACTIVE), false);
  const same = best('Kapan partai itu menang dalam pemilu?', 'Partai itu menang dalam pemilu tahun 1955.');
  assert.equal(same.contradicted, false);
  assert.equal(ruleAnswers(same, DEFAULT_EXTRACTIVE), true);
  const both = best(
    'Kapan partai itu kalah dalam pemilu?',
    'Partai itu menang pada 1955 dan kalah dalam pemilu tahun 1971.',
  );
  assert.equal(both.contradicted, false, 'the word asked for is there too');
});

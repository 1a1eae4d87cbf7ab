import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namesHolder, officesAsked } from '../../../src/core/question/office.js';
import { questionWords, stemmedTokens } from '../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { createAnalyzer } from '../../../src/core/text/analyze.js';

const analyzer = createAnalyzer();
const flat = { documentCount: 100, documentFrequency: () => 1 };
const asking = (question: string) => {
  const words = questionWords(analyseQuery(question, analyzer), analyzer, flat);
  return { offices: officesAsked(words), asked: new Set(words.map((w) => w.word)) };
};

test('a who-question about an office asks for its holder; other who-questions do not', () => {
  assert.deepEqual(
    asking('Who is the president of Russia?').offices.map((w) => w.word),
    ['president'],
  );
  assert.deepEqual(
    asking('Siapa Wali Kota Bekasi?').offices.map((w) => w.word),
    ['wali'],
  );
  assert.deepEqual(asking('Who did Sergey Lavrov meet in China?').offices, []);
});

test("a sentence names an office holder only when it holds the office and a name that is neither the question's nor a dictionary word", () => {
  const { offices, asked } = asking('Who is the president of Russia?');
  const holds = (sentence: string, lang: 'en' | 'id' = 'en') =>
    namesHolder(offices, stemmedTokens(sentence, lang, analyzer), asked, analyzer);
  assert.equal(holds('Russian President Vladimir Putin spoke on Monday.'), true);
  assert.equal(holds('Presiden Rusia Vladimir Putin berbicara pada hari Senin.', 'id'), true, 'across languages');
  assert.equal(
    holds('Iranian and Russian presidents held talks in Moscow.'),
    false,
    'demonyms and places are dictionary words',
  );
  assert.equal(holds('Vladimir Putin spoke on Monday.'), false, 'no office');
  assert.equal(holds('Putin met the president on Monday.'), false, 'a capital that starts the sentence says nothing');
});

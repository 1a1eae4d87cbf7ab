import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../../src/core/config/config.js';
import { openEngine, type Engine } from '../../../../src/core/engine.js';
import { collectAnswer } from '../../../../src/core/answer/collect.js';
import { renderShort } from '../../../../src/core/answer/reader/render.js';
import { shortAnswer, shortFits } from '../../../../src/core/answer/reader/short.js';
import { readQuestion } from '../../../../src/core/answer/reader/question.js';
import { shippedWeights } from '../../../../src/core/answer/reader/weights.js';
import { questionWords } from '../../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../../src/core/question/query.js';
import type { SpanCandidate } from '../../../../src/core/answer/reader/spans.js';
import { createHashingEmbedder } from '../../../../src/providers/embeddings/hashing.js';
import { tempCorpus } from '../../../helpers.js';

let engine: Engine;
const tmp = tempCorpus();

test.before(async () => {
  engine = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
  });
});
test.after(tmp.cleanup);

const ask = (question: string) => collectAnswer(engine.ask(question));

test('a how-many question gets the count as its short answer, quoted in its sentence and cited at the exact file slice', async () => {
  const answer = await ask('Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?');
  assert.equal(answer.abstained, false);
  assert.equal(answer.short?.text, 'tiga kali');
  assert.match(answer.answer, /^tiga kali \[1\]/);
  const raw = (file: string) => fs.readFileSync(path.join(tmp.corpus, file), 'utf8');
  const { short, support } = answer;
  assert.ok(short && support);
  assert.equal(raw(short.file).slice(short.start, short.end), short.text);
  assert.equal(raw(support.file).slice(support.start, support.end), support.text);
  assert.ok(
    support.start <= short.start && short.end <= support.end,
    'the short answer lies inside its supporting sentence',
  );
  assert.deepEqual({ ...answer.citations[0], n: undefined }, { ...support, n: undefined });
});

test('a name written at several extents is one short answer, shown whole', async () => {
  const answer = await ask('Who did Sergey Lavrov meet in China?');
  assert.equal(answer.abstained, false);
  assert.equal(answer.short?.text, 'Hossein Amir Abdollahian');
  assert.match(
    answer.support?.text ?? '',
    /Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China/,
  );
  assert.ok(
    answer.confidence !== undefined && answer.confidence > 0 && answer.confidence < 1,
    'the confidence is the chance that the sentence holds the answer',
  );
});

test('a who-question takes the name after a role word, not a capitalised common phrase; a count keeps what is counted', () => {
  const short = (question: string, sentence: string) => {
    const query = analyseQuery(question, engine.analyzer);
    const asked = readQuestion(
      question,
      query,
      questionWords(query, engine.analyzer, { documentCount: 100, documentFrequency: () => 1 }),
    );
    return shortAnswer(
      asked,
      { start: 10, end: 10 + sentence.length, text: sentence },
      'en',
      engine.analyzer,
      shippedWeights(),
    ).span?.text;
  };
  const pair =
    'Coach Park Hang-seo praised the midfield, which kept the ball under heavy pressure. The draw keeps Vietnam second in Group A with four points.';
  assert.equal(short('Who is the coach of Vietnam?', pair), 'Park Hang-seo');
  assert.equal(
    short('How many chartered buses were sent?', 'The federation sent 12 chartered buses to carry supporters home.'),
    '12 chartered buses',
  );
});

test('a why/how question takes no short answer, whatever its best span', () => {
  const span = {
    candidate: { start: 0, end: 5, text: 'sebab', from: 0, to: 1, shape: {} as SpanCandidate['shape'] },
    features: [],
    p: 0.9,
    expectedF1: 0.9,
  };
  assert.equal(shortFits({ type: 'reason' }, span, 0), false);
  assert.equal(shortFits({ type: 'person' }, span, 0.5), true);
  assert.equal(shortFits({ type: 'person' }, span, 0.95), false);
});

test("a count or date in an Indonesian article is shown in an English question's language too", () => {
  assert.equal(renderShort('tiga kali', 'id', 'en'), 'three times (tiga kali)');
  assert.equal(renderShort('Rabu', 'id', 'en'), 'Wednesday (Rabu)');
  assert.equal(renderShort('Hossein Amir Abdollahian', 'id', 'en'), 'Hossein Amir Abdollahian');
  assert.equal(renderShort('tiga kali', 'id', 'id'), 'tiga kali');
});

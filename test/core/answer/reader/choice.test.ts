import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSentences, type SentenceCandidate } from '../../../../src/core/answer/read.js';
import { CHOICE_FEATURES, choiceFeatures } from '../../../../src/core/answer/reader/choice.js';
import { logit, sigmoid, trainBinary } from '../../../../src/core/answer/reader/logistic.js';
import { readQuestion } from '../../../../src/core/answer/reader/question.js';
import { chooseSpan, type ScoredSpan } from '../../../../src/core/answer/reader/short.js';
import { spanCandidates, wordsOf, wholeName } from '../../../../src/core/answer/reader/spans.js';
import { questionWords } from '../../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../../src/core/question/query.js';
import type { PassageRecord } from '../../../../src/core/index/port.js';
import type { Hit, Span } from '../../../../src/core/types.js';
import { createAnalyzer } from '../../../../src/core/text/analyze.js';
import { DEFAULT_EXTRACTIVE } from '../../../../src/core/settings.js';

const analyzer = createAnalyzer();
const flat = { documentCount: 100, documentFrequency: () => 1 };

/** One passage of an article, its sentences placed after a title line, offsets into that "file". */
function passageOf(title: string, sentences: string[]): PassageRecord {
  const start = title.length + 2;
  const text = sentences.join(' ');
  let at = start;
  const spans: Span[] = sentences.map((s) => {
    const span = { start: at, end: at + s.length, text: s };
    at += s.length + 1;
    return span;
  });
  const passage = { id: 'a.txt#0', file: 'a.txt', start, end: start + text.length, text, sentences: spans };
  return {
    passage,
    article: { file: 'a.txt', title, date: null, source: null, lang: 'en' } as PassageRecord['article'],
  };
}

const hitOf = (record: PassageRecord): Hit => ({
  passage: record.passage,
  article: record.article,
  score: 1,
  why: {},
  related: [],
});

function read(question: string, record: PassageRecord): SentenceCandidate[] {
  const query = analyseQuery(question, analyzer);
  const words = questionWords(query, analyzer, flat);
  return readSentences(
    { words, kind: 'who', lang: 'en' },
    [hitOf(record)],
    new Map([[record.passage.id, record]]),
    analyzer,
    DEFAULT_EXTRACTIVE,
  );
}

test('a sentence is read with its window: the title and the sentences before and after count as context, not as the sentence', () => {
  const record = passageOf('Russian spokeswoman briefs the press', [
    'She spoke on Thursday.',
    'US Secretary of State Mike Pompeo has stated that sanctions will follow, Zakharova maintained.',
    'Nothing else was said.',
  ]);
  const candidates = read('Which US Secretary of State did the Russian spokeswoman mention?', record);
  const pompeo = candidates.find((c) => c.sentence.text.startsWith('US Secretary'));
  assert.ok(pompeo);
  assert.ok(pompeo.windowShare > pompeo.share, 'the title holds "Russian spokeswoman"');
  assert.ok(pompeo.share > 0 && pompeo.share < 1);
  const pair = candidates.find((c) => c.sentence.text.includes('Thursday. US Secretary'));
  assert.ok(pair, 'adjacent sentences compete as a pair');
  assert.equal(
    record.passage.text.slice(pair.sentence.start - record.passage.start, pair.sentence.end - record.passage.start),
    pair.sentence.text,
  );
});

test('names and numbers of the question that the window lacks are counted as missing', () => {
  const record = passageOf('Budget news', ['The budget grew in 1995 under the new minister.']);
  const [best] = read('How much did the budget grow in 1990?', record);
  assert.ok(best.missingNames > 0, '1990 is asked, 1995 is written');
  assert.ok(best.missingMost > 0);
  const [same] = read('How much did the budget grow in 1995?', record);
  assert.equal(same.missingNames, 0);
});

const scored = (sentence: Span, texts: [string, number][]): ScoredSpan[] => {
  const all = spanCandidates(sentence);
  return texts.map(([text, p]) => ({ candidate: all.find((c) => c.text === text)!, features: [], p }));
};

test('the same answer at different extents pools its probability', () => {
  const text = 'Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China.';
  const sentence = { start: 10, end: 10 + text.length, text };
  const ranked = scored(sentence, [
    ['Amir Abdollahian', 0.14],
    ['Hossein Amir Abdollahian', 0.12],
    ['Iran Hossein Amir Abdollahian', 0.11],
    ['China', 0.1],
    ['Lavrov', 0.08],
  ]);
  const choice = chooseSpan(ranked);
  assert.equal(choice?.candidate.text, 'Amir Abdollahian');
  assert.ok(
    choice && choice.expectedF1 > 0.14 + 0.12 * 0.8 - 1e-9 && choice.expectedF1 < 0.14 + 0.12 + 0.11,
    'nested extents count in proportion to their overlap',
  );
  const words = wordsOf(sentence);
  const whole = wholeName(sentence, words, choice.candidate, () => false);
  assert.equal(whole.text, 'Hossein Amir Abdollahian', 'widened over the name, not over "dari Iran"');
  assert.equal(text.slice(whole.start - sentence.start, whole.end - sentence.start), whole.text);
});

test('a logistic regression learns a probability and is reproducible', () => {
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: 400 }, () => [next(), next()]);
  const labels = rows.map(([signal]) => (signal > 0.5 ? 1 : 0));
  const options = { l2: 1e-3, epochs: 300, learningRate: 0.1 };
  const model = trainBinary(['signal', 'noise'], rows, labels, options);
  assert.ok(sigmoid(logit(model, [0.9, 0.5])) > 0.8);
  assert.ok(sigmoid(logit(model, [0.1, 0.5])) < 0.2);
  assert.equal(JSON.stringify(trainBinary(['signal', 'noise'], rows, labels, options)), JSON.stringify(model));
});

test('choice features: one per name, negation and a new name of the asked type are seen', () => {
  const record = passageOf('Talks', ['Lavrov met Hossein Amir Abdollahian in China.']);
  const question = 'Who did Lavrov not meet in China?';
  const [best] = read(question, record);
  const query = analyseQuery(question, analyzer);
  const asked = readQuestion(question, query, questionWords(query, analyzer, flat));
  const features = choiceFeatures({ question: asked, best, position: 0, gap: 0, ruleAnswers: true, span: undefined });
  assert.equal(features.length, CHOICE_FEATURES.length);
  const value = (name: string) => features[CHOICE_FEATURES.indexOf(name)];
  assert.equal(value('question.negated'), 1);
  assert.equal(value('negation.differs'), 1);
  assert.equal(value('type.person'), 1);
  assert.equal(value('fitsNew.person'), 0, 'no span, no answer of the asked type');
});

test('what is counted is a kind word, not a repeat: one Indonesian word, an English phrase up to its verb', () => {
  const kinds = (question: string) => {
    const query = analyseQuery(question, analyzer);
    return [...readQuestion(question, query, questionWords(query, analyzer, flat)).kinds].sort();
  };
  assert.ok(['rubber', 'boats'].every((w) => kinds('How many rubber boats were deployed?').includes(w)));
  assert.ok(!kinds('How many rubber boats were deployed?').includes('deployed'));
  assert.ok(kinds('Berapa kali menteri luar negeri bertemu?').includes('kali'));
  assert.ok(!kinds('Berapa kali menteri luar negeri bertemu?').includes('menteri'));
});

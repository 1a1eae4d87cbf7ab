import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readQuestion } from '../../../../src/core/answer/reader/question.js';
import { readSentence, spanFeatures, SPAN_FEATURES } from '../../../../src/core/answer/reader/span-features.js';
import { spanCandidates, withCounted, wordsOf } from '../../../../src/core/answer/reader/spans.js';
import { questionWords } from '../../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../../src/core/question/query.js';
import { createAnalyzer } from '../../../../src/core/text/analyze.js';
import type { Span } from '../../../../src/core/types.js';

const analyzer = createAnalyzer();
const flat = { documentCount: 100, documentFrequency: () => 1 };
const sentenceOf = (text: string): Span => ({ start: 40, end: 40 + text.length, text });

/** The features of each candidate span of a sentence, read against a question, by the span's text. */
function featuresOf(question: string, text: string, lang: 'en' | 'id' = 'en') {
  const query = analyseQuery(question, analyzer);
  const asked = readQuestion(question, query, questionWords(query, analyzer, flat));
  const sentence = sentenceOf(text);
  const read = readSentence(asked, sentence, lang, analyzer);
  const byText = new Map(spanCandidates(sentence, read.words).map((c) => [c.text, spanFeatures(asked, read, c)]));
  return (span: string, feature: string) => {
    const features = byText.get(span);
    assert.ok(features, `"${span}" is a candidate`);
    return features[SPAN_FEATURES.indexOf(feature)];
  };
}

test('a role word before a name titles it', () => {
  const coach = spanCandidates(sentenceOf('Coach Shin Tae-yong praised the defence.')).find(
    (c) => c.text === 'Shin Tae-yong',
  );
  assert.ok(coach?.shape.titled);
  const manajer = spanCandidates(sentenceOf('Kemudian Manajer Budi Santoso datang.')).find(
    (c) => c.text === 'Budi Santoso',
  );
  assert.ok(manajer?.shape.titled);
});

test('a person question sees which spans are common words: a name is not, a demonym or "Group B" is', () => {
  const value = featuresOf(
    'Who is the coach of Indonesia?',
    'Coach Shin Tae-yong praised the defence. The win puts Indonesia top of Group B, with Iranian and Russian fans.',
  );
  assert.equal(value('Shin Tae-yong', 'person*common'), 0);
  assert.equal(value('Group B', 'person*common'), 1);
  assert.equal(value('Iranian and Russian', 'person*common'), 1);
  assert.equal(value('Group B', 'person*commonCapital'), 1);
  assert.equal(value('Iranian and Russian', 'person*commonCapital'), 2 / 3, '"and" is common but not capitalised');
  assert.equal(value('praised the defence', 'person*commonCapital'), 0);
  assert.equal(value('Group B', 'date*common'), 0, "only the asked type's block is set");
});

test('a count that stops short of what is counted is seen as cut', () => {
  const value = featuresOf(
    'How many rubber boats were deployed?',
    'The agency deployed 30 rubber boats to evacuate residents.',
  );
  assert.equal(value('30 rubber', 'kind.cut'), 1);
  assert.equal(value('30', 'kind.cut'), 1);
  assert.equal(value('30 rubber boats', 'kind.cut'), 0);
  const kali = featuresOf('Berapa kali mereka bertemu?', 'Mereka bertemu tiga kali di Moskow.', 'id');
  assert.equal(kali('tiga', 'kind.cut'), 1);
  assert.equal(kali('tiga kali', 'kind.cut'), 0);
});

test('a word before a number and a number without its unit are shapes', () => {
  const spans = spanCandidates(sentenceOf('Nilainya Rp 3,7 miliar pada tahun 1982, dari 253 suku.'));
  const shape = (text: string) => spans.find((c) => c.text === text)?.shape;
  assert.equal(shape('Rp 3,7 miliar')?.leadWord, true);
  assert.equal(shape('tahun 1982')?.leadWord, true);
  assert.equal(shape('1982')?.leadWord, false);
  assert.equal(shape('253')?.bareNumber, true);
  assert.equal(shape('253 suku')?.bareNumber, false);
  assert.equal(shape('1982')?.bareNumber, false, 'a comma stands after it');
});

test('a count is shown with what is counted after it', () => {
  const sentence = sentenceOf('The agency deployed 30 rubber boats to evacuate residents.');
  const words = wordsOf(sentence);
  const spans = spanCandidates(sentence, words);
  const counted = (w: { lower: string }) => ['rubber', 'boats'].includes(w.lower);
  const widened = (text: string) =>
    withCounted(
      sentence,
      words,
      spans.find((c) => c.text === text)!,
      counted,
    );
  assert.equal(widened('30 rubber').text, '30 rubber boats');
  assert.equal(widened('30').text, '30 rubber boats');
  assert.equal(widened('30 rubber boats').text, '30 rubber boats');
  assert.equal(widened('agency').text, 'agency', 'only a count or a part of what is counted widens');
  const w = widened('30 rubber');
  assert.equal(w.start, spans.find((c) => c.text === '30')!.start);
  assert.equal(
    sentence.text.slice(w.start - sentence.start, w.end - sentence.start),
    w.text,
    'the widened span is an exact slice',
  );
});

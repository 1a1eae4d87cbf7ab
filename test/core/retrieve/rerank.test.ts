import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverage, questionWords } from '../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { closeCoverage, passageStemmer, rerankByCoverage } from '../../../src/core/retrieve/rerank.js';
import { withTranslations } from '../../../src/core/retrieve/translated-words.js';
import { createAnalyzer, wordsOf } from '../../../src/core/text/analyze.js';
import { hasAnswerShape, questionKind } from '../../../src/core/question/kind.js';
import { seedsEngine } from '../../helpers.js';
import type { Hit } from '../../../src/core/types.js';

const analyzer = createAnalyzer();
const stats = { documentCount: 1000, documentFrequency: (term: string) => term.length * 7 };

const hitOf = (sentences: string[]): Hit => {
  let at = 0;
  const spans = sentences.map((text) => {
    const span = { start: at, end: at + text.length, text };
    at += text.length + 1;
    return span;
  });
  return {
    passage: { id: 'p#0', file: 'p', start: 0, end: at, text: sentences.join(' '), sentences: spans },
    article: { file: 'p', title: 'p', date: null, source: null, lang: 'id' },
    score: 0,
    why: {},
    related: [],
  } as unknown as Hit;
};

test('close coverage is the best coverage of two adjacent sentences read together, exactly', () => {
  const passages = [
    ['Menlu Sergei Lavrov tiba di Moskow.', 'Dia bertemu Abdollahian pada Senin.', 'Cuaca cerah.'],
    ['Cuaca cerah.', 'Harga cabai naik.'],
    ['Lavrov bertemu Abdollahian di Moskow pada hari Senin.'],
    [],
  ];
  const words = questionWords(analyseQuery('Kapan Lavrov bertemu Abdollahian di Moskow?', analyzer), analyzer, stats);
  for (const sentences of passages) {
    const pairs = sentences.map((s, i) => (i + 1 < sentences.length ? `${s} ${sentences[i + 1]}` : s));
    const expected = Math.max(0, ...pairs.map((text) => coverage(words, text, 'id', analyzer).share));
    assert.equal(closeCoverage(hitOf(sentences), words, analyzer.stem), expected, sentences.join(' | '));
  }
});

test('with the words the store recorded, close coverage is what stemming every word gives', async (t) => {
  const engine = await seedsEngine(t);
  for (const question of [
    'Kapan Lavrov bertemu Abdollahian di Moskow?',
    'What did Zakharova say about sanctions?',
    'Siapa yang mengatakan kerja sama perlu dipromosikan?',
  ]) {
    const query = analyseQuery(question, engine.analyzer);
    const words = questionWords(
      query,
      engine.analyzer,
      await engine.store.termStats(query.words.map((w) => engine.analyzer.stem(w.word, query.lang))),
    );
    const { hits } = await engine.search(question, { k: 30 });
    const stem = await passageStemmer(
      engine.store,
      engine.analyzer,
      words,
      hits.map((h) => h.article.lang),
    );
    assert.notEqual(stem, engine.analyzer.stem, 'the local store records its words');
    const shares = hits.map((h) => closeCoverage(h, words, stem));
    assert.ok(shares.some((s) => s > 0));
    assert.deepEqual(
      shares,
      hits.map((h) => closeCoverage(h, words, createAnalyzer().stem)),
      question,
    );
  }
});

test('a pair of sentences without the kind of fact asked for counts its shapeless share of coverage', () => {
  const question = 'Berapa penumpang pesawat GA 181 yang mendarat darurat di Pekanbaru?';
  const words = questionWords(analyseQuery(question, analyzer), analyzer, stats);
  const asked = new Set(wordsOf(question));
  const shape = { holds: (text: string) => hasAnswerShape(questionKind(question), text, asked), shapeless: 0.5 };
  const restates = hitOf(['Pesawat GA 181 mendarat darurat di Pekanbaru.', 'Penumpang selamat.']);
  const answers = hitOf(['Pesawat GA 181 membawa 84 penumpang mendarat darurat di Pekanbaru.']);
  assert.equal(
    closeCoverage(restates, words, analyzer.stem, shape),
    0.5 * closeCoverage(restates, words, analyzer.stem),
  );
  assert.equal(closeCoverage(answers, words, analyzer.stem, shape), closeCoverage(answers, words, analyzer.stem));
  assert.ok(closeCoverage(answers, words, analyzer.stem, shape) > closeCoverage(restates, words, analyzer.stem, shape));
});

test('an English question is read in an Indonesian passage through its learnt translations, an Indonesian passage of an Indonesian question without them', () => {
  const query = analyseQuery('Who leads the eastern fleet?', analyzer);
  const words = questionWords(query, analyzer, stats);
  const across = withTranslations(words, query, analyzer);
  const passage = hitOf(['Armada kawasan timur dipimpin Laksamana Budi.']);
  assert.ok(closeCoverage(passage, across, analyzer.stem) > closeCoverage(passage, words, analyzer.stem));
  const english = { ...passage, article: { ...passage.article, lang: 'en' as const } };
  const options = { weight: 1, depth: 10 };
  const [read] = rerankByCoverage([passage], words, analyzer.stem, options, undefined, { lang: 'en', words: across });
  assert.equal(read.score, closeCoverage(passage, across, analyzer.stem));
  const [same] = rerankByCoverage([english], words, analyzer.stem, options, undefined, { lang: 'en', words: across });
  assert.equal(same.score, closeCoverage(english, words, analyzer.stem));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverage, questionWords } from '../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { ANSWER_TYPE_WEIGHT, frameWeights } from '../../../src/core/question/frame.js';
import { closeCoverage, rerankByCoverage } from '../../../src/core/retrieve/rerank.js';
import { HybridRetriever } from '../../../src/core/retrieve/retriever.js';
import { createAnalyzer, tokenize } from '../../../src/core/text/analyze.js';
import { createLexicon } from '../../../src/core/text/lexicon.js';
import type { Hit } from '../../../src/core/types.js';

const analyzer = createAnalyzer();
const weightsOf = (question: string) => {
  const tokens = tokenize(question);
  const weights = frameWeights(tokens);
  return Object.fromEntries(tokens.map((t, i) => [t.word, weights[i]]));
};
/** Every word equally rare, so coverage shares are plain word counts. */
const flat = { documentCount: 100, documentFrequency: () => 1 };

test('question words weigh nothing, the kind of answer asked for little, names and content fully', () => {
  assert.deepEqual(weightsOf('Di provinsi manakah Danau Tamblingan berada?'), {
    di: 1,
    provinsi: ANSWER_TYPE_WEIGHT,
    manakah: 0,
    danau: 1,
    tamblingan: 1,
    berada: 1,
  });
  assert.deepEqual(weightsOf('Apakah nama latin dari penyu hijau'), {
    apakah: 0,
    nama: 0,
    latin: ANSWER_TYPE_WEIGHT,
    dari: 1,
    penyu: 1,
    hijau: 1,
  });
  assert.equal(weightsOf('Which country did Lavrov visit?').country, ANSWER_TYPE_WEIGHT);
  assert.equal(
    weightsOf('Siapa Presiden Turki?').presiden,
    1,
    'a capitalised title is content, not the kind of answer',
  );
  assert.equal(weightsOf('Berapa penumpang yang selamat?').penumpang, 1, 'what is counted stays content');
  assert.equal(
    weightsOf('Apakah kepanjangan dari BPS?').kepanjangan,
    ANSWER_TYPE_WEIGHT,
    'the attribute asked for: the answer stands in its place',
  );
  assert.equal(weightsOf('What is the capital of Iran?').capital, ANSWER_TYPE_WEIGHT);
  assert.equal(weightsOf('Apa yang dibahas Lavrov?').dibahas, 1, 'after "apa yang" comes what is said about it');
  assert.equal(weightsOf('What did Lavrov discuss?').discuss, 1);
});

test('a word that only relates two things weighs nothing and is not searched', () => {
  assert.deepEqual(weightsOf('Berapa skor Indonesia melawan Vietnam?'), {
    berapa: 0,
    skor: 1,
    indonesia: 1,
    melawan: 0,
    vietnam: 1,
  });
  assert.equal(weightsOf('Who scored against Vietnam?').against, 0);
  assert.deepEqual(
    analyseQuery('Who scored against Vietnam?', analyzer).words.map((w) => w.word),
    ['scored', 'vietnam'],
  );
});

test('a query keeps neither question words nor a name-frame, and searches the answer type with a lower weight', () => {
  const query = analyseQuery('Di negara manakah kota Karlsruhe berada?', analyzer);
  assert.deepEqual(
    query.words.map((w) => w.word),
    ['negara', 'kota', 'karlsruhe'],
  );
  const term = (word: string) => query.terms.find((t) => t.term === analyzer.stem(word, 'id'));
  assert.equal(term('negara')?.weight, ANSWER_TYPE_WEIGHT);
  assert.equal(term('karlsruhe')?.weight, 1);
});

test('an acronym written in capitals is searched even when it spells a stopword, a headline or agency code is not', () => {
  assert.deepEqual(
    tokenize('US Secretary of State').map((t) => t.acronym),
    [true, false, false, false],
  );
  assert.deepEqual(
    tokenize('THE US SAID (IT/TGM) us').map((t) => t.acronym),
    [false, false, false, false, false, false],
  );
  assert.deepEqual(analyzer.terms('The US and us', 'en'), ['us']);
  assert.deepEqual(
    analyseQuery('Which US Secretary of State did she mention?', analyzer).words.map((w) => w.word),
    ['us', 'secretary', 'state', 'mention'],
  );
});

test('an acronym is found across languages only where it is written in capitals: "US" is "AS", never "as"', () => {
  const [us] = questionWords(analyseQuery('Which US department?', analyzer), analyzer, flat);
  assert.equal(us.word, 'us');
  assert.equal(coverage([us], 'Departemen Keuangan AS mengumumkan sanksi.', 'id', analyzer).share, 1);
  assert.equal(coverage([us], 'They met as planned.', 'en', analyzer).share, 0);
  assert.equal(coverage([us], 'The US Treasury said.', 'en', analyzer).share, 1);
});

test('coverage is the weighted share of the question found, with its evidence in nats', () => {
  const words = questionWords(analyseQuery('Kapan Lavrov bertemu Abdollahian di Moskow?', analyzer), analyzer, flat);
  const weight = Math.log(1 + 100 / 2);
  const full = coverage(words, 'Lavrov bertemu Abdollahian di Moskow pada hari Senin.', 'id', analyzer);
  assert.equal(full.share, 1);
  assert.ok(Math.abs(full.evidence - 4 * weight) < 1e-9);
  const half = coverage(words, 'Menlu Abdollahian tiba di Moskow.', 'id', analyzer);
  assert.equal(half.share, 0.5);
  assert.equal(
    coverage(words, 'Lavrov held talks with Abdollahian in Moscow.', 'en', analyzer).share,
    1,
    'across languages through the lexicon',
  );
  assert.equal(
    coverage(words, 'Sergei Lavrov menyambut tamunya.', 'id', analyzer).share,
    0.25,
    'one letter apart is the same name',
  );
});

const hitOf = (id: string, score: number, sentences: string[]): Hit => {
  let at = 0;
  const spans = sentences.map((text) => {
    const span = { start: at, end: at + text.length, text };
    at += text.length + 1;
    return span;
  });
  return {
    passage: { id, file: `${id}.txt`, start: 0, end: at, text: sentences.join(' '), sentences: spans },
    article: { file: `${id}.txt`, title: id, date: null, source: null, lang: 'id' },
    score,
    why: {},
    related: [],
  } as unknown as Hit;
};

test('reranking lifts the passage that holds the question in two adjacent sentences', () => {
  const words = questionWords(analyseQuery('Berapa kali Lin Dan gagal memainkan netting?', analyzer), analyzer, flat);
  const scattered = hitOf('scattered', 1.2, ['Lin Dan kalah.', 'Cuaca cerah.', 'Netting sulit.', 'Gagal lagi.']);
  const close = hitOf('close', 1.0, ['Tampil buruk, Lin Dan 15 kali gagal memainkan netting.', 'Dia kalah 3-15.']);
  assert.ok(closeCoverage(close, words, analyzer.stem) > closeCoverage(scattered, words, analyzer.stem));
  assert.deepEqual(
    rerankByCoverage([scattered, close], words, analyzer.stem, { weight: 1, depth: 10 }).map((h) => h.passage.id),
    ['close', 'scattered'],
  );
  assert.deepEqual(
    rerankByCoverage([scattered, close], words, analyzer.stem, { weight: 0, depth: 10 }).map((h) => h.passage.id),
    ['scattered', 'close'],
  );
  assert.deepEqual(
    rerankByCoverage([scattered, close], words, analyzer.stem, { weight: 1, depth: 1 }).map((h) => h.passage.id),
    ['scattered', 'close'],
    'only the top depth is reranked',
  );
});

test('a word with an entry of its own does not stand for a phrase it is part of', () => {
  const lexicon = createLexicon(
    analyzer.stem,
    'big | besar\nambassador | duta besar dubes\nforeign | luar negeri asing\nminister | menteri\nforeign minister | menlu menteri luar negeri',
  );
  const english = (stem: string) =>
    lexicon.concepts(stem, 'id').map((c) => [...lexicon.stems(c, 'en')].sort().join(' '));
  assert.deepEqual(english('besar'), ['big'], '"besar" alone means big, not ambassador');
  assert.deepEqual(english('dubes'), ['ambassador']);
  assert.deepEqual(
    english('menteri'),
    [analyzer.stem('minister', 'en')],
    '"menteri" stands for minister, not for the phrase',
  );
  assert.deepEqual(
    english('menlu'),
    [[analyzer.stem('foreign', 'en'), analyzer.stem('minister', 'en')].sort().join(' ')],
    'a phrase made only of such words keeps them all',
  );
});

test('the same text in two files ranks the same whichever order a store returns them in', async () => {
  const text = ['Banjir merendam Kampung Melayu.', 'Air setinggi 1,5 meter.'];
  const twins = ['b', 'a'].map((id) => hitOf(id, 0, text));
  const rankedBy = async (order: Hit[]) => {
    const scored = order.map((h) => ({ id: h.passage.id, score: 0.5 }));
    const store = {
      dense: async () => scored,
      lexical: async () => scored,
      passages: async (ids: string[]) =>
        new Map(
          twins
            .filter((h) => ids.includes(h.passage.id))
            .map((h) => [h.passage.id, { passage: h.passage, article: h.article }]),
        ),
      termStats: async () => flat,
    };
    const embedder = {
      info: { provider: 'test', model: 'test', dimensions: 2, prefix: 'none' },
      embeddings: { embedQuery: async () => [1, 0] },
    };
    const hits = await new HybridRetriever(store as never, embedder as never, analyzer).retrieve(
      analyseQuery('Berapa tinggi banjir di Kampung Melayu?', analyzer),
      5,
    );
    return hits.map((h) => [h.passage.id, ...h.related.map((r) => r.id)]);
  };
  assert.deepEqual(await rankedBy(twins), [['a', 'b']]);
  assert.deepEqual(await rankedBy([...twins].reverse()), [['a', 'b']]);
});

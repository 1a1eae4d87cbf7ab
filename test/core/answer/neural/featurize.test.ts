import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createAnalyzer } from '../../../../src/core/text/analyze.js';
import {
  featurize,
  FEATURIZER,
  fnv1a,
  readQuestionTokens,
  tokenIds,
} from '../../../../src/core/answer/neural/featurize.js';
import { MODEL_DIR } from '../../../../src/core/answer/neural/model.js';

const fixture = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'fixture-featurizer.json'), 'utf8'));

test('the featurizer makes, id for id, the inputs training recorded in its fixture (change it, retrain: npm run train:reader)', () => {
  assert.deepEqual(fixture.featurizer, FEATURIZER);
  const analyzer = createAnalyzer();
  for (const pair of fixture.pairs) {
    const made = featurize(readQuestionTokens(pair.question, pair.qlang, analyzer), pair, analyzer);
    assert.deepEqual(made, pair.featurized, pair.question);
  }
});

test('hashing is FNV-1a over UTF-8, and word forms share pieces', () => {
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  const pieces = (word: string) =>
    new Set(
      tokenIds(word, word)
        .slice(2)
        .filter((id) => id > 0),
    );
  const shared = [...pieces('dikerahkan')].filter((id) => pieces('mengerahkan').has(id));
  assert.ok(shared.length >= 4, `${shared.length} shared pieces`);
});

test('a passage token is matched with the question through its stem and, across languages, through the lexicon', () => {
  const analyzer = createAnalyzer();
  const f = featurize(
    readQuestionTokens('How many rubber boats were deployed?', 'en', analyzer),
    { title: '', text: 'Petugas mengerahkan 30 perahu karet.', lang: 'id' },
    analyzer,
  );
  const feature = (position: number, name: string) =>
    f.passageFeatures[
      position * FEATURIZER.features +
        ['exact', 'stem', 'concept', 'capital', 'number', 'title', 'stopword'].indexOf(name)
    ];
  assert.equal(feature(3, 'concept'), 1, 'perahu ~ boats');
  assert.equal(feature(2, 'number'), 1);
  assert.deepEqual(f.tokens[2], { start: 20, end: 22 });
});

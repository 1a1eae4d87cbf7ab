import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseQuery } from '../../../src/core/question/query.js';
import { createAnalyzer } from '../../../src/core/text/analyze.js';
import { createLexicon } from '../../../src/core/text/lexicon.js';
import { createTranslator, translatorFor, type LearntTable } from '../../../src/core/text/translate.js';
import { QUERY_WEIGHTS, TRANSLATION } from '../../../src/core/settings.js';

const analyzer = createAnalyzer();
const NONE = { concepts: '', en: '', id: '' };
/** A lexicon of one hand-written concept, so that the learnt table's part is plain to see. */
const lexicon = createLexicon(analyzer.stem, 'minister | menteri', NONE);
const table: LearntTable = {
  en: [
    'fleet armada:0.24',
    'minist menkeu:0.09 menteri:0.82',
    'public masyarakat:0.52 publik:0.49 rakyat:0.15 umum:0.05',
  ],
  id: ['armada fleet:0.24', 'syarat requir:0.31'],
};
const options = { candidates: 3, minShare: 0.2, lexiconWeight: 0.6 };
const translator = createTranslator(lexicon, table, options);

test('a learnt translation weighs its share of the best one; those below the floor and past the most are left out', () => {
  assert.deepEqual(translator.translate('public', 'en'), [
    { stem: 'masyarakat', weight: 1 },
    { stem: 'publik', weight: 0.49 / 0.52 },
    { stem: 'rakyat', weight: 0.15 / 0.52 },
  ]);
  assert.deepEqual(createTranslator(lexicon, table, { ...options, candidates: 1 }).translate('public', 'en'), [
    { stem: 'masyarakat', weight: 1 },
  ]);
});

test('a lexicon translation counts at least the lexicon weight; a weak learnt one beside it drops out', () => {
  // "menteri" is both learnt (the best) and in the lexicon; "menkeu" is 0.09 / 0.82 of it, below the floor.
  assert.deepEqual(translator.translate('minist', 'en'), [{ stem: 'menteri', weight: 1 }]);
  const onlyLexicon = createTranslator(lexicon, { en: [], id: [] }, options);
  assert.deepEqual(onlyLexicon.translate('minist', 'en'), [{ stem: 'menteri', weight: 0.6 }]);
});

test('translations go both ways, and a word neither source knows has none', () => {
  assert.deepEqual(translator.translate('armada', 'id'), [{ stem: 'fleet', weight: 1 }]);
  assert.deepEqual(translator.translate('menteri', 'id'), [{ stem: 'minist', weight: 0.6 }]);
  assert.deepEqual(translator.translate('shoygu', 'en'), []);
});

test('an English query searches weighted Indonesian translations and keeps names and numbers as they are', () => {
  const query = analyseQuery('When did Shoygu meet the fleet commander in 2005?', analyzer);
  const weight = (term: string) => query.terms.find((t) => t.term === term)?.weight;
  assert.equal(weight('shoygu'), 1, 'the name is searched as typed');
  assert.equal(weight('2005'), 1, 'the number is searched as typed');
  const shipped = translatorFor(analyzer.lexicon);
  assert.deepEqual(shipped.translate('2005', 'en').length, 0);
  const [fleet] = shipped.translate('fleet', 'en');
  assert.equal(fleet.stem, 'armada');
  assert.equal(weight('armada'), QUERY_WEIGHTS.translation * fleet.weight);
  // A translation stands for the word it translates: a passage holding both counts as matching one word.
  const wordOf = (term: string) => query.terms.find((t) => t.term === term)?.word;
  assert.equal(wordOf('armada'), wordOf('fleet'));
  assert.notEqual(wordOf('fleet'), wordOf('shoygu'));
});

test('an Indonesian query searches English translations the same way', () => {
  const query = analyseQuery('Apa syarat bantuan untuk Benin tahun 2005?', analyzer);
  const terms = new Set(query.terms.map((t) => t.term));
  assert.ok(terms.has(analyzer.stem('requirement', 'en')), [...terms].join(' '));
  assert.ok(terms.has('benin') && terms.has('2005'));
  for (const t of query.terms) assert.ok(t.weight <= 1 && t.weight > 0);
  assert.ok(TRANSLATION.candidates >= 1);
});

import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { test } from 'node:test';
import { derivedLexicon } from '../../../scripts/lexicon/derived-lexicon.js';
import { readFreedict } from '../../../scripts/lexicon/freedict.js';
import { coverage, questionWords } from '../../../src/core/question/coverage.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { createAnalyzer, type Analyzer } from '../../../src/core/text/analyze.js';
import { LEXICON } from '../../../src/core/text/lexicon-data.js';
import { DERIVED_LEXICON } from '../../../src/core/text/lexicon.js';
import { createLexicon, type DerivedLexicon } from '../../../src/core/text/lexicon.js';

const analyzer = createAnalyzer();
const { stem } = analyzer;
const NONE: DerivedLexicon = { concepts: '', en: '', id: '' };
/** Every word equally rare, so coverage shares are plain word counts. */
const flat = { documentCount: 100, documentFrequency: () => 1 };

const translations = (lexicon: ReturnType<typeof createLexicon>, word: string, from: 'en' | 'id') =>
  lexicon.concepts(stem(word, from), from).flatMap((c) => lexicon.stems(c, from === 'en' ? 'id' : 'en'));

test('the derived entries add concepts to the hand-written ones', () => {
  const lexicon = createLexicon(stem, 'minister | menteri', derivedLexicon(['flood | banjir', 'mud | lumpur']));
  assert.deepEqual(translations(lexicon, 'floods', 'en'), ['banjir']);
  assert.deepEqual(translations(lexicon, 'lumpur', 'id'), ['mud']);
  assert.deepEqual(translations(lexicon, 'minister', 'en'), ['menteri']);
  assert.deepEqual(translations(lexicon, 'unknown', 'en'), []);
});

test("a concept's key is its stems, so a line added before it moves its id but not its key", () => {
  const derived = derivedLexicon(['mud | lumpur']);
  const before = createLexicon(stem, 'minister | menteri', derived);
  const after = createLexicon(stem, 'flood | banjir\nminister | menteri', derived);
  const keys = (lexicon: typeof before, word: string, lang: 'en' | 'id') =>
    lexicon.concepts(stem(word, lang), lang).map((c) => lexicon.key(c));
  assert.notDeepEqual(before.concepts(stem('lumpur', 'id'), 'id'), after.concepts(stem('lumpur', 'id'), 'id'));
  assert.deepEqual(keys(after, 'lumpur', 'id'), keys(before, 'lumpur', 'id'));
  assert.deepEqual(keys(after, 'minister', 'en'), [`${stem('minister', 'en')}|${stem('menteri', 'id')}`]);
  assert.deepEqual(keys(after, 'menteri', 'id'), keys(before, 'menteri', 'id'));
});

test('a stem the hand-written lexicon knows keeps its hand-written concepts; a derived concept may still translate into it', () => {
  const lexicon = createLexicon(
    stem,
    'minister | menteri\nbig | besar',
    derivedLexicon([
      `${stem('secretary', 'en')} | menteri`,
      `${stem('secretary', 'en')} | sekretaris`,
      'queen | menteri',
      'big | gede',
      'huge | besar',
    ]),
  );
  assert.deepEqual(
    translations(lexicon, 'menteri', 'id'),
    [stem('minister', 'en')],
    '"menteri" is not also queen or secretary',
  );
  assert.deepEqual(translations(lexicon, 'big', 'en'), ['besar'], 'the hand-written "big" is not also "gede"');
  assert.deepEqual(translations(lexicon, 'besar', 'id'), ['big']);
  assert.deepEqual(translations(lexicon, 'secretary', 'en'), ['menteri', 'sekretaris']);
  assert.deepEqual(translations(lexicon, 'sekretaris', 'id'), [stem('secretary', 'en')]);
});

test('a shipped derived entry lets an English question word match an Indonesian sentence it did not match before', () => {
  const without: Analyzer = { ...analyzer, lexicon: createLexicon(stem, LEXICON, NONE) };
  const question = 'How many houses did the flood destroy?';
  const sentence = 'Banjir itu merusak 300 rumah warga.';
  const found = (a: Analyzer) =>
    questionWords(analyseQuery(question, a), a, flat)
      .filter((w) => coverage([w], sentence, 'id', a).share > 0)
      .map((w) => w.word);
  assert.ok(!found(without).includes('flood'), 'the hand-written lexicon has no "flood"');
  assert.ok(found(analyzer).includes('flood'), '"flood" matches "banjir" through the derived lexicon');
  const terms = analyseQuery(question, analyzer).terms.map((t) => t.term);
  assert.ok(terms.includes('banjir'), 'and the query searches for "banjir"');
});

test('the hand-written lexicon reads football: "scored" is "skor" and "gol", not a musical score', () => {
  assert.deepEqual(translations(analyzer.lexicon, 'scored', 'en'), ['skor', 'gol']);
  assert.deepEqual(translations(analyzer.lexicon, 'gol', 'id'), [stem('score', 'en')]);
  const found = questionWords(analyseQuery('Who scored against Vietnam?', analyzer), analyzer, flat).filter(
    (w) => coverage([w], 'Gol tunggal dicetak oleh Egy Maulana Vikri.', 'id', analyzer).share > 0,
  );
  assert.deepEqual(
    found.map((w) => w.word),
    ['scored'],
  );
});

test('the shipped derived lexicon is well formed: every index line is sorted and points at concepts that hold its stem', () => {
  const concepts = DERIVED_LEXICON.concepts.split('\n').filter(Boolean);
  assert.ok(concepts.length > 1000);
  for (const [side, text] of [
    [0, DERIVED_LEXICON.en],
    [1, DERIVED_LEXICON.id],
  ] as const) {
    const lines = text.split('\n').filter(Boolean);
    const keys = lines.map((l) => l.split(' ')[0]);
    assert.deepEqual(
      keys,
      [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    for (const line of lines) {
      const [key, ...ids] = line.split(' ');
      for (const id of ids) assert.ok(concepts[Number(id)].split(' | ')[side].split(' ').includes(key), line);
    }
  }
  for (const line of concepts) assert.match(line, /^\p{L}+ \| \p{L}+( \p{L}+)*$/u);
});

test('FreeDict entries are read with their senses; numbered glosses are not senses', () => {
  const entries = [
    'goal /ɡoʊl/ <n>\n1. gol 2.\n(sport) act of placing the object into the goal\n 3.\npoint(s) scored\n2. gawang, gol\nan area\n3. sasaran, tujuan, cita-cita\nresult one is attempting to achieve\n',
    'flood //flʌd// <n>\nbanjir\noverflow of water\n',
  ];
  const b64 = (n: number) => {
    const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let s = '';
    do s = digits[n % 64] + s;
    while ((n = Math.floor(n / 64)) > 0);
    return s;
  };
  let offset = 0;
  const index = entries.map((e, i) => {
    const line = `${['goal', 'flood'][i]}\t${b64(offset)}\t${b64(Buffer.byteLength(e))}`;
    offset += Buffer.byteLength(e);
    return line;
  });
  const { senses } = readFreedict(index.join('\n'), zlib.gzipSync(entries.join('')));
  assert.deepEqual(senses, [
    { headword: 'goal', pos: 'n', translations: ['gol'] },
    { headword: 'goal', pos: 'n', translations: ['gawang', 'gol'] },
    { headword: 'goal', pos: 'n', translations: ['sasaran', 'tujuan', 'cita-cita'] },
    { headword: 'flood', pos: 'n', translations: ['banjir'] },
  ]);
});

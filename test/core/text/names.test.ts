import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../../src/core/text/analyze.js';
import { isFuzzyName, isName, opensSentence } from '../../../src/core/text/names.js';

const namesIn = (text: string) =>
  tokenize(text)
    .filter((t) => isName(t, opensSentence(text, t.start)))
    .map((t) => text.slice(t.start, t.end));

test('a name is a capitalised word that does not open its sentence', () => {
  assert.deepEqual(namesIn('Kemarin Lavrov bertemu Amir Abdollahian di Moskow.'), [
    'Lavrov',
    'Amir',
    'Abdollahian',
    'Moskow',
  ]);
  assert.deepEqual(namesIn('"Presiden datang. Dia bertemu Putin."'), ['Putin']);
  assert.deepEqual(namesIn('who met shoygu?'), []);
});

test('only names of five letters or more are matched with a letter of difference', () => {
  assert.equal(isFuzzyName({ word: 'sergey', capital: true }), true);
  assert.equal(isFuzzyName({ word: 'iran', capital: true }), false);
  assert.equal(isFuzzyName({ word: 'bertemu', capital: false }), false);
});

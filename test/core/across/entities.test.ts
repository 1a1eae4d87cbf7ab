import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aliasesIn, isFormOf, mergeEntities, nameWords } from '../../../src/core/across/entities.js';

const groups = (names: string[], aliases: [string, string][] = []) =>
  mergeEntities(
    names.map((text) => ({ text })),
    aliases,
  ).map((g) => g.map((i) => i.text));

test('one person written several ways is one item', () => {
  assert.deepEqual(groups(['Lavrov', 'Sergei Lavrov', 'Sergey Lavrov']), [
    ['Lavrov', 'Sergei Lavrov', 'Sergey Lavrov'],
  ]);
  assert.deepEqual(groups(['Abdollahian', 'Hossein Amir Abdollahian', 'Amir Abdollahian']), [
    ['Abdollahian', 'Hossein Amir Abdollahian', 'Amir Abdollahian'],
  ]);
  assert.equal(isFormOf(nameWords('Zakharova'), nameWords('Maria Zakharova')), true);
});

test('different people stay apart, and a short form that fits two of them joins neither', () => {
  assert.deepEqual(groups(['Amir Hatami', 'Amir Abdollahian']), [['Amir Hatami'], ['Amir Abdollahian']]);
  assert.deepEqual(groups(['Jones', 'Ryan Jones', 'Stephen Jones']), [['Jones'], ['Ryan Jones'], ['Stephen Jones']]);
  assert.deepEqual(groups(['Ahmad Riza Patria', 'Ariza']), [['Ahmad Riza Patria'], ['Ariza']]);
});

test('a nickname joins a full name only when the text says they are one person', () => {
  const text =
    'Ketua DPD Gerindra DKI Jakarta Ahmad Riza Patria atau Ariza. Bupati Ahmad Ariza, yang akrab disapa Ariza juga';
  const said = aliasesIn('Ahmad Riza Patria, yang akrab disapa Ariza, mengatakan');
  assert.deepEqual(said, [['Ahmad Riza Patria', 'Ariza']]);
  assert.deepEqual(groups(['Ahmad Riza Patria', 'Ariza'], said), [['Ahmad Riza Patria', 'Ariza']]);
  assert.ok(text);
  assert.deepEqual(aliasesIn('Tony Blair, known as Bambi, said'), [['Tony Blair', 'Bambi']]);
});

test('a first name alone joins the one full name it opens', () => {
  assert.deepEqual(groups(['Fransiska Kumalawati Susilo', 'Arnol Sinaga', 'Fransiska']), [
    ['Fransiska Kumalawati Susilo', 'Fransiska'],
    ['Arnol Sinaga'],
  ]);
  assert.deepEqual(groups(['Amir Hatami', 'Amir Abdollahian', 'Amir']), [
    ['Amir Hatami'],
    ['Amir Abdollahian'],
    ['Amir'],
  ]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasAnswerShape, interrogative, isInterrogative, questionKind } from '../../../src/core/question/kind.js';

test('"-kah" forms ask what their base word asks', () => {
  const cases: [string, string][] = [
    ['Kapankah Masjid Nabawi dibangun?', 'when'],
    ['Siapakah pendiri Nahdlatul Ulama?', 'who'],
    ['Dimanakah letak Danau Toba?', 'where'],
    ['Di manakah letak Danau Toba?', 'where'],
    ['Di provinsi manakah Danau Toba berada?', 'where'],
    ['Berapakah jumlah penduduk Jakarta?', 'count'],
    ['Apakah cabang ilmu yang mempelajari reptil?', 'what'],
    ['Manakah yang lebih tua?', 'what'],
    ['Mengapakah gunung itu meletus?', 'why'],
    ['Bagaimanakah cara membuat tempe?', 'how'],
    ['Bilakah perang itu berakhir?', 'when'],
    ['Kemanakah Lavrov pergi?', 'where'],
  ];
  for (const [question, kind] of cases) assert.equal(questionKind(question), kind, question);
});

test('plain Indonesian and English forms', () => {
  const cases: [string, string][] = [
    ['Siapa yang bertemu Lavrov di China?', 'who'],
    ['Kapan mereka bertemu?', 'when'],
    ['Pada tahun berapa ia lahir?', 'when'],
    ['Tahun berapakah ia lahir?', 'when'],
    ['Hari apa sanksi diumumkan?', 'when'],
    ['Berapa tahun ia memerintah?', 'count'],
    ['Berapa kali mereka bertemu di Moskow?', 'count'],
    ['Ke mana Lavrov pergi?', 'where'],
    ['Mengapa Rusia menolak?', 'why'],
    ['Kenapa Rusia menolak?', 'why'],
    ['Bagaimana reaksi Iran?', 'how'],
    ['Apa nama latin harimau Sumatera?', 'what'],
    ['Lavrov bertemu siapa di China?', 'who'],
    ['Who did Sergey Lavrov meet in China?', 'who'],
    ['When did the ministers meet?', 'when'],
    ['What day were the sanctions announced?', 'when'],
    ['In which year was it built?', 'when'],
    ['Where did they meet?', 'where'],
    ['How many times did they meet in Moscow?', 'count'],
    ['How much did it cost?', 'count'],
    ['How deep was the water in Kampung Melayu?', 'count'],
    ['How tall is the tower?', 'count'],
    ['What did Zakharova say about sanctions?', 'what'],
    ['Which country did he visit?', 'what'],
    ['Why did Russia refuse?', 'why'],
    ['How did Iran react?', 'how'],
    ['What is the name of the person who met Lavrov?', 'what'],
    ['Lavrov met Amir Abdollahian.', 'other'],
    ['Bila hujan, banjir.', 'other'],
  ];
  for (const [question, kind] of cases) assert.equal(questionKind(question), kind, question);
});

test('one recogniser of question words, with "-kah" and fused forms', () => {
  assert.equal(interrogative('Siapakah'), 'siapa');
  assert.equal(interrogative('dimanakah'), 'dimana');
  assert.equal(interrogative('bilakah'), 'bila');
  assert.equal(interrogative('bila'), null);
  assert.equal(interrogative('masakah'), null);
  assert.equal(interrogative('kah'), null);
  for (const word of [
    'apakah',
    'manakah',
    'berapakah',
    'kapankah',
    'mengapakah',
    'bagaimanakah',
    'kemanakah',
    'which',
    'whom',
  ]) {
    assert.ok(isInterrogative(word), word);
  }
  for (const word of ['nama', 'presiden', 'jakarta', 'the']) assert.ok(!isInterrogative(word), word);
});

test('kinds without a particular shape accept any sentence', () => {
  assert.equal(hasAnswerShape('what', 'tanpa angka', new Set()), true);
  assert.equal(hasAnswerShape('other', 'tanpa angka', new Set()), true);
  assert.equal(hasAnswerShape('count', 'tanpa angka', new Set()), false);
  assert.equal(hasAnswerShape('count', 'mereka bertemu tiga kali', new Set()), true);
});

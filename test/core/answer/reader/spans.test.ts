import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerType, asksScore } from '../../../../src/core/answer/reader/asks.js';
import { scoreIn, spanCandidates, wordsOf } from '../../../../src/core/answer/reader/spans.js';
import type { Span } from '../../../../src/core/types.js';

/** A sentence placed inside a longer "file", so offsets are the file's, not the sentence's. */
function inFile(sentence: string) {
  const raw = `Judul artikel\n\nKalimat pertama di sini. ${sentence} Kalimat terakhir.`;
  const start = raw.indexOf(sentence);
  const span: Span = { start, end: start + sentence.length, text: sentence };
  return { raw, span, candidates: spanCandidates(span) };
}

const texts = (sentence: string) => inFile(sentence).candidates.map((c) => c.text);

test('names are proposed whole, with and without their titles', () => {
  const found = texts(
    'Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China.',
  );
  assert.ok(found.includes('Hossein Amir Abdollahian'));
  const titled = inFile('Menurut US Secretary of State Mike Pompeo, sanksi itu berlaku.').candidates;
  assert.ok(titled.some((c) => c.text === 'Mike Pompeo' && c.shape.name && c.shape.titled));
  assert.ok(titled.some((c) => c.text === 'US Secretary of State Mike Pompeo' && c.shape.name));
});

test('numbers keep their units and number words their counted noun', () => {
  assert.ok(texts('Tim SAR mengerahkan 30 perahu karet ke lokasi banjir.').includes('30 perahu karet'));
  assert.ok(texts('Air mencapai 1,5 meter di Kampung Melayu.').includes('1,5 meter'));
  const counts = inFile('Kedua menteri telah bertemu tiga kali di Moskow.').candidates;
  assert.ok(counts.some((c) => c.text === 'tiga kali' && c.shape.number && c.shape.startsWithNumber));
});

test('Indonesian dates are proposed and recognised as dates', () => {
  const dates = inFile('Presiden memimpin rapat pada Kamis (23/8) dan perang itu terjadi 13 Maret 624.').candidates;
  for (const text of ['Kamis', '23/8', '13 Maret 624'])
    assert.ok(
      dates.some((c) => c.text === text && c.shape.date),
      text,
    );
});

test("a question asking a match's score is shown the score alone, the span's own or else the sentence's", () => {
  const { raw, span, candidates } = inFile('Tim nasional Indonesia mengalahkan Vietnam 1-0 di Jakarta.');
  const words = wordsOf(span);
  const shown = (text: string) => {
    const c = candidates.find((x) => x.text === text);
    assert.ok(c, text);
    return scoreIn(span, words, c);
  };
  assert.ok(
    texts('Tim nasional Indonesia mengalahkan Vietnam 1-0 di Jakarta.').includes('1-0'),
    'the score is one word',
  );
  const score = shown('1-0 di Jakarta');
  assert.equal(score.text, '1-0');
  assert.equal(raw.slice(score.start, score.end), '1-0');
  assert.equal(shown('Jakarta').text, '1-0');
  const none = inFile('Tim nasional Indonesia mengalahkan Vietnam di Jakarta.');
  const jakarta = none.candidates.find((c) => c.text === 'Jakarta')!;
  assert.equal(scoreIn(none.span, wordsOf(none.span), jakarta), jakarta, 'no score stated: the span stands');
  const time = inFile('Laga dimulai pukul 19:30 di Jakarta.');
  const place = time.candidates.find((c) => c.text === 'Jakarta')!;
  assert.equal(scoreIn(time.span, wordsOf(time.span), place), place, 'a time is no score');
  assert.equal(asksScore(new Set(['skor'])), true);
  assert.equal(asksScore(new Set(['kali'])), false);
});

test('every candidate is an exact slice of the original file', () => {
  for (const sentence of [
    'Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China.',
    'Harga naik 5,5 persen menjadi Rp 12.500 per liter, kata PT Pertamina (Persero) Tbk.',
    '“Kami menolak,” ujar K.H. Ma’ruf Amin — ketua MUI — di Jakarta, Jumat 23/8/2019.',
  ]) {
    const { raw, candidates } = inFile(sentence);
    assert.ok(candidates.length > 0);
    for (const c of candidates) assert.equal(raw.slice(c.start, c.end), c.text);
  }
});

test('question types, with -kah forms and English forms', () => {
  const cases: [string, string][] = [
    ['Siapakah pendiri Kerajaan Majapahit?', 'person'],
    ['Who did Sergey Lavrov meet in China?', 'person'],
    ['Kapankah Perang Badar terjadi?', 'date'],
    ['Tanggal berapa rapat itu dipimpin?', 'date'],
    ['When did the talks start?', 'date'],
    ['Berapakah jumlah penduduk Jakarta?', 'number'],
    ['Berapa kali menteri luar negeri Iran dan Rusia bertemu di Moskow?', 'number'],
    ['How many times did they meet?', 'number'],
    ['Dimanakah Danau Toba berada?', 'place'],
    ['Di provinsi manakah Danau Tamblingan berada?', 'place'],
    ['Where was the meeting held?', 'place'],
    ['Which country did Lavrov visit?', 'place'],
    ['Which US Secretary of State did the Russian spokeswoman mention?', 'person'],
    ['Which of the ministers spoke first?', 'thing'],
    ['Perusahaan apakah yang membangun jembatan itu?', 'org'],
    ['Apa nama latin penyu hijau?', 'name'],
    ['Apa kepanjangan dari GPS?', 'thing'],
    ['Mengapa harga minyak naik?', 'reason'],
    ['How did the ministry respond?', 'reason'],
  ];
  for (const [question, type] of cases) assert.equal(answerType(question), type, question);
});

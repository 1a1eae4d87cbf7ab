import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitsItemType, listItemType } from '../../../src/core/across/item-type.js';
import { createAnalyzer } from '../../../src/core/text/analyze.js';

test('the type of item a list asks for, from a plural or the head of the phrase before the question word', () => {
  assert.equal(listItemType('Which countries have won Eurovision five times each?'), 'place');
  assert.equal(listItemType('Which companies made takeover bids for MCI?'), 'org');
  assert.equal(listItemType('Which spokespersons spoke about the cooperation?'), 'person');
  assert.equal(listItemType('Negara elite Eropa mana yang masih harus menunggu?'), 'place');
  assert.equal(listItemType('Pemain diaspora mana yang masuk skuad timnas?'), 'person');
  assert.equal(listItemType('Siapa yang bertemu Lavrov?'), 'person');
  assert.equal(listItemType('Which commodities are being considered for trading?'), 'thing');
  assert.equal(listItemType('Tes apa yang ada dalam SKD CPNS?'), 'thing');
});

const analyzer = createAnalyzer();
/** Whether `item`, found in `sentence`, is of `type`. */
function fits(type: Parameters<typeof fitsItemType>[0], sentence: string, item: string): boolean {
  const at = sentence.indexOf(item);
  return fitsItemType(
    type,
    { start: 10, end: 10 + sentence.length, text: sentence },
    { start: 10 + at, end: 10 + at + item.length, text: item },
    analyzer,
  );
}

test('a person is a name, not an office, a date, a place or an organisation', () => {
  const s = 'Turut hadir Menteri Sekretaris Negara Pratikno dan Direktur Utama di Kecamatan Sei Lepan, Rabu (5/7).';
  assert.equal(fits('person', s, 'Menteri Sekretaris Negara Pratikno'), true);
  assert.equal(fits('person', s, 'Direktur Utama'), false);
  assert.equal(fits('person', s, 'Rabu'), false);
  assert.equal(fits('person', s, 'Sei Lepan'), false);
  assert.equal(fits('person', 'Dia ditahan di penjara Pulau Penang.', 'Pulau Penang'), false);
  assert.equal(fits('person', 'He died at his home in Guernsey.', 'Guernsey'), false);
  assert.equal(fits('person', 'Kejari menetapkan pegawai Dinas Lingkungan Hidup.', 'Dinas Lingkungan Hidup'), false);
  assert.equal(fits('person', 'Pernyataan Kemenlu Iran menambahkan Amir Abdollahian hadir.', 'Kemenlu Iran'), false);
  assert.equal(fits('person', 'Pernyataan Kemenlu Iran menambahkan Amir Abdollahian hadir.', 'Amir Abdollahian'), true);
});

test('a name opened by the word that heads an organisation is no person', () => {
  const s = 'Ketua Komisi Pemberantasan Korupsi Nawawi Pomolango bertemu anggota Dewan Pengawas.';
  assert.equal(fits('person', s, 'Komisi Pemberantasan Korupsi'), false);
  assert.equal(fits('person', s, 'Dewan Pengawas'), false);
  assert.equal(fits('person', s, 'Nawawi Pomolango'), true);
  assert.equal(fits('person', 'He met the Commission President Ursula von der Leyen.', 'Commission President'), false);
  const ministry = 'Held at the Russian Ministry of Foreign Affairs, Maria Zakharova spoke.';
  assert.equal(fits('person', ministry, 'Foreign Affairs'), false);
  assert.equal(fits('person', ministry, 'Maria Zakharova'), true);
});

test('any name is one name; no name or thing is a date, which a list of dates or numbers takes', () => {
  const s = 'Lokasinya JCC, Hutan Kota Plataran dan Stadion GBK pada Januari 2022.';
  assert.equal(fits('place', s, 'JCC, Hutan Kota Plataran'), false);
  assert.equal(fits('place', s, 'Stadion GBK'), true);
  assert.equal(fits('place', 'Myanmar menjadi lawan perdana pada laga grup A.', 'A'), false);
  assert.equal(fits('org', 'Dia bekerja di BI sejak 2010.', 'BI'), true);
  assert.equal(fits('place', s, 'Januari 2022'), false);
  assert.equal(fits('thing', s, 'Januari 2022'), false);
  assert.equal(fits('thing', s, 'JCC, Hutan Kota Plataran'), true);
  assert.equal(fits('date', s, 'Januari 2022'), true);
  assert.equal(fits('number', 'Skornya 27 dan 28.', '27'), true);
});

test('a thing opened by a function word is a clause or a fragment, not a thing', () => {
  const s = 'Indonesia should expand its rubber marketing effort and he hoped the exchange would trade up to the arts.';
  assert.equal(fits('thing', s, 'should expand its rubber marketing effort'), false);
  assert.equal(fits('thing', s, 'he hoped development of the exchange'), false);
  assert.equal(fits('thing', s, 'up'), false);
  assert.equal(fits('thing', s, 'the arts'), true);
  assert.equal(fits('thing', s, 'rubber'), true);
  // A name is not judged by its first word: "The Boxer" is a film.
  assert.equal(fits('name', s, 'The Boxer'), true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateWithin, eventDate, referenceDate } from '../../../src/core/across/dates.js';

const date = (sentence: string, published: string | null) => eventDate(sentence, published)?.date ?? null;

test('relative dates are resolved against the article date', () => {
  assert.equal(date('Dalam pertemuan pada hari Minggu (23/8), Hatami mengatakan', '2020-08'), '2020-08-23');
  assert.equal(date('Polisi menangkap dua orang pada Rabu (21/10) malam.', '2020-10-23'), '2020-10-21');
  assert.equal(date('Speaking in her weekly press briefing on Thursday, Zakharova said', '2020-10-22'), '2020-10-22');
  assert.equal(date('The minister resigned on Tuesday.', '2020-10-22'), '2020-10-20');
  assert.equal(date('Polisi menangkap pelaku kemarin.', '2021-03-10'), '2021-03-09');
  assert.equal(date('Kejadian itu terjadi pekan lalu.', '2021-03-10'), '2021-03-03');
  assert.equal(date('Harga naik bulan lalu.', '2021-01-15'), '2020-12');
  assert.equal(date('webinar tentang Suriah diadakan pada 1 Juli dengan', '2020-10'), '2020-07-01');
  assert.equal(date('a webinar was held on July 1 with', '2020-10-22'), '2020-07-01');
});

test('a day after publication belongs to the year before, and ranges are dated by their first day', () => {
  assert.equal(date('on 24 December the court ruled', '2021-01-05'), '2020-12-24');
  assert.equal(date('IPO dimulai pada tanggal 1 sampai 7 April 2022.', null), '2022-04-01');
  assert.equal(date('arus mudik pada 22-23 Desember 2023', null), '2023-12-22');
  assert.equal(date('Piala AFF pada 9 hingga 22 Juli 2017', null), '2017-07-09');
});

test('a date that needs more than the article gives is not resolved', () => {
  // A weekday in an article dated only by month, a day and month in an undated one, none at all.
  assert.equal(date('Berbicara dalam konferensi pers pada hari Kamis', '2020-10'), null);
  assert.equal(date('sejak Moskow melancarkan operasi militer pada 24 Februari', null), null);
  assert.equal(date('Kemenlu mengatakan kerja sama akan berlanjut.', '2020-10-22'), null);
  // "minggu" in lower case is a week, "may" in lower case the verb.
  assert.equal(date('dua minggu setelah itu', '2020-10-22'), null);
  assert.equal(date('He may 2 go', '2020-01-01'), null);
});

test("an undated article's days are read against the first day it writes in full", () => {
  const texts = ['Kata Kombes Argo di Mapolda, Kamis (25/1/2018).', 'Sandi diperiksa pada Selasa (30/1).'];
  const reference = referenceDate(null, texts);
  assert.equal(reference, '2018-01-25');
  assert.equal(date(texts[1], reference), '2018-01-30');
  assert.equal(referenceDate('2020-10-22', texts), '2020-10-22');
});

test('dates fall within filters compared as prefixes', () => {
  assert.equal(dateWithin('2020-07-01', '2020', '2020'), true);
  assert.equal(dateWithin('2020-07-01', '2020-08'), false);
  assert.equal(dateWithin('2020', '2020-08', '2020-12'), true);
  assert.equal(dateWithin('2021-01-02', undefined, '2020-12'), false);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listReadings } from '../../../src/core/across/broken.js';
import { pooled } from './pooled.js';

/** Sentences of one passage, one space apart, as a pool holds them. */
function passage(...texts: string[]) {
  let at = 0;
  return texts.map((text) => {
    const s = pooled('a.txt', null, text, 0.5, 1, at);
    at += text.length + 1;
    return s;
  });
}

test('a list broken off by full stops is read whole, up to the part holding its conjunction', () => {
  const pool = passage(
    'Sedangkan lima anggota Dewas terpilih adalah Wisnu Baroto, Benny Jozua Mamoto, Gusrizal.',
    'Sumpeno, dan Chisca Mirawati.',
    'Setelah itu, Puan akan menyampaikan pidato untuk menutup masa sidang DPR.',
  );
  const [first, second, third] = listReadings(pool);
  assert.equal(
    first.read.text,
    'Sedangkan lima anggota Dewas terpilih adalah Wisnu Baroto, Benny Jozua Mamoto, Gusrizal, Sumpeno, dan Chisca Mirawati.',
  );
  assert.equal(first.read.end - first.read.start, first.read.text.length);
  assert.deepEqual(first.parts, pool.slice(0, 2));
  // The parts keep their own offsets; each is read on its own as well.
  assert.deepEqual(second, { read: pool[1].sentence, parts: [pool[1]] });
  assert.deepEqual(third, { read: pool[2].sentence, parts: [pool[2]] });
});

test('short sentences without a conjunction, a long one, or another passage do not continue a list', () => {
  const noConjunction = passage(
    'Empat stadion itu adalah Stadion Rajamangal.',
    'Stadion Universitas Thammasa.',
    'Stadion Chonburi.',
  );
  assert.deepEqual(listReadings(noConjunction)[0].parts, [noConjunction[0]]);
  const long = passage('Dia bertemu Ani.', 'Lalu ia pergi ke pasar dan membeli beras serta sayur untuk keluarganya.');
  assert.deepEqual(listReadings(long)[0].parts, [long[0]]);
  const apart = passage('Dia bertemu Ani.', 'Budi dan Cici.');
  apart[1] = { ...apart[1], passageId: 'a.txt#1' };
  assert.deepEqual(listReadings(apart)[0].parts, [apart[0]]);
  const joined = passage(
    'Empat stadion itu adalah Stadion Rajamangal.',
    'Stadion Universitas Thammasa.',
    'dan Stadion Chonburi.',
  );
  assert.equal(
    listReadings(joined)[0].read.text,
    'Empat stadion itu adalah Stadion Rajamangal, Stadion Universitas Thammasa, dan Stadion Chonburi.',
  );
});

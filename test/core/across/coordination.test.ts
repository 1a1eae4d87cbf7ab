import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinatedItems } from '../../../src/core/across/coordination.js';

/** The items of the list around `inside` in a sentence starting at `offset` of its article. */
function items(sentence: string, inside: string, names: boolean, offset = 100) {
  const at = sentence.indexOf(inside);
  const raw = `${' '.repeat(offset)}${sentence}`;
  const found = coordinatedItems(
    { start: offset, end: offset + sentence.length, text: sentence },
    { start: offset + at, end: offset + at + inside.length, text: inside },
    names,
  );
  // Every item's offsets point at its text in the article.
  for (const item of found ?? []) assert.equal(raw.slice(item.start, item.end), item.text);
  return found?.map((i) => i.text) ?? null;
}

test('names written as a list, in both languages, each cut to the name', () => {
  assert.deepEqual(
    items(
      'Hadir juga Wakil Ketua DPR RI yakni Sufmi Dasco Ahmad, Saan Mustopa, Cucun Sjamsurizal, dan Adies Kadir.',
      'Saan Mustopa',
      true,
    ),
    ['Sufmi Dasco Ahmad', 'Saan Mustopa', 'Cucun Sjamsurizal', 'Adies Kadir'],
  );
  assert.deepEqual(items('Timnas tergabung dengan Ekuador, Panama, dan Maroko di Grup A.', 'Ekuador', true), [
    'Ekuador',
    'Panama',
    'Maroko',
  ]);
  assert.deepEqual(
    items('Celebrities will attend, among them Will Smith, Kevin Spacey and Keanu Reeves.', 'Will Smith', true),
    ['Will Smith', 'Kevin Spacey', 'Keanu Reeves'],
  );
  assert.deepEqual(
    items('Keempat nelayan itu yakni Herman (46), Lukman Hakim Siregar (32) dan Irwan Sofyan (21).', 'Herman', true),
    ['Herman', 'Lukman Hakim Siregar', 'Irwan Sofyan'],
  );
});

test('things written as a list, and a span in no list', () => {
  assert.deepEqual(
    items('He said trading in palm oil, sawn timber, pepper or tobacco was considered.', 'pepper', false),
    ['palm oil', 'sawn timber', 'pepper', 'tobacco'],
  );
  assert.deepEqual(
    items(
      'Untuk SKD berisi tes wawasan kebangsaan, tes intelegensi umum (TIU) serta tes karakteristik kepribadian.',
      'tes wawasan kebangsaan',
      false,
    ),
    ['tes wawasan kebangsaan', 'tes intelegensi umum', 'tes karakteristik kepribadian'],
  );
  // A comma between digits is a decimal mark, not a separator.
  assert.deepEqual(items('Kerugiannya meliputi Rp 15,47 miliar, Rp 3 miliar dan Rp 2,5 juta.', 'Rp 3 miliar', false), [
    'Rp 15,47 miliar',
    'Rp 3 miliar',
    'Rp 2,5 juta',
  ]);
  assert.equal(
    items(
      'Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China.',
      'Hossein Amir Abdollahian',
      true,
    ),
    null,
  );
});

test('a list ends at its conjunction; commas alone, an ampersand and the rest of the sentence are no items', () => {
  assert.deepEqual(
    items('A webinar was held with the leaders of Iran, Russia and Turkey, she added.', 'Russia', true),
    ['Iran', 'Russia', 'Turkey'],
  );
  assert.equal(
    items(
      'The Manila Times wrote to President Aquino, the chairman, New Zealander Bruce Judge, said.',
      'Bruce Judge',
      true,
    ),
    null,
  );
  assert.deepEqual(
    items("Previous winners included Ant & Dec's Saturday Night Takeaway and Pop Idol.", 'Pop Idol', true),
    ["Ant & Dec's Saturday Night Takeaway", 'Pop Idol'],
  );
});

test('names after an opener or a word of address, and a list cut off by the end of its passage', () => {
  assert.deepEqual(
    items(
      'Tokoh masyarakat mengusulkan 3 orang yaitu Maman Imanul Haq dari PKB, Saan Mustofa dari Nasdem, dan kang Ruhzanul Ulum dari PPP.',
      'Saan Mustofa',
      true,
    ),
    ['Maman Imanul Haq', 'Saan Mustofa', 'Ruhzanul Ulum'],
  );
  // The passage ends inside the list ("… Stadion GBK, Hotel"): the cut item is left off.
  assert.deepEqual(items('Lokasinya di antaranya Hotel St Regis, JCC, Stadion GBK, Hotel', 'JCC', true), [
    'Hotel St Regis',
    'JCC',
    'Stadion GBK',
  ]);
});

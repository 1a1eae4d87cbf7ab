import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitGlued } from '../../../src/core/cite/sentences.js';
import { ABBREVIATIONS, isAbbreviationStop, splitSentences } from '../../../src/core/corpus/sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

test('titles, company forms, degrees and initials do not end a sentence', () => {
  assert.deepEqual(texts("Pesantren itu didirikan K.H. Hasyim Asy'ari pada 1899. Ia wafat pada 1947."), [
    "Pesantren itu didirikan K.H. Hasyim Asy'ari pada 1899.",
    'Ia wafat pada 1947.',
  ]);
  assert.deepEqual(
    texts('Saham PT. Bank Central Asia Tbk. naik. Direktur CV. Maju Jaya, Ir. Budi Santoso, M.M., hadir.'),
    ['Saham PT. Bank Central Asia Tbk. naik.', 'Direktur CV. Maju Jaya, Ir. Budi Santoso, M.M., hadir.'],
  );
  assert.deepEqual(
    texts('Rektor Prof. Dr. H. Ahmad, S.H., M.Si. Dia lulus dari Drs. Rahman S.E. Program itu berjalan.'),
    ['Rektor Prof. Dr. H. Ahmad, S.H., M.Si. Dia lulus dari Drs. Rahman S.E. Program itu berjalan.'],
  );
  assert.deepEqual(texts('Menteri Pertahanan Amir A. Hatami bertemu Shoigu. Mereka berbicara.'), [
    'Menteri Pertahanan Amir A. Hatami bertemu Shoigu.',
    'Mereka berbicara.',
  ]);
  assert.deepEqual(texts('Jenderal A.H. Nasution lahir di sana. Dia tentara.'), [
    'Jenderal A.H. Nasution lahir di sana.',
    'Dia tentara.',
  ]);
  // Glued to the next word, the abbreviation still holds; an ordinary glued stop still cuts.
  assert.deepEqual(texts('Ia bertemu Dr.Amir di Teheran.Sementara itu hujan.'), [
    'Ia bertemu Dr.Amir di Teheran.',
    'Sementara itu hujan.',
  ]);
});

test('ordinary stops still end sentences', () => {
  assert.deepEqual(texts('Ia datang ke sana. Amir pulang. Harga naik 1.5 persen.'), [
    'Ia datang ke sana.',
    'Amir pulang.',
    'Harga naik 1.5 persen.',
  ]);
  assert.deepEqual(texts('Lavrov tiba di Moskow. Dia bicara.'), ['Lavrov tiba di Moskow.', 'Dia bicara.']);
});

test('isAbbreviationStop names abbreviation and initial stops only', () => {
  const text = 'PT. A. b. Kota. K.H. Ph.D.';
  const stops = [...text].flatMap((ch, i) =>
    ch === '.' && isAbbreviationStop(text, i)
      ? [
          text
            .slice(0, i + 1)
            .split(' ')
            .pop(),
        ]
      : [],
  );
  assert.deepEqual(stops, ['PT.', 'A.', 'K.', 'K.H.', 'Ph.D.']);
  assert.ok(ABBREVIATIONS.has('k.h') && ABBREVIATIONS.has('tbk') && ABBREVIATIONS.has('m.si'));
});

test('the citation splitter does not cut a glued abbreviation either', () => {
  const raw = 'Ia bertemu Dr.Amir dan K.H.Hasyim di Teheran.Sementara itu hujan.';
  assert.deepEqual(
    splitGlued(raw, 0, raw.length).map((p) => raw.slice(p.start, p.end)),
    ['Ia bertemu Dr.Amir dan K.H.Hasyim di Teheran.', 'Sementara itu hujan.'],
  );
});

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('fuzz: spans are exact, trimmed slices and never end at an abbreviation', () => {
  const random = seeded(10);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const abbreviations = [
    'K.H.',
    'Dr.',
    'Prof.',
    'H.',
    'Ir.',
    'Drs.',
    'PT.',
    'Tbk.',
    'CV.',
    'M.M.',
    'S.H.',
    'S.E.',
    'M.Si.',
    'A.',
  ];
  const words = ['Amir', 'bertemu', 'di', 'Jakarta', '“Kami', 'siap,”', '1.5', 'meter', 'Rabu', '(PT', 'Maju)', 'lima'];
  const gaps = [' ', '  ', '\n', ' \n\n', '\t', ''];
  for (let round = 0; round < 300; round++) {
    let text = '';
    const protectedEnds = new Set<number>();
    for (let n = 0; n < 1 + Math.floor(random() * 12); n++) {
      const piece = random() < 0.4 ? pick(abbreviations) : pick(words);
      const standsAlone = text === '' || /\s$/.test(text);
      text += piece;
      const gap = random() < 0.15 ? '. ' : pick(gaps);
      if (abbreviations.includes(piece) && standsAlone && gap !== '. ') protectedEnds.add(text.length);
      text += gap;
    }
    const spans = splitSentences(text);
    let previous = 0;
    for (const span of spans) {
      assert.equal(text.slice(span.start, span.end), span.text, JSON.stringify(text));
      assert.equal(span.text, span.text.trim());
      assert.ok(span.start >= previous);
      previous = span.end;
      const next = text.slice(span.end).trimStart();
      // An abbreviation ends a span only where a line break or the end of the text cuts anyway.
      if (protectedEnds.has(span.end) && next !== '')
        assert.match(text.slice(span.end, text.length - next.length), /\n/, JSON.stringify(text));
    }
  }
});

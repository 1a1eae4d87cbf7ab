import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyInOpening, leadDate, pathDate, readDateline } from '../../../src/core/sources/dateline.js';

test('datelines of Indonesian and English agencies and sites name the outlet (and a date when they hold one)', () => {
  const cases: [string, string | null, string | null][] = [
    ['Jakarta, Kompas.com — Warga mengeluh.', 'Kompas.com', null],
    ['JAKARTA, KOMPAS.com - Warga mengeluh.', 'KOMPAS.com', null],
    ['Jakarta, CNN Indonesia -- Satu set emoji.', 'CNN Indonesia', null],
    ['Jakarta, detikNews - KPK memeriksa saksi.', 'detikNews', null],
    ['JAKARTA (ANTARA) - Presiden meresmikan.', 'ANTARA', null],
    ['Buriram, Thailand (ANTARA) - Pebalap itu.', 'ANTARA', null],
    ['Jakarta (ANTARA/JACX) - Ketua Umum PSSI.', 'ANTARA', null],
    ['Temanggung (ANTARA News) - Candi Borobudur.', 'ANTARA News', null],
    ['LONDON, Oct 21 (Reuters) - Oil prices rose.', 'Reuters', null],
    ['LONDON, Oct 21, 2025 (Reuters) - Oil prices rose.', 'Reuters', '2025-10-21'],
    ['Bisnis.com, JAKARTA — Sekretaris Daerah.', 'Bisnis.com', null],
    ['TRIBUNNEWS.COM - Berikut ini update klasemen.', 'TRIBUNNEWS.COM', null],
    ['jpnn.com - JAKARTA - Bakal Calon Presiden.', 'jpnn.com', null],
    ['KONTAN.CO.ID - JAKARTA. Uni Eropa akan.', 'KONTAN.CO.ID', null],
    ['Senin, 20 Okt 2025 14:45 WIB', null, '2025-10-20'],
    ['Published 21 October 2025', null, '2025-10-21'],
  ];
  for (const [line, outlet, date] of cases) {
    const found = readDateline(line);
    assert.equal(found?.outlet ?? null, outlet, line);
    assert.equal(found?.date ?? null, date, line);
  }
  for (const line of [
    'Jakarta - Wakil Ketua DPR menyebut.',
    'TAIWAN – Rancangan undang-undang.',
    'Pemerintah - kata dia.',
  ])
    assert.equal(readDateline(line), null, line);
  assert.equal(readDateline('Jakarta, Kompas.com — Warga.')!.length, 'Jakarta, Kompas.com — '.length);
});

test('the lead (its first two sentences) dates the article; a date further on, to come or opening a span does not', () => {
  assert.equal(leadDate('KPK memeriksa saksi, Selasa (21/10/2025). Menteri itu lahir 22 Juli 1975.'), '2025-10-21');
  assert.equal(leadDate('KPU menggelar simulasi di Maros, Minggu 15 September 2024. Lalu.'), '2024-09-15');
  assert.equal(leadDate('Menteri itu lahir pada 22 Juli 1975 di Solo.'), null);
  assert.equal(leadDate('Ganjar diperiksa. "Saya hadir," katanya, Selasa (21/10/2025).'), '2025-10-21');
  assert.equal(leadDate('Ganjar diperiksa. Ia diam. Ia hadir Selasa (21/10/2025).'), null, 'the third sentence');
  assert.equal(
    leadDate('Turnamen digelar 14-19 Juli 2017.\n\n"Kami siap," kata Marius, Kamis (20/4/2017)\n\nDia'),
    '2017-04-20',
  );
  assert.equal(
    leadDate('Misa digelar pada Kamis 5 September 2024 besok di GBK.'),
    '2024-09-04',
    'written the day before',
  );
  assert.equal(leadDate('Prabowo bertemu direksi, tepatnya Kamis (18/6/2026) kemarin.'), '2026-06-19', 'the day after');
  assert.equal(leadDate('Penembakan pada Kamis (1/8/2024) lalu diselidiki.'), null, 'a day past');
  assert.equal(
    leadDate('Makau lepas masker mulai Senin (27/2/2023). Pengumuman dikutip pada Minggu (26/2/2023).'),
    '2023-02-26',
  );
  assert.equal(leadDate('Airlangga mundur per tanggal Sabtu 10 Agustus 2024. Pleno digelar.'), null);
  assert.equal(
    leadDate('Pantauan pada pukul 16.36 WIB, Senin (27/2/2023, aplikasi normal.'),
    '2023-02-27',
    'a lost bracket',
  );
  assert.equal(leadDate('Mulai Selasa, 26 Desember 2017, kereta bandara diuji coba.'), null);
  assert.equal(leadDate('Laga digelar Sabtu (31/2/2025).'), null, 'no such day');
  assert.equal(agencyInOpening('"Kami siap," katanya. Jakarta (ANTARA) - Calon presiden itu.'), 'ANTARA');
});

test('a date in the path: year, month and day, or year and month', () => {
  assert.equal(pathDate('kompas/2025/10/21/banjir.txt'), '2025-10-21');
  assert.equal(pathDate('2025-10-21-banjir.md'), '2025-10-21');
  assert.equal(pathDate('news/2025/10/banjir.txt'), '2025-10');
  assert.equal(pathDate('000_e871f56c57ac0511.txt'), null);
  assert.equal(pathDate('arsip/1975/banjir.txt'), null);
});

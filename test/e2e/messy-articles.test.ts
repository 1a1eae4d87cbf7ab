import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers.js';

/** A temp corpus of the given files (path → text) with room for an index, removed after the test. */
function corpusOf(t: { after: (fn: () => void) => void }, files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-messy-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const corpus = path.join(dir, 'corpus');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(corpus, file)), { recursive: true });
    fs.writeFileSync(path.join(corpus, file), text);
  }
  return { dir, corpus, base: ['--corpus', corpus, '--index', path.join(dir, 'index')] };
}

interface JsonHit {
  id: string;
  file: string;
  start: number;
  end: number;
  text: string;
  title: string;
  date: string | null;
  source: string | null;
}

const FLOOD =
  'Floodwaters swamp Kampung Melayu overnight\n\n' +
  'Heavy rain on Tuesday caused the Ciliwung river to overflow, flooding thousands of homes in East Jakarta. ' +
  'Officials said 2,000 people were evacuated.\n\nThe governor visited the shelters on Wednesday.\n';

test('title and body apart: the first line before a blank line is the title, searchable, never quoted; offsets stay exact', (t) => {
  const { corpus, base } = corpusOf(t, {
    'flood.txt': FLOOD,
    'heading.md': '# Harbour cranes idle after strike\n\nDock workers at Tanjung Priok stopped work on Monday.\n',
  });
  const search = runCli([...base, 'search', '--json', 'floodwaters', 'swamp']);
  assert.equal(search.code, 0, search.stderr);
  const hits = JSON.parse(search.stdout).hits as JsonHit[];
  assert.equal(hits[0].file, 'flood.txt', 'words only in the title find the article');
  assert.equal(hits[0].title, 'Floodwaters swamp Kampung Melayu overnight');
  const raw = fs.readFileSync(path.join(corpus, 'flood.txt'), 'utf8');
  for (const hit of hits) {
    assert.equal(raw.slice(hit.start, hit.end), hit.text, 'a passage is an exact slice of the file');
    assert.ok(!hit.text.includes('Floodwaters'), 'the title is not part of a passage');
  }
  const ask = runCli([...base, 'ask', '--json', 'Why did the Ciliwung river overflow?']);
  assert.equal(ask.code, 0, ask.stderr);
  const answer = JSON.parse(ask.stdout);
  assert.match(answer.support.text, /^Heavy rain on Tuesday/, 'the quoted sentence starts after the title');
  assert.equal(raw.slice(answer.support.start, answer.support.end), answer.support.text);
  const md = runCli([...base, 'search', '--json', 'harbour', 'cranes']);
  const mdHit = (JSON.parse(md.stdout).hits as JsonHit[]).find((h) => h.file === 'heading.md')!;
  assert.equal(mdHit.title, 'Harbour cranes idle after strike');
  assert.ok(!mdHit.text.includes('Harbour cranes'), 'a leading Markdown heading is the title, not a sentence');
});

/** Articles written for the test in the conventions of detik, Kompas, ANTARA and Reuters, each with another date in its body. */
const NEWS: Record<string, string> = {
  'detik.txt':
    'KPK periksa tiga saksi kasus penipuan\n\nSelasa, 21 Okt 2025 14:45 WIB\n\n' +
    'Jakarta, detikNews - Komisi Pemberantasan Korupsi (KPK) memeriksa tiga saksi kasus penipuan investasi, ' +
    'Selasa (21/10/2025). Menteri yang disebut dalam perkara itu lahir di Solo pada 22 Juli 1975.\n',
  'kompas/2025/10/22/warga-bekasi.txt':
    'Warga Bekasi keluhkan banjir rob\n\nBEKASI, KOMPAS.com — Warga Bekasi mengeluhkan banjir yang terus ' +
    'datang sejak 24 Februari 2024 lalu. Mereka meminta tanggul diperbaiki.\n',
  'antara.txt':
    'Federasi futsal gelar kongres\n\nJAKARTA (ANTARA) - Federasi Futsal Indonesia menggelar kongres tahunan di ' +
    'Jakarta. Federasi itu didirikan pada 1 Januari 1950 oleh para pegiat futsal.\n',
  'reuters.txt':
    'Oil prices climb on supply worries\n\nPublished 21 October 2025\n\nLONDON, Oct 21 (Reuters) - Oil prices ' +
    'rose on Tuesday as supply worries grew. The cartel was founded on September 14, 1960 in Baghdad.\n',
  'archive.jsonl':
    JSON.stringify({
      id: 'a1',
      title: 'Harga cabai naik',
      date: '2025-09-30',
      text: 'Bandung (ANTARA) - Harga cabai rawit naik menjelang akhir bulan, 12 Maret 2019 menjadi acuan.',
    }) + '\n',
};

test('dates and outlets from evidence only: datelines (detik, Kompas, ANTARA, Reuters), paths, records; never a date in the body', (t) => {
  const { base } = corpusOf(t, NEWS);
  const search = runCli([...base, 'search', '--json', '-k', '10', 'saksi penipuan banjir futsal oil cabai']);
  assert.equal(search.code, 0, search.stderr);
  const byFile = new Map((JSON.parse(search.stdout).hits as JsonHit[]).map((h) => [h.file, h]));
  const meta = (file: string) => ({ date: byFile.get(file)?.date, source: byFile.get(file)?.source });
  assert.deepEqual(meta('detik.txt'), { date: '2025-10-21', source: 'detikNews' });
  assert.deepEqual(meta('kompas/2025/10/22/warga-bekasi.txt'), { date: '2025-10-22', source: 'KOMPAS.com' });
  assert.deepEqual(meta('antara.txt'), { date: null, source: 'ANTARA' }, 'a founding date is no publication date');
  assert.deepEqual(meta('reuters.txt'), { date: '2025-10-21', source: 'Reuters' });
  assert.deepEqual(meta('archive.jsonl:a1'), { date: '2025-09-30', source: 'ANTARA' }, "the record's date wins");
  for (const hit of byFile.values())
    assert.doesNotMatch(hit.text, /^(Jakarta, detikNews|JAKARTA \(ANTARA\)|Selasa, 21)/);
  const since = runCli([...base, 'search', '--json', '--since', '2025-10', 'saksi', 'penipuan']);
  assert.equal(since.code, 0, since.stderr);
  assert.equal((JSON.parse(since.stdout).hits as JsonHit[])[0].file, 'detik.txt', '--since keeps the dated article');
  const info = runCli([...base, 'info']);
  assert.equal(info.code, 0, info.stderr);
  assert.match(info.stdout, /date: 1 from records, 2 from datelines, 1 from file paths, 1 absent/);
  assert.match(info.stdout, /source: 5 from datelines/);
  assert.match(info.stdout, /title: 1 from records, 4 from title lines/);
});

test('boilerplate: known patterns and lines repeated across articles stay in the files but out of passages; info lists them', (t) => {
  const FOOTER = 'Dapatkan kabar terbaru setiap pagi dari redaksi KabarKita';
  const files: Record<string, string> = {};
  const topics = ['banjir', 'gempa', 'kebakaran', 'longsor', 'kemarau', 'angin'];
  topics.forEach((topic, i) => {
    files[`a${i}.txt`] =
      `Warga waspada ${topic}\n\nJakarta, detikNews - Warga kampung ${i} waspada ${topic} sejak pagi. SCROLL TO CONTINUE WITH CONTENT ` +
      `Petugas ${topic} berjaga di posko.\n\nBaca juga: Petugas ${topic} siaga di kota lain\n\nADVERTISEMENT\n\n` +
      `Simak juga Video: Detik-detik ${topic} melanda\n\nWarga kampung ${i} diminta tetap tenang.\n\n${FOOTER}\n`;
  });
  const { corpus, base } = corpusOf(t, files);
  const search = runCli([
    ...base,
    'search',
    '--json',
    '-k',
    '20',
    'scroll continue simak video baca juga redaksi kabarkita',
  ]);
  assert.ok(search.code === 0 || search.code === 1, search.stderr);
  const hits = search.code === 0 ? (JSON.parse(search.stdout).hits as JsonHit[]) : [];
  for (const hit of hits) {
    assert.doesNotMatch(hit.text, /SCROLL TO CONTINUE|ADVERTISEMENT|Baca juga|Simak juga|KabarKita/, hit.id);
    assert.equal(fs.readFileSync(path.join(corpus, hit.file), 'utf8').slice(hit.start, hit.end), hit.text);
  }
  const ask = runCli([...base, 'ask', '--json', 'Di mana petugas gempa berjaga?']);
  assert.equal(ask.code, 0, ask.stderr);
  assert.match(
    JSON.parse(ask.stdout).support.text,
    /^Petugas gempa berjaga di posko\.$/,
    'the marker is cut out of the sentence',
  );
  const info = runCli([...base, 'info']);
  assert.match(
    info.stdout,
    /boilerplate lines \(1, left out of passages\):\n\s+"dapatkan kabar terbaru setiap pagi dari redaksi kabarkita"/,
  );
  // The counts are kept with the index: with two articles gone the footer is in four, no longer boilerplate.
  fs.rmSync(path.join(corpus, 'a0.txt'));
  fs.rmSync(path.join(corpus, 'a1.txt'));
  assert.equal(runCli([...base, 'index']).code, 0);
  const after = runCli([...base, 'info']);
  assert.equal(after.code, 0, after.stderr);
  assert.doesNotMatch(after.stdout, /boilerplate lines/);
});

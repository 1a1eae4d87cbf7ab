import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLI, ROOT, runCli } from '../helpers.js';

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

/** About `chars` characters of varied paragraphs, one in twenty of them about a defence minister's budget. */
function outsized(chars = 900_000): string {
  const words =
    'kota warga pasar harga jalan sekolah hujan sungai kereta pelabuhan petani nelayan pabrik listrik air'.split(' ');
  const paragraphs: string[] = ['Arsip berita daerah', ''];
  let seed = 7;
  const pick = () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length];
  for (let i = 0; paragraphs.join('\n').length < chars; i++) {
    const filler = Array.from({ length: 14 }, pick).join(' ');
    paragraphs.push(
      i % 20 === 0
        ? `Menteri pertahanan membahas anggaran latihan ke-${i} di kota ${i}. Warga ${filler}.`
        : `Laporan ${i}: ${filler}. Petugas ${filler}.`,
      '',
    );
  }
  return paragraphs.join('\n');
}

test('no file swamps the rest: at most 3 passages of an article in the results, the rest folded; an outsized file is listed', (t) => {
  const files: Record<string, string> = { 'arsip.txt': outsized() };
  for (const name of fs.readdirSync(path.join(ROOT, 'seeds')))
    files[name] = fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
  const { base } = corpusOf(t, files);
  const search = runCli([...base, 'search', '--json', '-k', '10', 'menteri', 'pertahanan', 'anggaran', 'latihan']);
  assert.equal(search.code, 0, search.stderr);
  const hits = JSON.parse(search.stdout).hits as (JsonHit & { folded?: string[] })[];
  const fromArchive = hits.filter((h) => h.file === 'arsip.txt');
  assert.ok(fromArchive.length <= 3, `${fromArchive.length} passages of one file`);
  assert.ok(fromArchive[0].folded!.length > 0, 'the others are folded under its best');
  assert.ok(
    hits.some((h) => h.file !== 'arsip.txt'),
    'the seeds are still found',
  );
  const all = runCli([...base, 'search', '--json', '--all-passages', '-k', '10', 'menteri', 'pertahanan']);
  assert.ok((JSON.parse(all.stdout).hits as JsonHit[]).filter((h) => h.file === 'arsip.txt').length > 3);
  const text = runCli([...base, 'search', '-k', '10', 'menteri', 'pertahanan', 'anggaran', 'latihan']);
  const files_ = [...text.stdout.matchAll(/^\s*\d+\s+\S+\s+(\S+)#\d+/gm)].map((m) => m[1]);
  assert.deepEqual(
    files_,
    [...new Set(files_)].flatMap((f) => files_.filter((g) => g === f)),
    'grouped by article',
  );
  assert.match(text.stdout, /more passages of this article folded \(--all-passages shows them\)/);
  const info = runCli([...base, 'info']);
  assert.match(info.stdout, /outsized articles:\n\s+arsip\.txt: 0\.9 million characters/);
});

/** Starts `kabar index`, presses Ctrl+C after `after` ms and says how it ended and how long that took. */
async function interruptIndex(base: string[], after: number) {
  const child = spawn(process.execPath, [CLI, ...base, 'index'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', KABAR_EMBEDDINGS: 'hashing' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  await new Promise((resolve) => setTimeout(resolve, after));
  const sent = performance.now();
  child.kill('SIGINT');
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('exit', (c, s) => resolve([c, s])),
  );
  return { code, signal, stderr, latency: performance.now() - sent };
}

test('Ctrl+C while large files are indexed stops within a second at any moment and leaves the index as it was', async (t) => {
  const first = fs.readdirSync(path.join(ROOT, 'seeds'))[0];
  const { corpus, base } = corpusOf(t, { 'seed.txt': fs.readFileSync(path.join(ROOT, 'seeds', first), 'utf8') });
  assert.equal(runCli([...base, 'index']).code, 0);
  const big = outsized();
  for (let i = 0; i < 12; i++)
    fs.writeFileSync(path.join(corpus, `arsip-${i}.txt`), big.replace(/^Arsip/, `Arsip ${i}`));
  // One file of 6.3 million characters too: it is split, embedded and written a part at a time.
  fs.writeFileSync(path.join(corpus, 'besar.txt'), big.repeat(7));
  for (const after of [800, 2500, 4500]) {
    const run = await interruptIndex(base, after);
    // Pressed before kabar listens (while Node starts), Ctrl+C ends the process by the signal at once (the
    // shell's 130); what kabar itself does after the signal is timed.
    assert.ok(
      run.code === 130 || run.signal === 'SIGINT',
      `after ${after} ms: ${run.code} ${run.signal} ${run.stderr}`,
    );
    if (run.code === 130) {
      assert.ok(run.latency < 1000, `pressed after ${after} ms, stopped ${Math.round(run.latency)} ms later`);
      assert.match(run.stderr, /Indexing cancelled; the previous index is unchanged/);
    }
    const info = runCli([...base, 'info']);
    assert.match(info.stdout, /\n\S+ +1 +\d+ +0 /, 'the index still holds the one article it had');
  }
});

test('small things: JSON errors under --json, one exit code for an empty question or query, show by a unique prefix, no index folder after an early failure, doctor wording', (t) => {
  const { dir, base } = corpusOf(t, {
    '002_berita.txt': FLOOD,
    '003_lain.txt': 'Judul lain\n\nIsi berita lain di sini.\n',
  });
  const missing = runCli([
    '--corpus',
    path.join(dir, 'nope'),
    '--index',
    path.join(dir, 'i2'),
    'search',
    '--json',
    'x',
  ]);
  assert.equal(missing.code, 2);
  assert.equal(JSON.parse(missing.stdout).error.code, 'CORPUS_MISSING');
  assert.match(JSON.parse(missing.stdout).error.message, /does not exist/);
  const usage = runCli([...base, 'search', '--json', '--bogus', 'x']);
  assert.equal(usage.code, 2);
  assert.equal(JSON.parse(usage.stdout).error.code, 'BAD_USAGE');
  for (const command of ['ask', 'search'])
    for (const json of [[], ['--json']])
      assert.equal(runCli([...base, command, ...json, '  ']).code, 2, `${command} ${json}`);
  const prefix = runCli([...base, 'show', '--json', '002#0']);
  assert.equal(prefix.code, 0, prefix.stderr);
  assert.equal(JSON.parse(prefix.stdout).id, '002_berita.txt#0');
  const ambiguous = runCli([...base, 'show', '00#0']);
  assert.equal(ambiguous.code, 1);
  assert.match(
    ambiguous.stderr,
    /00 is the start of 2 article ids\. Give more of the id: 002_berita\.txt#0, 003_lain\.txt#0/,
  );
  const near = runCli([...base, 'show', '002_berita.tx#7']);
  assert.match(near.stderr, /Did you mean 002_berita\.txt#0/);
  const empty = path.join(dir, 'empty');
  fs.mkdirSync(empty);
  const failed = runCli(['--corpus', empty, '--index', path.join(dir, 'never'), 'search', 'x']);
  assert.equal(failed.code, 2);
  assert.ok(!fs.existsSync(path.join(dir, 'never')), 'no index folder is left behind');
  const doctor = runCli([...base, 'doctor']);
  assert.match(doctor.stdout, /1 index built, holding 2 articles/);
});

test('an abstention names the closest passage (closest in --json); --min-confidence sets the answer threshold', (t) => {
  const { base } = corpusOf(t, { 'flood.txt': FLOOD });
  const none = runCli([...base, 'ask', '--json', 'Who won the football match in Surabaya?']);
  assert.equal(none.code, 0, none.stderr);
  const abstained = JSON.parse(none.stdout);
  assert.equal(abstained.abstained, true);
  assert.equal(abstained.closest.file, 'flood.txt');
  assert.match(abstained.answer, /^The articles don't say: .* The closest passage is flood\.txt#0: "Heavy rain/);
  const text = runCli([...base, 'ask', 'Who won the football match in Surabaya?']);
  assert.match(text.stdout, /The closest passage is flood\.txt#0/);
  const sure = JSON.parse(runCli([...base, 'ask', '--json', 'Why did the Ciliwung river overflow?']).stdout);
  assert.equal(sure.abstained, false);
  assert.equal(sure.closest, undefined, 'an answer has no closest passage');
  const strict = runCli([...base, 'ask', '--json', '--min-confidence', '1', 'Why did the Ciliwung river overflow?']);
  const doubted = JSON.parse(strict.stdout);
  assert.equal(doubted.abstained, true, 'below the threshold the answer becomes an abstention');
  assert.deepEqual(doubted.citations, []);
  assert.equal(doubted.closest.text, sure.support.text, 'naming the sentence it would have quoted');
  assert.equal(runCli([...base, 'ask', '--min-confidence', '1.5', 'x']).code, 2);
});

test('ask --batch: one question per line in (a file or -), one JSON object per question out, in order', (t) => {
  const { dir, base } = corpusOf(t, { 'flood.txt': FLOOD });
  const questions =
    'Why did the Ciliwung river overflow?\n\nWho won the football match in Surabaya?\nHow many people were evacuated?\n';
  const file = path.join(dir, 'questions.txt');
  fs.writeFileSync(file, questions);
  for (const [args, input] of [[['--batch', file]], [['--batch', '-'], questions]] as [string[], string?][]) {
    const run = runCli([...base, 'ask', ...args], { input });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((a) => [a.question, a.abstained]),
      [
        ['Why did the Ciliwung river overflow?', false],
        ['Who won the football match in Surabaya?', true],
        ['How many people were evacuated?', false],
      ],
    );
  }
  assert.equal(runCli([...base, 'ask', '--batch', file, 'and a question']).code, 2);
  assert.equal(runCli([...base, 'ask', '--batch', '-'], { input: '\n\n' }).code, 2);
  assert.equal(runCli([...base, 'ask', '--batch', path.join(dir, 'none.txt')]).code, 2);
});

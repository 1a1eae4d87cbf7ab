/**
 * Counts the passages that still hold site boilerplate, over the Indonesian news of the training corpora:
 *
 *   node --import tsx scripts/eval/boilerplate.ts [CORPORA_DIR]
 *
 * Every article of `id/news-scrape.jsonl.gz` and `id/indosum.jsonl.gz` (CORPORA_DIR defaults to
 * `../shared/corpora`) is read as a user's `.txt` file (title line, blank line, text) and cut into passages
 * by the indexing code, with the lines the corpus repeats counted first as a refresh counts them. A passage
 * holds boilerplate when it contains one of the markers ("Baca juga", "Simak juga", "SCROLL TO
 * CONTINUE WITH CONTENT", "ADVERTISEMENT") or one of the lines found repeated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { articleFromSource } from '../../src/core/corpus/article.js';
import { countLines, lineKey, recurringLines, type LineCounts } from '../../src/core/corpus/boilerplate.js';
import { textArticle } from '../../src/core/sources/text.js';
import { BOILERPLATE, DEFAULT_CHUNKING } from '../../src/core/settings.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpora = path.resolve(process.argv[2] ?? path.join(ROOT, '../shared/corpora'));
const MARKERS = /baca juga|simak juga|scroll to continue with content|advertisement/i;

const articles: { file: string; text: string }[] = [];
for (const name of ['news-scrape', 'indosum']) {
  const file = path.join(corpora, 'id', `${name}.jsonl.gz`);
  if (!fs.existsSync(file)) {
    console.error(`${file} does not exist; give the folder that holds id/*.jsonl.gz as the first argument.`);
    process.exit(2);
  }
  for (const line of zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; title: string; text: string };
    articles.push({ file: `${r.id}.txt`, text: r.title ? `${r.title}\n\n${r.text}` : r.text });
  }
}
const counts: LineCounts = {};
for (const a of articles) countLines(counts, a.text, 1, BOILERPLATE);
const recurring = recurringLines(counts, articles.length, BOILERPLATE);
const repeated = new Set(recurring);
let passages = 0;
let marked = 0;
let withRepeated = 0;
for (const a of articles) {
  const isBoilerplate = (line: string) => repeated.has(lineKey(line));
  for (const p of articleFromSource(textArticle(a.file, a.text, false), DEFAULT_CHUNKING, isBoilerplate).passages) {
    passages++;
    if (MARKERS.test(p.text)) marked++;
    if (p.text.split('\n').some((line) => repeated.has(lineKey(line)))) withRepeated++;
  }
}
console.log(`${articles.length} articles, ${passages} passages`);
console.log(`passages with a marker (Baca juga, Simak juga, SCROLL TO CONTINUE, ADVERTISEMENT): ${marked}`);
console.log(`passages with a line repeated across articles: ${withRepeated}`);
console.log(`lines treated as boilerplate (${recurring.length}):`);
for (const line of recurring.slice(0, 15)) console.log(`  ${counts[line]}\t${line}`);

// `node --import tsx bench/paragraph-records.ts ARCHIVE.jsonl OUT_DIR [--prefix P] [--limit N]`
// Turns a JSONL archive written by `npm run bench -- --format jsonl --corpus-only --keep` into many short
// articles: each paragraph becomes a record of its own (same metadata, id `<id>-p<n>`), written twice, as
// one archive OUT_DIR/jsonl/corpus/corpus.jsonl and as the same articles in .txt files under
// OUT_DIR/txt/corpus (the bench's text form, 1000 per folder), so the two formats can be indexed side by side.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { jsonLines } from '../src/core/text/json-lines.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { prefix: { type: 'string', default: '' }, limit: { type: 'string' } },
});
const [input, out] = positionals;
if (!input || !out) throw new Error('usage: paragraph-records.ts ARCHIVE.jsonl OUT_DIR [--prefix P] [--limit N]');
const limit = values.limit ? Number(values.limit) : Infinity;
const jsonl = path.join(out, 'jsonl', 'corpus');
const txt = path.join(out, 'txt', 'corpus');
fs.mkdirSync(jsonl, { recursive: true });
fs.mkdirSync(txt, { recursive: true });

interface BenchRecord {
  id: string;
  title: string;
  date: string;
  source: string;
  url: string;
  text: string;
}
const lines: string[] = [];
let n = 0;
for (const row of jsonLines(fs.readFileSync(input, 'utf8'))) {
  if (row.error !== undefined) throw new Error(`${input}:${row.line}: ${row.error}`);
  const a = row.value as BenchRecord;
  for (const [i, paragraph] of a.text.split('\n\n').entries()) {
    if (n >= limit) break;
    const id = `${values.prefix}${a.id}-p${i}`;
    lines.push(
      `${JSON.stringify({ id, title: a.title, date: a.date, source: a.source, url: `${a.url}#p${i}`, text: paragraph })}\n`,
    );
    const folder = path.join(txt, `${String(Math.floor(n / 1000)).padStart(4, '0')}${values.prefix}`);
    if (n % 1000 === 0) fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${id}.txt`), `date ${a.date} ${a.source}- ${paragraph}\n`);
    n++;
  }
}
fs.writeFileSync(path.join(jsonl, 'corpus.jsonl'), lines.join(''));
console.log(JSON.stringify({ records: n, bytes: fs.statSync(path.join(jsonl, 'corpus.jsonl')).size }));

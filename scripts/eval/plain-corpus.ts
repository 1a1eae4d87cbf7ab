/**
 * Writes the held-out articles of the training corpora as one JSON Lines archive kabar can index, for
 * `eval/plain.jsonl`:
 *
 *   node --import tsx scripts/eval/plain-corpus.ts [CORPORA_DIR] OUT_DIR
 *
 * CORPORA_DIR (default `../shared/corpora`, relative to the repo root) holds `{id,en}/*.jsonl.gz`, one
 * `{"id","title","text","source"}` object per line. An article is held out when the first hex digit of
 * sha1(its id) is `0`: readers trained on these corpora never see those articles, so questions about
 * them measure reading, not memory. Every held-out article is written (about 2,500), so the ones no
 * question points at act as distractors. The archive is OUT_DIR/plain.jsonl; its records are named
 * `plain.jsonl:<id>` once indexed, which is how `eval/plain.jsonl` names its sources. Files and lines
 * are read in sorted order, so the same corpora give the same archive.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_CORPORA = path.resolve(ROOT, '../shared/corpora');
const ARCHIVE = 'plain.jsonl';
const LANGS = ['id', 'en'] as const;

/** The articles no reader is trained on: sha1 of the id starts with this digit. */
const isHeldOut = (id: string): boolean => crypto.createHash('sha1').update(id, 'utf8').digest('hex')[0] === '0';

interface CorpusRecord {
  id: string;
  title: string;
  text: string;
  source: string;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function readGzipLines(file: string): string[] {
  try {
    return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  } catch {
    return fail(`${file} could not be read as a gzip file; rebuild the corpora or leave that file out.`);
  }
}

/** A corpus record, or null when the line is not one (its text is never echoed). */
function parseRecord(line: string): CorpusRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  const fields = ['id', 'title', 'text', 'source'] as const;
  return fields.every((field) => typeof record[field] === 'string') ? (record as unknown as CorpusRecord) : null;
}

const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2)
  fail('Usage: node --import tsx scripts/eval/plain-corpus.ts [CORPORA_DIR] OUT_DIR');
const corpora = args.length === 2 ? path.resolve(args[0]) : DEFAULT_CORPORA;
const out = path.resolve(args[args.length - 1]);
if (!fs.existsSync(corpora) || !fs.statSync(corpora).isDirectory()) {
  fail(
    `The corpora folder ${corpora} does not exist; give the folder that holds id/ and en/ *.jsonl.gz files as the first argument.`,
  );
}

const lines: string[] = [];
const counts: Record<string, number> = {};
for (const lang of LANGS) {
  const folder = path.join(corpora, lang);
  if (!fs.existsSync(folder)) continue;
  for (const name of fs
    .readdirSync(folder)
    .filter((n) => n.endsWith('.jsonl.gz'))
    .sort()) {
    const file = path.join(folder, name);
    for (const [index, line] of readGzipLines(file).entries()) {
      if (line.trim() === '') continue;
      const record = parseRecord(line);
      if (!record)
        fail(
          `${file} line ${index + 1} is not a {"id","title","text","source"} record; rebuild the corpora or leave that file out.`,
        );
      if (!isHeldOut(record.id)) continue;
      lines.push(
        `${JSON.stringify({ id: record.id, title: record.title, text: record.text, source: record.source, lang })}\n`,
      );
      counts[`${lang}/${name}`] = (counts[`${lang}/${name}`] ?? 0) + 1;
    }
  }
}
if (lines.length === 0)
  fail(`No held-out article was found in ${corpora}; give the folder that holds id/ and en/ *.jsonl.gz files.`);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, ARCHIVE), lines.join(''));
console.log(JSON.stringify({ archive: path.join(out, ARCHIVE), articles: lines.length, counts }));

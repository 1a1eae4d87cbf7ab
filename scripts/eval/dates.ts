/**
 * Scores the publication dates and outlets kabar reads from articles against hand labels:
 *
 *   node --import tsx scripts/eval/dates.ts [LABELS] [CORPORA_DIR]
 *
 * LABELS (default `eval/dates.jsonl`) holds one `{"id","date","dateFrom","outlet"}` object per line: the
 * article's id in the training corpora, the publication date its opening shows (`YYYY-MM-DD`, or null for
 * unknown), where that date is (`dateline` or `lead`), and the outlet its opening names (or null).
 * CORPORA_DIR (default `../shared/corpora`, relative to the repo root) holds `{id,en}/*.jsonl.gz`. Each
 * labelled article is read as a user's `.txt` file is (its title on the first line, a blank line, the
 * text) through the same code the index uses, and the table of the issue is printed (`--json` for JSON).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { articleFromSource } from '../../src/core/corpus/article.js';
import { textArticle } from '../../src/core/sources/text.js';
import { DEFAULT_CHUNKING } from '../../src/core/settings.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Label {
  id: string;
  date: string | null;
  dateFrom: 'dateline' | 'lead' | null;
  outlet: string | null;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const args = process.argv.slice(2).filter((a) => a !== '--json');
const json = process.argv.includes('--json');
const labelsFile = path.resolve(args[0] ?? path.join(ROOT, 'eval/dates.jsonl'));
const corpora = path.resolve(args[1] ?? path.join(ROOT, '../shared/corpora'));
if (!fs.existsSync(labelsFile)) fail(`The labels file ${labelsFile} does not exist; give it as the first argument.`);
if (!fs.existsSync(corpora)) fail(`The corpora folder ${corpora} does not exist; give it as the second argument.`);

const labels = fs
  .readFileSync(labelsFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line, i) => {
    try {
      return JSON.parse(line) as Label;
    } catch {
      return fail(`Line ${i + 1} of ${labelsFile} is not JSON.`);
    }
  });
const wanted = new Set(labels.map((l) => l.id));
const texts = new Map<string, string>();
for (const lang of ['id', 'en']) {
  const folder = path.join(corpora, lang);
  if (!fs.existsSync(folder)) continue;
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.jsonl.gz'))) {
    for (const line of zlib
      .gunzipSync(fs.readFileSync(path.join(folder, name)))
      .toString('utf8')
      .split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { id: string; title: string; text: string };
      if (wanted.has(record.id)) texts.set(record.id, record.title ? `${record.title}\n\n${record.text}` : record.text);
    }
  }
}
const missing = labels.filter((l) => !texts.has(l.id));
if (missing.length) fail(`${missing.length} labelled articles are not in ${corpora} (first: ${missing[0].id}).`);

/** Outlets compare without case, punctuation or a web suffix: "KOMPAS.com" is "Kompas". */
const outletKey = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\.(?:co\.id|com|co|net|id)\.?$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const rows = labels.map((label) => {
  const file = `${label.id}.txt`;
  const { article } = articleFromSource(textArticle(file, texts.get(label.id)!, false), DEFAULT_CHUNKING);
  return { label, date: article.date, outlet: article.source };
});
const share = (n: number, of: number) => ({ n, of, rate: of ? n / of : null });
const named = rows.filter((r) => r.label.outlet);
const dated = rows.filter((r) => r.label.date);
const result = {
  articles: rows.length,
  outletRight: share(
    named.filter((r) => r.outlet && outletKey(r.outlet) === outletKey(r.label.outlet!)).length,
    named.length,
  ),
  outletWhereNone: share(rows.filter((r) => !r.label.outlet && r.outlet).length, rows.length - named.length),
  dateGiven: share(dated.filter((r) => r.date).length, dated.length),
  dateGivenDateline: share(
    dated.filter((r) => r.label.dateFrom === 'dateline' && r.date).length,
    dated.filter((r) => r.label.dateFrom === 'dateline').length,
  ),
  dateRight: share(dated.filter((r) => r.date === r.label.date).length, dated.length),
  dateWrong: share(rows.filter((r) => r.date && r.date !== r.label.date).length, rows.length),
  errors: rows
    .filter(
      (r) =>
        r.date !== r.label.date ||
        (r.label.outlet ? !r.outlet || outletKey(r.outlet) !== outletKey(r.label.outlet) : r.outlet !== null),
    )
    .map((r) => ({
      id: r.label.id,
      label: { date: r.label.date, outlet: r.label.outlet },
      kabar: { date: r.date, outlet: r.outlet },
    })),
};
if (json) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const pct = (s: { n: number; of: number; rate: number | null }) =>
    `${s.n}/${s.of} (${s.rate === null ? '–' : `${(100 * s.rate).toFixed(1)}%`})`;
  console.log(`${rows.length} labelled articles (${labelsFile})`);
  console.log(`outlet right, of articles whose opening names one   ${pct(result.outletRight)}   target >= 90%`);
  console.log(`an outlet given where the opening names none         ${pct(result.outletWhereNone)}`);
  console.log(`a date given, of articles whose opening shows one   ${pct(result.dateGiven)}   target >= 90%`);
  console.log(`  of those in the dateline itself                    ${pct(result.dateGivenDateline)}`);
  console.log(`the right date, of articles whose opening shows one ${pct(result.dateRight)}`);
  console.log(`a wrong date (other than the label, or none due)    ${pct(result.dateWrong)}   target <= 1%`);
  for (const e of result.errors)
    console.log(
      `  ${e.id}: labelled ${e.label.date ?? 'unknown'} / ${e.label.outlet ?? 'unknown'}; kabar ${e.kabar.date ?? 'unknown'} / ${e.kabar.outlet ?? 'unknown'}`,
    );
}

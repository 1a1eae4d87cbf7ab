import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { SyntheticArticle } from './synthetic-corpus.js';

export type CorpusFormat = 'txt' | 'jsonl';

/** Files per sub-folder of a `.txt` corpus. */
const PER_FOLDER = 1000;
export const ARCHIVE = 'corpus.jsonl';

const record = (a: SyntheticArticle) =>
  JSON.stringify({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url, text: a.text });

/** Where a `.txt` article lives in the corpus folder. */
export const articlePath = (dir: string, id: string, n: number): string =>
  path.join(dir, String(Math.floor(n / PER_FOLDER)).padStart(4, '0'), `${id}.txt`);

/**
 * Writes a corpus: `txt`, one kabar article file per article in folders of 1000; `jsonl`, one archive
 * `corpus.jsonl` of `{id,title,date,source,url,text}` records. Returns counts.
 */
export function writeCorpus(
  dir: string,
  format: CorpusFormat,
  articles: Iterable<SyntheticArticle>,
): { articles: number; passages: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  let passages = 0;
  let bytes = 0;
  const archive = format === 'jsonl' ? fs.openSync(path.join(dir, ARCHIVE), 'w') : null;
  let pending: string[] = [];
  const flush = () => {
    if (archive !== null && pending.length > 0) fs.writeSync(archive, pending.join(''));
    pending = [];
  };
  for (const article of articles) {
    if (archive === null) {
      const file = articlePath(dir, article.id, count);
      if (count % PER_FOLDER === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, article.file);
      bytes += Buffer.byteLength(article.file);
    } else {
      const line = `${record(article)}\n`;
      pending.push(line);
      bytes += Buffer.byteLength(line);
      if (pending.length >= PER_FOLDER) flush();
    }
    count++;
    passages += article.passages;
  }
  flush();
  if (archive !== null) fs.closeSync(archive);
  return { articles: count, passages, bytes };
}

/**
 * The refresh the benchmark measures: one article changed (a sentence appended), one added, one
 * deleted. In an archive that means rewriting the archive (streamed) with those three records changed.
 */
export async function changeOneAddOneDeleteOne(
  dir: string,
  format: CorpusFormat,
  added: SyntheticArticle,
  articleCount: number,
): Promise<void> {
  const sentence = 'Kalimat tambahan tentang rapat anggaran di Surabaya pada hari Senin.';
  if (format === 'txt') {
    fs.appendFileSync(articlePath(dir, 'a0000000', 0), `\n${sentence}\n`);
    fs.rmSync(articlePath(dir, 'a0000001', 1));
    fs.writeFileSync(articlePath(dir, added.id, articleCount), added.file);
    return;
  }
  const file = path.join(dir, ARCHIVE);
  const tmp = `${file}.tmp`;
  const out = fs.openSync(tmp, 'w');
  let n = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    if (n === 0) {
      const first = JSON.parse(line) as { text: string };
      fs.writeSync(out, `${JSON.stringify({ ...first, text: `${first.text}\n\n${sentence}` })}\n`);
    } else if (n !== 1) {
      fs.writeSync(out, `${line}\n`);
    }
    n++;
  }
  fs.writeSync(out, `${record(added)}\n`);
  fs.closeSync(out);
  fs.renameSync(tmp, file);
}

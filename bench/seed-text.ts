import fs from 'node:fs';
import path from 'node:path';
import { cleanArticle, sentenceBlocks } from '../src/core/corpus/clean.js';

/** What the generator recombines: each seed article's sentences and the names they use. */
export interface SeedText {
  articles: string[][];
  names: string[];
}

/** A capitalised word inside a sentence (not its first word): taken for a name. */
export const NAME = /(?<=[\p{L}\p{N},;:)"'] )\p{Lu}\p{Ll}{2,}/gu;

/** Reads every `.txt` article under `dir` with kabar's own cleaning and sentence splitting. */
export function readSeedText(dir: string): SeedText {
  const articles: string[][] = [];
  const names = new Set<string>();
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const raw = fs.readFileSync(path.join(dir, file), 'utf8');
    const cleaned = cleanArticle(raw);
    const sentences = sentenceBlocks(raw, cleaned.runs)
      .flat()
      .map((s) => s.text.replace(/\s+/g, ' '));
    if (sentences.length === 0) continue;
    articles.push(sentences);
    for (const sentence of sentences) for (const [name] of sentence.matchAll(NAME)) names.add(name);
  }
  if (articles.length === 0) throw new Error(`no .txt articles under ${dir}`);
  return { articles, names: [...names].sort() };
}

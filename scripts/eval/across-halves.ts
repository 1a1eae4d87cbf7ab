/**
 * Splits the scores of `kabar eval eval/across.jsonl --json` into two halves by question id: a tuning half
 * (the first hex digit of sha1(id) is 0–7) and a check half (8–f). Changes are chosen on the tuning half;
 * the check half shows whether they hold on questions they were not chosen on. Prints, per kind and half,
 * precision, recall and F1 of the lines (lists, timelines) or the coverage of the facts (briefs):
 *
 *   node dist/cli.js … eval eval/across.jsonl --json > scores.json
 *   node --import tsx scripts/eval/across-halves.ts scores.json
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

interface ItemScore {
  id: string;
  kind: 'list' | 'timeline' | 'brief';
  lines: number;
  matched: number;
  gold: number;
}

const half = (id: string) => (parseInt(createHash('sha1').update(id).digest('hex')[0], 16) < 8 ? 'tune' : 'check');
const [file] = process.argv.slice(2);
if (!file) {
  console.error('Give the JSON file kabar eval --json wrote for eval/across.jsonl.');
  process.exit(1);
}
const { items } = JSON.parse(fs.readFileSync(file, 'utf8')) as { items: ItemScore[] };
const totals = new Map<string, { questions: number; lines: number; matched: number; gold: number }>();
for (const item of items) {
  const key = `${item.kind} ${half(item.id)}`;
  const t = totals.get(key) ?? { questions: 0, lines: 0, matched: 0, gold: 0 };
  t.questions++;
  t.lines += item.lines;
  t.matched += item.matched;
  t.gold += item.gold;
  totals.set(key, t);
}
const round = (x: number) => Math.round(x * 1000) / 1000;
const report = Object.fromEntries(
  [...totals].sort().map(([key, t]) => {
    if (key.startsWith('brief')) return [key, { questions: t.questions, coverage: round(t.matched / t.gold) }];
    const precision = t.lines ? t.matched / t.lines : 0;
    const recall = t.matched / t.gold;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return [key, { questions: t.questions, precision: round(precision), recall: round(recall), f1: round(f1) }];
  }),
);
console.log(JSON.stringify(report, null, 2));

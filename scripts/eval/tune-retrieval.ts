/**
 * Measures retrieval on a question set with some settings changed, without rebuilding anything: how the
 * fusion, rerank and translation numbers of src/core/settings.ts were chosen (docs/retrieval.md).
 *
 *   node --import tsx scripts/eval/tune-retrieval.ts CORPUS INDEX QUESTIONS ['{"DEFAULT_RETRIEVER":{"denseWeight":0.15}}']
 *
 * The overrides name an exported settings object and the fields to change (a nested object is merged);
 * they are applied before the engine loads. Prints one JSON line: R@1, R@5 and MRR over the distinct
 * articles of `kabar search`'s top 10, as `kabar eval` counts them.
 */
import fs from 'node:fs';
import * as settings from '../../src/core/settings.js';

const [corpus, index, questionsFile, overrides = '{}'] = process.argv.slice(2);
if (!questionsFile) throw new Error('usage: tune-retrieval.ts CORPUS INDEX QUESTIONS [OVERRIDES_JSON]');
const changes = JSON.parse(overrides) as Record<string, Record<string, unknown>>;
for (const [name, fields] of Object.entries(changes)) {
  const target = (settings as unknown as Record<string, Record<string, unknown>>)[name];
  if (typeof target !== 'object') throw new Error(`no settings object ${name} in src/core/settings.ts`);
  for (const [field, value] of Object.entries(fields))
    if (typeof value === 'object' && value !== null) Object.assign(target[field] as object, value);
    else target[field] = value;
}
const { loadConfig } = await import('../../src/core/config/config.js');
const { openEngineFromConfig } = await import('../../src/core/open.js');
const { loadQuestions } = await import('../../src/core/evaluation.js');
const engine = await openEngineFromConfig(loadConfig({}, { corpus, index }));
const { questions } = loadQuestions(fs.readFileSync(questionsFile, 'utf8'), questionsFile);
const K = 10;
let n = 0;
let r1 = 0;
let r5 = 0;
let mrr = 0;
for (const q of questions) {
  if (q.sources.length === 0) continue;
  const { hits } = await engine.search(q.question, { k: K, filters: q.filters ?? {} });
  const files: string[] = [];
  for (const hit of hits)
    for (const file of [hit.passage.file, ...hit.related.map((r) => r.file)])
      if (!files.includes(file)) files.push(file);
  const rank = files.slice(0, K).findIndex((f) => q.sources.includes(f)) + 1;
  n++;
  if (rank === 1) r1++;
  if (rank >= 1 && rank <= 5) r5++;
  if (rank >= 1) mrr += 1 / rank;
}
const round = (x: number) => Math.round((x / n) * 10_000) / 10_000;
console.log(JSON.stringify({ overrides: changes, questions: n, r1: round(r1), r5: round(r5), mrr: round(mrr) }));
await engine.close();

/**
 * Chooses the neural reader's no-answer threshold on the dev splits and writes it into the model's
 * config.json, with the dev figures at that threshold.
 *
 *   node --import tsx scripts/reader/neural/calibrate.ts <modelDir> [benchDir]
 *
 * Every dev question is answered as `ask` answers it (kabar's retrieval, the answerer's passages and
 * model run), and scored with `eval`'s metrics at each candidate threshold. The operating point: FacQA
 * dev false abstention at most 0.08 and, on IDK-MRC dev, the most right decisions with false abstention
 * at most 0.20.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine } from '../../../src/core/engine.js';
import { DEFAULT_K } from '../../../src/core/settings.js';
import { loadQuestions } from '../../../src/core/eval/dataset.js';
import { computeMetrics, type EvalOutcome } from '../../../src/core/eval/metrics.js';
import { analyseQuery } from '../../../src/core/question/query.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import { DEFAULT_NEURAL, passagesRead } from '../../../src/core/answer/neural/answerer.js';
import { loadReaderModel, CONFIG_FILE } from '../../../src/core/answer/neural/model.js';
import { readPassages, type NeuralReading } from '../../../src/core/answer/neural/read.js';
import { renderShort } from '../../../src/core/answer/reader/render.js';
import type { EvalQuestion } from '../../../src/core/eval/dataset.js';
import { CACHE_DIR } from '../collect.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LIMITS = { facqaFalse: 0.08, idkmrcFalse: 0.2 };
/** Candidate thresholds on log P(span) - log P(no answer). */
const GRID = Array.from({ length: 241 }, (_, i) => -12 + i * 0.1);

interface Read {
  question: EvalQuestion;
  retrievedFiles: string[];
  reading: NeuralReading | null;
  shown: string;
}

async function readSet(name: string, corpus: string, questionsFile: string, modelDir: string): Promise<Read[]> {
  const indexDir = path.join(CACHE_DIR, name);
  const engine = await openEngine({
    config: loadConfig({}, { corpus, index: indexDir }),
    embedder: createHashingEmbedder(),
    createAnswerer: () => ({ name: 'none', answer: async function* () {} }),
  });
  const model = await loadReaderModel(modelDir);
  const questions = loadQuestions(fs.readFileSync(questionsFile, 'utf8'), questionsFile).questions;
  const out: Read[] = [];
  for (const question of questions) {
    const { query, hits } = await engine.search(question.question, { k: DEFAULT_K, filters: question.filters });
    const records = await passagesRead(engine.store, hits, DEFAULT_NEURAL.depth);
    const reading = await readPassages(query.text, query.lang, records, engine.analyzer, model);
    const shown = reading
      ? renderShort(
          reading.span.text,
          reading.record.article.lang,
          analyseQuery(question.question, engine.analyzer).lang,
        )
      : '';
    out.push({
      question,
      retrievedFiles: hits.flatMap((h) => [h.passage.file, ...h.related.map((r) => r.file)]),
      reading,
      shown,
    });
  }
  await engine.close();
  return out;
}

/** eval's metrics for a set when kabar answers above `threshold`. */
function metricsAt(reads: Read[], threshold: number) {
  const outcomes: EvalOutcome[] = reads.map(({ question, retrievedFiles, reading, shown }) => {
    const abstained = !reading || reading.margin <= threshold;
    return {
      question,
      retrievedFiles,
      answer: abstained ? '' : `${shown} [1]`,
      abstained,
      citedFiles: abstained || !reading ? [] : [reading.record.article.file],
      latencyMs: 0,
      ...(abstained || !reading
        ? {}
        : { short: reading.span.text, support: reading.support.text, citedTexts: [reading.support.text] }),
    };
  });
  const m = computeMetrics(outcomes, DEFAULT_K);
  return {
    hit: m.answers.hit,
    exactMatch: m.answers.exactMatch,
    answerableF1: m.answers.answerableF1,
    rightDecisions: m.answers.rightDecision,
    falseAbstention: m.abstention.falseRate,
    abstentionRecall: m.abstention.recall,
  };
}

async function main() {
  const [modelDir, benchArg] = process.argv.slice(2);
  if (!modelDir) throw new Error('usage: calibrate.ts <modelDir> [benchDir]');
  const bench = path.resolve(benchArg ?? path.join(ROOT, '../shared/bench'));
  const facqa = await readSet('facqa-dev', `${bench}/facqa/articles`, `${bench}/facqa/dev.jsonl`, modelDir);
  const idkmrc = await readSet(
    'idkmrc-dev',
    `${bench}/idkmrc/dev/articles`,
    `${bench}/idkmrc/dev/questions.jsonl`,
    modelDir,
  );
  const rows = GRID.map((threshold) => ({
    threshold: Math.round(threshold * 10) / 10,
    facqa: metricsAt(facqa, threshold),
    idkmrc: metricsAt(idkmrc, threshold),
  }));
  const allowed = rows.filter(
    (r) => (r.facqa.falseAbstention ?? 1) <= LIMITS.facqaFalse && (r.idkmrc.falseAbstention ?? 1) <= LIMITS.idkmrcFalse,
  );
  const pool = allowed.length > 0 ? allowed : rows.filter((r) => (r.facqa.falseAbstention ?? 1) <= LIMITS.facqaFalse);
  const chosen = pool.reduce(
    (best, r) => ((r.idkmrc.rightDecisions ?? 0) > (best.idkmrc.rightDecisions ?? 0) ? r : best),
    pool[0],
  );
  const file = path.join(modelDir, CONFIG_FILE);
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(
    file,
    JSON.stringify(
      { ...config, threshold: chosen.threshold, dev: { facqa: chosen.facqa, idkmrc: chosen.idkmrc } },
      null,
      2,
    ) + '\n',
  );
  for (const r of rows.filter((_, i) => i % 10 === 0)) console.log(JSON.stringify(r));
  console.log(
    `chosen ${allowed.length > 0 ? '' : '(no threshold meets both limits: FacQA false abstention kept) '}${JSON.stringify(chosen)}`,
  );
}

await main();

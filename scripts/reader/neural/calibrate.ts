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
import { outcomeOf } from '../../../src/core/eval/run.js';
import { ExtractiveAnswerer } from '../../../src/core/answer/extractive.js';
import type { JointDecision } from '../../../src/core/answer/neural/model.js';
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
  /** The rules-and-features reader's outcome for the same question, for the joint decision. */
  features: EvalOutcome;
  /** Whether one of that reader's checks refused to answer (see ExtractiveAnswerer.read). */
  refused: boolean;
}

async function readSet(name: string, corpus: string, questionsFile: string, modelDir: string): Promise<Read[]> {
  const indexDir = path.join(CACHE_DIR, name);
  const engine = await openEngine({
    config: loadConfig({}, { corpus, index: indexDir }),
    embedder: createHashingEmbedder(),
    createAnswerer: () => ({ name: 'none', answer: async function* () {} }),
  });
  const model = await loadReaderModel(modelDir);
  const features = new ExtractiveAnswerer(engine.store, engine.analyzer);
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
    const theirs = await features.read({ question: question.question, query, hits, history: [] });
    out.push({
      question,
      retrievedFiles: hits.flatMap((h) => [h.passage.file, ...h.related.map((r) => r.file)]),
      reading,
      shown,
      features: outcomeOf(question, theirs.answer, 0),
      refused: theirs.refused,
    });
  }
  await engine.close();
  return out;
}

/** The neural reader's outcome when it answers (or abstains). */
function neuralOutcome({ question, retrievedFiles, reading, shown }: Read, abstained: boolean): EvalOutcome {
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
}

const marginOf = (read: Read) => read.reading?.margin ?? -Infinity;

/** The neural reader alone: it answers above `threshold`. */
const alone = (threshold: number) => (read: Read) => neuralOutcome(read, marginOf(read) <= threshold);

/**
 * Both readers (see JointDecision): the features reader's answer stands when the neural margin is above
 * `veto`; when the features reader abstains, the neural answer is given when its margin is above `rescue`,
 * unless one of that reader's checks refused.
 */
const joint =
  ({ veto, rescue }: JointDecision) =>
  (read: Read): EvalOutcome =>
    read.refused
      ? read.features
      : !read.features.abstained
        ? marginOf(read) > veto
          ? read.features
          : neuralOutcome(read, true)
        : neuralOutcome(read, marginOf(read) <= rescue);

/** eval's metrics for a set under one decision rule. */
function metricsOf(reads: Read[], decide: (read: Read) => EvalOutcome) {
  const m = computeMetrics(reads.map(decide), DEFAULT_K);
  return {
    hit: m.answers.hit,
    exactMatch: m.answers.exactMatch,
    answerableF1: m.answers.answerableF1,
    rightDecisions: m.answers.rightDecision,
    falseAbstention: m.abstention.falseRate,
    abstentionRecall: m.abstention.recall,
  };
}

type Figures = ReturnType<typeof metricsOf>;
interface Candidate<T> {
  at: T;
  facqa: Figures;
  idkmrc: Figures;
}

/** The operating point among `rows`: both false-abstention limits met, then the most right decisions on IDK-MRC dev. */
function choose<T>(rows: Candidate<T>[]): { chosen: Candidate<T>; metLimits: boolean } {
  const allowed = rows.filter(
    (r) => (r.facqa.falseAbstention ?? 1) <= LIMITS.facqaFalse && (r.idkmrc.falseAbstention ?? 1) <= LIMITS.idkmrcFalse,
  );
  const pool = allowed.length > 0 ? allowed : rows.filter((r) => (r.facqa.falseAbstention ?? 1) <= LIMITS.facqaFalse);
  const chosen = pool.reduce(
    (best, r) => ((r.idkmrc.rightDecisions ?? 0) > (best.idkmrc.rightDecisions ?? 0) ? r : best),
    pool[0],
  );
  return { chosen, metLimits: allowed.length > 0 };
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
  const round = (x: number) => Math.round(x * 10) / 10;
  const single = choose(
    GRID.map((t) => ({ at: round(t), facqa: metricsOf(facqa, alone(t)), idkmrc: metricsOf(idkmrc, alone(t)) })),
  );
  // The dev splits are Indonesian questions over Indonesian articles: the margins are chosen for those.
  const pairs = GRID.filter((_, i) => i % 2 === 0).flatMap((veto) =>
    GRID.filter((_, i) => i % 2 === 0).map((rescue) => {
      const at = { veto: round(veto), rescue: round(rescue), lang: 'id' as const };
      return { at, facqa: metricsOf(facqa, joint(at)), idkmrc: metricsOf(idkmrc, joint(at)) };
    }),
  );
  const both = choose(pairs);
  const file = path.join(modelDir, CONFIG_FILE);
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  const { facqa: f, idkmrc: i } = both.chosen;
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        ...config,
        threshold: single.chosen.at,
        joint: both.chosen.at,
        dev: { facqa: single.chosen.facqa, idkmrc: single.chosen.idkmrc },
        jointDev: { facqa: f, idkmrc: i },
      },
      null,
      2,
    ) + '\n',
  );
  const note = (met: boolean) => (met ? '' : '(no choice meets both limits: FacQA false abstention kept) ');
  console.log(`neural alone: ${note(single.metLimits)}${JSON.stringify(single.chosen)}`);
  console.log(`joint: ${note(both.metLimits)}${JSON.stringify(both.chosen)}`);
}

await main();

/**
 * Chooses the neural reader's decisions on dev questions and writes them into the model's config.json,
 * with the dev figures they give.
 *
 *   node --import tsx scripts/reader/neural/calibrate.ts <modelDir> [benchDir] [workDir]
 *
 * Every dev question is answered as `ask` answers it (kabar's retrieval, the answerer's passages, the
 * model run and the rules-and-features reader), once: the readings are kept in workDir (default the
 * training cache), keyed by the model, the reader weights, the analysis rules and the questions, so
 * trying decisions again costs seconds. Each candidate decision is then scored with `eval`'s metrics.
 *
 * - The model alone (`threshold`) and the joint decision's margins for Indonesian questions over
 *   Indonesian passages (`joint["id-id"]`): FacQA dev false abstention at most 0.08, then the most right
 *   decisions on IDK-MRC dev with false abstention at most 0.20.
 * - Whose short answer is shown when both readers answer (`prefer`, `within`): the most answerable F1,
 *   averaged over the two dev splits, among the choices that lose no hit on either (the decision to
 *   answer is the same whichever is shown).
 * - English questions over Indonesian passages (`joint["en-id"]`), on eval/facqa-dev-en.jsonl (FacQA dev's
 *   questions in English, all answerable, so the limit cannot come from unanswerable questions): the
 *   Indonesian decision moved by the median difference between the model's margins on each English
 *   question and on its Indonesian original, where the two read the same article; then `within` chosen
 *   on those questions' answerable F1, losing no hit (no `prefer`: the margin alone never puts the
 *   model's span before the other reader's answer in English).
 *
 * The kept readings depend on the readers' code too: delete them from workDir after changing it.
 */
import crypto from 'node:crypto';
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
import { jointChoice, liesIn, type JointDecision } from '../../../src/core/answer/neural/joint.js';
import { ANALYSIS_VERSION } from '../../../src/core/text/analyze.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import { DEFAULT_NEURAL, passagesRead } from '../../../src/core/answer/neural/answerer.js';
import { loadReaderModel, CONFIG_FILE, MODEL_FILE } from '../../../src/core/answer/neural/model.js';
import { readPassages } from '../../../src/core/answer/neural/read.js';
import { renderShort } from '../../../src/core/answer/reader/render.js';
import type { EvalQuestion } from '../../../src/core/eval/dataset.js';
import { CACHE_DIR } from '../collect.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LIMITS = { facqaFalse: 0.08, idkmrcFalse: 0.2 };
/** Candidate thresholds on log P(span) - log P(no answer). */
const GRID = Array.from({ length: 241 }, (_, i) => -12 + i * 0.1);
const round = (x: number) => Math.round(x * 10) / 10;
/** Raised whenever what a kept reading holds changes, so readings kept in another form are read again. */
const READ_FORMAT = 2;

/** One dev question as both readers read it. */
interface Read {
  question: EvalQuestion;
  retrievedFiles: string[];
  /** The model's best span (offsets into its file), the answer shown from it and its sentence(s); null when it read nothing. */
  model: {
    margin: number;
    file: string;
    start: number;
    end: number;
    short: string;
    shown: string;
    support: string;
  } | null;
  /** The rules-and-features reader's outcome for the same question. */
  features: EvalOutcome;
  /** The sentence that reader quotes, if it answered. */
  featuresSupport: { file: string; start: number; end: number } | null;
  /** That reader's short answer, if it gave one. */
  featuresShort: { file: string; start: number; end: number } | null;
  /** Whether one of that reader's checks refused to answer (see ExtractiveAnswerer.read). */
  refused: boolean;
}

const sha1 = (...parts: (string | Buffer)[]) => {
  const hash = crypto.createHash('sha1');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};

async function readSet(
  name: string,
  corpus: string,
  questionsFile: string,
  modelDir: string,
  workDir: string,
): Promise<Read[]> {
  const key = sha1(
    fs.readFileSync(path.join(modelDir, MODEL_FILE)),
    fs.readFileSync(path.join(ROOT, 'data/reader-weights.json')),
    fs.readFileSync(questionsFile),
    ANALYSIS_VERSION,
    String(READ_FORMAT),
  );
  const cacheFile = path.join(workDir, `${name}.reads-${key}.json`);
  if (fs.existsSync(cacheFile)) return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Read[];
  const engine = await openEngine({
    config: loadConfig({}, { corpus, index: path.join(workDir, name) }),
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
    const theirs = await features.read({ question: question.question, query, hits, history: [] });
    const { support, short } = theirs.answer;
    out.push({
      question,
      retrievedFiles: hits.flatMap((h) => [h.passage.file, ...h.related.map((r) => r.file)]),
      model: reading && {
        margin: reading.margin,
        file: reading.record.article.file,
        start: reading.span.start,
        end: reading.span.end,
        short: reading.span.text,
        shown: renderShort(reading.span.text, reading.record.article.lang, query.lang),
        support: reading.support.text,
      },
      features: outcomeOf(question, theirs.answer, 0),
      featuresSupport: support ? { file: support.file, start: support.start, end: support.end } : null,
      featuresShort: short ? { file: short.file, start: short.start, end: short.end } : null,
      refused: theirs.refused,
    });
  }
  await engine.close();
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(cacheFile, JSON.stringify(out));
  return out;
}

/** The model's outcome when it answers (or abstains). */
function modelOutcome({ question, retrievedFiles, model }: Read, abstained: boolean): EvalOutcome {
  const answers = !abstained && !!model;
  return {
    question,
    retrievedFiles,
    answer: answers ? `${model.shown} [1]` : '',
    abstained: !answers,
    citedFiles: answers ? [model.file] : [],
    latencyMs: 0,
    ...(answers ? { short: model.short, support: model.support, citedTexts: [model.support] } : {}),
  };
}

const marginOf = (read: Read) => read.model?.margin ?? -Infinity;

/** The model alone: it answers above `threshold`. */
const alone = (threshold: number) => (read: Read) => modelOutcome(read, marginOf(read) <= threshold);

/** Both readers under `decision`, as NeuralAnswerer decides. */
const joint =
  (decision: JointDecision) =>
  (read: Read): EvalOutcome => {
    if (!read.model) return read.features;
    const choice = jointChoice(
      {
        margin: read.model.margin,
        answered: !read.features.abstained,
        refused: read.refused,
        within: liesIn(read.model, read.featuresSupport),
        nested: liesIn(read.model, read.featuresShort),
      },
      decision,
    );
    return choice === 'features' ? read.features : modelOutcome(read, choice === 'abstain');
  };

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

/** What the operating point is chosen on: whether each question is answered (no text is scored, so a grid is cheap). */
function decisionsOf(reads: Read[], decide: (read: Read) => EvalOutcome) {
  const outcomes = reads.map(decide);
  const answerable = outcomes.filter((o) => !o.question.unanswerable);
  return {
    rightDecisions: outcomes.filter((o) => o.abstained === o.question.unanswerable).length / outcomes.length,
    falseAbstention: answerable.filter((o) => o.abstained).length / Math.max(1, answerable.length),
  };
}

type Decisions = ReturnType<typeof decisionsOf>;
interface Candidate<T> {
  at: T;
  facqa: Decisions;
  idkmrc: Decisions;
}

/** The operating point among `rows`: both false-abstention limits met, then the most right decisions on IDK-MRC dev. */
function choose<T>(rows: Candidate<T>[]): { chosen: Candidate<T>; metLimits: boolean } {
  const allowed = rows.filter(
    (r) => r.facqa.falseAbstention <= LIMITS.facqaFalse && r.idkmrc.falseAbstention <= LIMITS.idkmrcFalse,
  );
  const pool = allowed.length > 0 ? allowed : rows.filter((r) => r.facqa.falseAbstention <= LIMITS.facqaFalse);
  const chosen = pool.reduce((best, r) => (r.idkmrc.rightDecisions > best.idkmrc.rightDecisions ? r : best), pool[0]);
  return { chosen, metLimits: allowed.length > 0 };
}

/** Whose answer is shown when both answer: each candidate `prefer` (null: never by margin alone), with and without `within`. */
const showings = (base: Pick<JointDecision, 'veto' | 'rescue'>): JointDecision[] =>
  [false, true].flatMap((within) =>
    [null, ...GRID.filter((_, i) => i % 5 === 0).map(round)].map((prefer) => ({ ...base, prefer, within })),
  );

/** The first of `decisions` with the highest `score` (earlier ones are the more conservative). */
const best = <T>(decisions: T[], score: (d: T) => number): T =>
  decisions.reduce((top, d) => (score(d) > score(top) ? d : top), decisions[0]);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * How much lower the model's margins are on English questions than on their Indonesian originals: the
 * median difference over the pairs whose best spans come from the same article (`id` "x-en" ↔ "x").
 */
function marginShift(english: Read[], indonesian: Read[]): { shift: number; pairs: number } {
  const original = new Map(indonesian.map((r) => [r.question.id, r]));
  const differences = english.flatMap((r) => {
    const o = original.get(r.question.id.replace(/-en$/, ''));
    return r.model && o?.model && o.model.file === r.model.file ? [r.model.margin - o.model.margin] : [];
  });
  return { shift: differences.length > 0 ? round(median(differences)) : 0, pairs: differences.length };
}

async function main() {
  const [modelDir, benchArg, workArg] = process.argv.slice(2);
  if (!modelDir) throw new Error('usage: calibrate.ts <modelDir> [benchDir] [workDir]');
  const bench = path.resolve(benchArg ?? path.join(ROOT, '../shared/bench'));
  const work = path.resolve(workArg ?? CACHE_DIR);
  const facqa = await readSet('facqa-dev', `${bench}/facqa/articles`, `${bench}/facqa/dev.jsonl`, modelDir, work);
  const idkmrc = await readSet(
    'idkmrc-dev',
    `${bench}/idkmrc/dev/articles`,
    `${bench}/idkmrc/dev/questions.jsonl`,
    modelDir,
    work,
  );
  const english = await readSet(
    'facqa-dev-en',
    `${bench}/facqa/articles`,
    path.join(ROOT, 'eval/facqa-dev-en.jsonl'),
    modelDir,
    work,
  );
  const single = choose(
    GRID.map((t) => ({ at: round(t), facqa: decisionsOf(facqa, alone(t)), idkmrc: decisionsOf(idkmrc, alone(t)) })),
  );
  // The margins, with the other reader's short answer shown whenever it answers (as before `prefer`).
  const coarse = GRID.filter((_, i) => i % 2 === 0).map(round);
  const chosen = choose(
    coarse.flatMap((veto) =>
      coarse.map((rescue) => {
        const at: JointDecision = { veto, rescue, prefer: null, within: false };
        return { at, facqa: decisionsOf(facqa, joint(at)), idkmrc: decisionsOf(idkmrc, joint(at)) };
      }),
    ),
  );
  const margins = chosen.chosen.at;
  // Whose answer is shown: the most answerable F1 over both dev splits, no split losing hits.
  const scored = (at: JointDecision) => ({
    at,
    facqa: metricsOf(facqa, joint(at)),
    idkmrc: metricsOf(idkmrc, joint(at)),
  });
  const kept = scored(margins);
  const indonesian = best(
    showings(margins)
      .map(scored)
      .filter((c) => (c.facqa.hit ?? 0) >= (kept.facqa.hit ?? 0) && (c.idkmrc.hit ?? 0) >= (kept.idkmrc.hit ?? 0)),
    (c) => ((c.facqa.answerableF1 ?? 0) + (c.idkmrc.answerableF1 ?? 0)) / 2,
  );
  const { shift, pairs } = marginShift(english, facqa);
  const moved = { veto: round(margins.veto + shift), rescue: round(margins.rescue + shift) };
  const keptEnglish = metricsOf(english, joint({ ...moved, prefer: null, within: false }));
  const crossing = best(
    showings(moved)
      // The model's English margins are far less sure: its span is shown over the other reader's answer only
      // where the two agree on the sentence, never by its margin alone.
      .filter((d) => d.prefer === null)
      .map((at) => ({ at, figures: metricsOf(english, joint(at)) }))
      .filter((c) => (c.figures.hit ?? 0) >= (keptEnglish.hit ?? 0)),
    (c) => c.figures.answerableF1 ?? 0,
  );

  const file = path.join(modelDir, CONFIG_FILE);
  const config = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        ...config,
        threshold: single.chosen.at,
        joint: { 'id-id': indonesian.at, 'en-id': crossing.at },
        dev: { facqa: metricsOf(facqa, alone(single.chosen.at)), idkmrc: metricsOf(idkmrc, alone(single.chosen.at)) },
        jointDev: {
          facqa: indonesian.facqa,
          idkmrc: indonesian.idkmrc,
          facqaEnglish: { marginShift: shift, pairs, ...crossing.figures },
        },
      },
      null,
      2,
    ) + '\n',
  );
  const note = (met: boolean) => (met ? '' : '(no choice meets both limits: FacQA false abstention kept) ');
  console.log(`neural alone: ${note(single.metLimits)}${JSON.stringify(single.chosen)}`);
  console.log(`joint margins: ${note(chosen.metLimits)}${JSON.stringify(kept)}`);
  console.log(`joint id-id: ${JSON.stringify(indonesian)}`);
  console.log(`joint en-id (margin shift ${shift} over ${pairs} pairs): ${JSON.stringify(crossing)}`);
}

await main();

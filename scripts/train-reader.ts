/**
 * Trains the offline answerer's reader (the short-answer model and the sentence choice) on labelled
 * questions and writes its weights file.
 *
 *   npm run train:reader [-- --train name=corpusDir,questions.jsonl ... --dev name=corpusDir,questions.jsonl ... --out file]
 *
 * Without flags it trains on the ../shared/bench/{facqa,idkmrc} train splits and chooses the L2 penalties
 * and the short-answer threshold on their dev splits. Retrieval is kabar's own (hashing embedder,
 * default settings), so the model learns from the passages the answerer really reads. There is no
 * randomness (the IDK-MRC sample is chosen by a hash of the question ids) and sums run in a fixed
 * order: the same data gives the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { logit, sigmoid, trainBinary, trainChoice, type Choice, type LogisticModel, type TrainOptions } from '../src/core/answer/reader/logistic.js';
import { readSentence, SPAN_FEATURES } from '../src/core/answer/reader/span-features.js';
import { chooseSpan, rankSpans, shortFits, spansOf } from '../src/core/answer/reader/short.js';
import { CHOICE_FEATURES } from '../src/core/answer/reader/choice.js';
import { readChoices, ruleAnswers } from '../src/core/answer/extractive.js';
import { renderShort } from '../src/core/answer/reader/render.js';
import { READER_VERSION, WEIGHTS_FILE, type ReaderWeights } from '../src/core/answer/reader/weights.js';
import { answerMatches, exactMatch, tokenF1 } from '../src/core/eval/answer-score.js';
import { retrieve, type QuestionSet, type ReadSentence, type Retrieved } from './reader/collect.js';
import { DEFAULT_EXTRACTIVE } from '../src/core/settings.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.resolve(ROOT, '../shared/bench');
const OUT = path.join(ROOT, 'src/core/answer/reader', WEIGHTS_FILE);

/** Tuning numbers of the training run. */
const SETTINGS = {
  /** IDK-MRC's train split is sampled: retrieval for every question is most of a training run's time. */
  idkmrcTrainSample: 5000,
  /** A span counts as the answer when its token F1 against a gold answer is the best of its sentence's spans and at least this. */
  minSpanF1: 0.5,
  l2Grid: [1e-4, 1e-3, 1e-2],
  epochs: 150,
  learningRate: 0.1,
  shortGrid: Array.from({ length: 20 }, (_, i) => i / 20),
  choiceL2Grid: [1e-3, 1e-2, 1e-1],
};

function parseSets(args: string[], flag: string, fallback: QuestionSet[]): QuestionSet[] {
  const given = args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
  if (given.length === 0) return fallback;
  return given.map((spec) => {
    const [name, rest] = spec.split('=');
    const [corpus, questions] = (rest ?? '').split(',');
    if (!name || !corpus || !questions) throw new Error(`${flag} takes name=corpusDir,questions.jsonl, got "${spec}"`);
    return { name, corpus: path.resolve(corpus), questions: path.resolve(questions) };
  });
}

const bestF1 = (text: string, golds: string[]) => Math.max(0, ...golds.map((g) => tokenF1(text, g)));

/**
 * The sentence of an answerable question the span model learns from: the first one read (in rank
 * order) that comes from a source article and holds a gold answer on word boundaries.
 */
function answeringSentence(r: Retrieved): ReadSentence | undefined {
  if (r.question.unanswerable || r.question.answers.length === 0) return undefined;
  const { sources, answers } = r.question;
  return r.sentences.find((s) => (sources.length === 0 || sources.includes(s.file)) && answerMatches(s.sentence.text, answers));
}

/** One choice per question with an answering sentence: among its spans, the best-matching ones. */
function spanChoices(data: Retrieved[]): Choice[] {
  return data.flatMap((r) => {
    const found = answeringSentence(r);
    if (!found) return [];
    const spans = spansOf(r.asked, readSentence(r.asked, found.sentence, found.lang, r.analyzer), found.sentence);
    const f1s = spans.map((s) => bestF1(s.candidate.text, r.question.answers));
    const top = Math.max(0, ...f1s);
    if (top < SETTINGS.minSpanF1) return [];
    const n = f1s.filter((f) => f === top).length;
    return [{ rows: spans.map((s) => s.features), targets: f1s.map((f) => (f === top ? 1 / n : 0)) }];
  });
}

/** For each dev question with an answering sentence: the best span's share, and how good the span and the sentence are as answers. */
function predictions(data: Retrieved[], weights: Pick<ReaderWeights, 'span'>) {
  return data.flatMap((r) => {
    const found = answeringSentence(r);
    if (!found) return [];
    const best = chooseSpan(rankSpans(r.asked, found.sentence, found.lang, r.analyzer, weights));
    const golds = r.question.answers;
    const judge = (text: string) => ({ f1: bestF1(text, golds), exact: golds.some((g) => exactMatch(text, g) === 1) ? 1 : 0 });
    return [{ spanP: shortFits(r.asked, best, 0) ? best.expectedF1 : -1, short: judge(best ? renderShort(best.candidate.text, found.lang, r.asked.lang) : ''), sentence: judge(found.sentence.text) }];
  });
}

type Prediction = ReturnType<typeof predictions>[number];

/** Exact match and token F1 of what would be shown (the short answer, or else the sentence) at a threshold. */
function score(preds: Prediction[], short: number) {
  const shown = preds.map((x) => (x.spanP >= short ? x.short : x.sentence));
  const mean = (values: number[]) => Number((values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)).toFixed(4));
  return { questions: preds.length, em: mean(shown.map((s) => s.exact)), f1: mean(shown.map((s) => s.f1)), shortShown: mean(preds.map((x) => (x.spanP >= short ? 1 : 0))) };
}

/** The short-answer threshold with the best token F1, averaged over the dev sets. */
function choose(devPreds: Prediction[][]) {
  let best = { short: 0, value: -1 };
  for (const short of SETTINGS.shortGrid) {
    const value = devPreds.reduce((sum, p) => sum + score(p, short).f1, 0) / devPreds.length;
    if (value > best.value + 1e-12) best = { short, value };
  }
  return best;
}

/** A question as the sentence choice sees it: its best sentences' features and whether each holds a gold answer, and whether the rule answers. */
interface ChoiceRow {
  choices: { features: number[]; hit: boolean; useful: boolean }[];
  rule: boolean;
  answerable: boolean;
}

function choiceRows(data: Retrieved[], weights: ReaderWeights): ChoiceRow[] {
  return data.map((r) => {
    const answerable = !r.question.unanswerable && r.question.answers.length > 0;
    // A sentence is the one to quote when it holds a gold answer and the short answer shown from it, if any, overlaps one.
    const choices = readChoices(r.asked, r.candidates, r.analyzer, DEFAULT_EXTRACTIVE, weights).map((reading) => ({
      features: reading.features,
      hit: answerable && answerMatches(reading.candidate.sentence.text, r.question.answers),
      useful: answerable && answerMatches(reading.candidate.sentence.text, r.question.answers) && (reading.short.span === null || bestF1(reading.short.span.text, r.question.answers) > 0),
    }));
    return { choices, rule: r.candidates[0] !== undefined && ruleAnswers(r.candidates[0], DEFAULT_EXTRACTIVE), answerable };
  });
}

/** The likeliest of a question's sentences under `p` (the first of equals), with its probability. */
function pick(row: ChoiceRow, p: (features: number[]) => number) {
  let best: { hit: boolean; p: number } | undefined;
  for (const choice of row.choices) {
    const q = p(choice.features);
    if (!best || q > best.p) best = { hit: choice.hit, p: q };
  }
  return best ?? { hit: false, p: 0 };
}

const share = (a: number, b: number) => Number((a / Math.max(1, b)).toFixed(4));

/**
 * The dev figures of a sentence choice (`choose`, returning the chosen sentence's hit and score) with the
 * rule deciding whether to answer: the hit rate over answerable questions, and how well the score alone
 * would tell answerable questions from unanswerable ones (ROC AUC, ties half; null without unanswerable ones).
 */
function figures(rows: ChoiceRow[], choose: (row: ChoiceRow) => { hit: boolean; p: number }) {
  const chosen = rows.map((row) => ({ row, ...choose(row) }));
  const answerable = chosen.filter((c) => c.row.answerable);
  const unanswerable = chosen.filter((c) => !c.row.answerable);
  let wins = 0;
  for (const a of answerable) for (const u of unanswerable) wins += a.p > u.p ? 1 : a.p === u.p ? 0.5 : 0;
  return {
    questions: rows.length,
    hit: share(answerable.filter((c) => c.row.rule && c.hit).length, answerable.length),
    auc: unanswerable.length ? share(wins, answerable.length * unanswerable.length) : null,
  };
}

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main() {
  const args = process.argv.slice(2);
  const trainSets = parseSets(args, '--train', [
    { name: 'facqa-train', corpus: path.join(BENCH, 'facqa/articles'), questions: path.join(BENCH, 'facqa/train.jsonl') },
    { name: 'idkmrc-train', corpus: path.join(BENCH, 'idkmrc/train/articles'), questions: path.join(BENCH, 'idkmrc/train/questions.jsonl'), sample: SETTINGS.idkmrcTrainSample },
  ]);
  const devSets = parseSets(args, '--dev', [
    { name: 'facqa-dev', corpus: path.join(BENCH, 'facqa/articles'), questions: path.join(BENCH, 'facqa/dev.jsonl') },
    { name: 'idkmrc-dev', corpus: path.join(BENCH, 'idkmrc/dev/articles'), questions: path.join(BENCH, 'idkmrc/dev/questions.jsonl') },
  ]);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : OUT;

  const trainData: Retrieved[] = [];
  for (const set of trainSets) {
    log(`retrieving ${set.name}…`);
    trainData.push(...(await retrieve(set, log)));
  }
  const devData: Retrieved[][] = [];
  for (const set of devSets) {
    log(`retrieving ${set.name}…`);
    devData.push(await retrieve(set, log));
  }

  const spans = spanChoices(trainData);
  log(`span choices: ${spans.length} of ${trainData.length} questions`);
  let chosen: { weights: ReaderWeights; value: number } | undefined;
  for (const l2 of SETTINGS.l2Grid) {
    const options: TrainOptions = { l2, epochs: SETTINGS.epochs, learningRate: SETTINGS.learningRate };
    const weights: ReaderWeights = { version: READER_VERSION, span: trainChoice(SPAN_FEATURES, spans, options), choice: { features: [], mean: [], scale: [], weights: [], bias: 0 }, threshold: { short: 0 }, chosen: {} };
    const devPreds = devData.map((d) => predictions(d, weights));
    const best = choose(devPreds);
    const dev = Object.fromEntries(devSets.map((s, i) => [s.name, score(devPreds[i], best.short)]));
    log(`l2 ${l2}: short threshold ${best.short}; mean F1 ${best.value.toFixed(4)}; ${JSON.stringify(dev)}`);
    if (!chosen || best.value > chosen.value + 1e-12) {
      weights.threshold = { short: best.short };
      weights.chosen = {
        objective: 'token F1 of what is shown (the short answer, or else the sentence) for dev questions whose answering sentence was read, averaged over the dev sets',
        l2,
        trainedOn: trainSets.map((s) => (s.sample ? `${s.name} (${s.sample} sampled)` : s.name)),
        spanChoices: spans.length,
        dev,
      };
      chosen = { weights, value: best.value };
    }
  }
  const weights = chosen!.weights;

  const trainRows = choiceRows(trainData, weights).flatMap((row) => row.choices);
  const devRows = devData.map((d) => choiceRows(d, weights));
  log(`sentence rows: ${trainRows.length} (${trainRows.filter((r) => r.hit).length} hold an answer, ${trainRows.filter((r) => r.useful).length} with a short answer that overlaps it or none)`);
  const coverage = CHOICE_FEATURES.indexOf('rule.coverage');
  const rule = Object.fromEntries(devSets.map((s, i) => [s.name, figures(devRows[i], (row) => ({ hit: row.choices[0]?.hit ?? false, p: row.choices[0]?.features[coverage] ?? -1 }))]));
  log(`the rule's own sentence on dev: ${JSON.stringify(rule)}`);
  let choice: { model: LogisticModel; value: number; l2: number; dev: Record<string, unknown> } | undefined;
  for (const l2 of SETTINGS.choiceL2Grid) {
    const options: TrainOptions = { l2, epochs: SETTINGS.epochs * 2, learningRate: SETTINGS.learningRate };
    const model = trainBinary(CHOICE_FEATURES, trainRows.map((r) => r.features), trainRows.map((r) => (r.useful ? 1 : 0)), options);
    const dev = devRows.map((rows) => figures(rows, (row) => pick(row, (features) => sigmoid(logit(model, features)))));
    const value = dev.reduce((sum, d) => sum + d.hit, 0) / dev.length;
    log(`sentence choice l2 ${l2}: mean hit ${value.toFixed(4)}; ${JSON.stringify(dev)}`);
    if (!choice || value > choice.value + 1e-12) choice = { model, value, l2, dev: Object.fromEntries(devSets.map((s, i) => [s.name, dev[i]])) };
  }
  weights.choice = choice!.model;
  weights.chosen = {
    ...weights.chosen,
    choice: {
      objective: `the hit rate (the quoted sentence holds a gold answer) with the rule deciding whether to answer, averaged over the dev sets, quoting the likeliest of the rule's best ${DEFAULT_EXTRACTIVE.choices} sentences`,
      label: 'the sentence holds a gold answer, and the short answer shown from it (if any) overlaps one',
      l2: choice!.l2,
      rows: trainRows.length,
      dev: choice!.dev,
      rulesOwnSentence: rule,
    },
  };
  fs.writeFileSync(out, `${JSON.stringify(weights, null, 1)}\n`);
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

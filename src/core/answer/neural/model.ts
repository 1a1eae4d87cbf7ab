import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../errors.js';
import { FEATURIZER } from './featurize.js';
import { isJointDecisions, type JointDecisions } from './joint.js';

/** The shipped model's folder: data/reader at the package root (the same depth from src/ and dist/). */
export const MODEL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../data/reader');
export const MODEL_FILE = 'reader.onnx';
export const CONFIG_FILE = 'config.json';

/** What is stored beside the model: the featurizer it was trained with and the decision chosen on the dev splits. */
export interface NeuralConfig {
  featurizer: typeof FEATURIZER;
  /** Tokens an answer may run over. */
  maxSpan: number;
  /** kabar answers when log P(best span) - log P(no answer) is above this (the model alone). */
  threshold: number;
  /** When present, the model decides together with the rules-and-features reader, per pair of languages (see JointDecision). */
  joint?: JointDecisions;
}

/** One batch of question-passage rows, flat and padded (see featurize.ts). */
export interface ModelInput {
  rows: number;
  questionTokens: number;
  passageTokens: number;
  questionIds: Int32Array;
  questionFeatures: Float32Array;
  passageIds: Int32Array;
  passageFeatures: Float32Array;
}

/** Per row: start and end logits per passage position ([rows, passageTokens]) and the no-answer logit. */
export interface ModelOutput {
  start: Float32Array;
  end: Float32Array;
  nil: Float32Array;
}

export interface ReaderModel {
  config: NeuralConfig;
  run(input: ModelInput): Promise<ModelOutput>;
}

const restore = 'Reinstall kabar, or rebuild it with `npm run train:reader`.';

const broken = (file: string, why: string, cause?: unknown) =>
  new UserError('MODEL_MISSING', `The reader model ${file} ${why}.`, { hint: restore, cause });

/** Reads and checks the config; a missing file, bad JSON or another featurizer's model ends in one clear sentence. */
export function readConfig(dir = MODEL_DIR): NeuralConfig {
  const file = path.join(dir, CONFIG_FILE);
  let config: NeuralConfig;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8')) as NeuralConfig;
  } catch (error) {
    throw broken(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : 'cannot be read', error);
  }
  if (
    typeof config.threshold !== 'number' ||
    typeof config.maxSpan !== 'number' ||
    (config.joint !== undefined && !isJointDecisions(config.joint)) ||
    JSON.stringify(config.featurizer) !== JSON.stringify(FEATURIZER)
  ) {
    throw broken(file, 'does not match this version of kabar');
  }
  return config;
}

/**
 * Loads the model once, on first use: onnxruntime is imported only then (a cold `ask` with another
 * answerer never pays for it). Its log level is raised to errors, so graph warnings never reach the terminal.
 */
export async function loadReaderModel(dir = MODEL_DIR): Promise<ReaderModel> {
  const config = readConfig(dir);
  const file = path.join(dir, MODEL_FILE);
  if (!fs.existsSync(file)) throw broken(file, 'is missing');
  const ort = await import('onnxruntime-node');
  let session: Awaited<ReturnType<typeof ort.InferenceSession.create>>;
  try {
    session = await ort.InferenceSession.create(file, {
      logSeverityLevel: 3,
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
    });
  } catch (error) {
    throw broken(file, 'is corrupt', error);
  }
  const { slots, features } = config.featurizer;
  return {
    config,
    async run(input) {
      const { rows, questionTokens: tq, passageTokens: tp } = input;
      const result = await session.run({
        question_ids: new ort.Tensor('int32', input.questionIds, [rows, tq, slots]),
        question_features: new ort.Tensor('float32', input.questionFeatures, [rows, tq, features]),
        passage_ids: new ort.Tensor('int32', input.passageIds, [rows, tp, slots]),
        passage_features: new ort.Tensor('float32', input.passageFeatures, [rows, tp, features]),
      });
      return {
        start: result.start.data as Float32Array,
        end: result.end.data as Float32Array,
        nil: result.null.data as Float32Array,
      };
    },
  };
}

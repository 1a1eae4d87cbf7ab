import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { checkedEmbedder } from './checked-embeddings.js';
import type { Embedder } from '../../core/embedder.js';
import { shortMessage, unreachableReason } from '../network-failure.js';

export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/multilingual-e5-small';

/** The ONNX weights a model folder may hold, in order of preference, with the dtype transformers loads each as. */
const WEIGHTS = [
  { file: 'onnx/model_quantized.onnx', dtype: 'q8' },
  { file: 'onnx/model.onnx', dtype: 'fp32' },
] as const;
type Weights = (typeof WEIGHTS)[number];

/** The files a feature-extraction model needs, relative to its folder (the weights: the quantized ones, or else the full ones). */
export const TRANSFORMERS_MODEL_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  WEIGHTS[0].file,
] as const;

/** The folder of `model` (default {@link DEFAULT_TRANSFORMERS_MODEL}) under a models folder, and the files it lacks to be loaded. */
export function modelFiles(
  modelsDir: string,
  model = DEFAULT_TRANSFORMERS_MODEL,
): { folder: string; missing: string[] } {
  const folder = path.join(modelsDir, ...model.split('/'));
  const has = (file: string) => fs.existsSync(path.join(folder, file));
  const missing = TRANSFORMERS_MODEL_FILES.filter(
    (file) => !has(file) && !(file === WEIGHTS[0].file && has(WEIGHTS[1].file)),
  );
  return { folder, missing };
}

/** The weights to load from a local model folder: the quantized file when it is there, else the full one; downloads take the quantized. */
function weightsIn(folder: string | undefined): Weights {
  return (folder && WEIGHTS.find((w) => fs.existsSync(path.join(folder, w.file)))) || WEIGHTS[0];
}

/** One step of fetching or opening a model file, as reported by @huggingface/transformers. */
export interface ModelLoadProgress {
  /** initiate, download, progress, done, or ready. */
  status: string;
  file?: string;
  /** 0–100 while a file is downloading. */
  progress?: number;
  loaded?: number;
  total?: number;
}

export interface TransformersEmbedderOptions {
  /** Hugging Face model id; undefined means {@link DEFAULT_TRANSFORMERS_MODEL}. */
  model?: string;
  /** Folder holding `<model>/` with the model files; when set, nothing is downloaded. */
  modelsDir?: string;
  onProgress?: (progress: ModelLoadProgress) => void;
  /** Stops embedding between batches. */
  signal?: AbortSignal;
  /** Texts per model call. */
  batchSize?: number;
}

const DEFAULT_BATCH_SIZE = 32;

type Extractor = (texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): unknown }>;

/** transformers' settings are global: loads run one at a time and put the settings back afterwards. */
let loadQueue: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task, task);
  loadQueue = run.catch(() => undefined);
  return run;
}

const MISSING_FILE = /not found locally|could not locate file|no such file|ENOENT|unauthorized access|\b40[134]\b/i;

function loadFailure(model: string, modelsDir: string | undefined, error: unknown): UserError {
  const folder = modelsDir ? path.join(modelsDir, ...model.split('/')) : `KABAR_MODELS_DIR/${model}`;
  const files = `${TRANSFORMERS_MODEL_FILES.join(', ')} (or ${WEIGHTS[1].file})`;
  const download =
    `On a connected machine, download them from https://huggingface.co/${model} ` +
    `(e.g. \`huggingface-cli download ${model} ${TRANSFORMERS_MODEL_FILES.join(' ')} --local-dir models/${model}\`), ` +
    'copy that models folder to this machine and set KABAR_MODELS_DIR to it.';
  const offline = unreachableReason(error) !== undefined;
  if (offline || MISSING_FILE.test(shortMessage(error))) {
    const why = offline && !modelsDir ? ' (it is not on this machine and cannot be downloaded)' : '';
    return new UserError(
      'MODEL_MISSING',
      `Could not load the embedding model ${model}${why}: put the model files (${files}) under ${folder}${folder.endsWith('/') ? '' : '/'}.`,
      { hint: download, cause: error },
    );
  }
  return new UserError(
    'MODEL_MISSING',
    `Could not load the embedding model ${model} from ${folder}: ${shortMessage(error)}.`,
    {
      hint: `Replace its files (${files}) with a fresh copy. ${download}`,
      cause: error,
    },
  );
}

async function loadExtractor(
  model: string,
  weights: Weights,
  options: TransformersEmbedderOptions,
): Promise<Extractor> {
  const { env, pipeline } = await import('@huggingface/transformers');
  const saved = {
    localModelPath: env.localModelPath,
    allowLocalModels: env.allowLocalModels,
    allowRemoteModels: env.allowRemoteModels,
  };
  if (options.modelsDir) {
    env.localModelPath = options.modelsDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
  }
  const onProgress = options.onProgress;
  try {
    const extractor = await pipeline('feature-extraction', model, {
      dtype: weights.dtype,
      device: 'cpu',
      local_files_only: options.modelsDir !== undefined,
      session_options: { logSeverityLevel: 3 },
      progress_callback: onProgress
        ? (info) => {
            const { status } = info;
            const detail = info as { file?: string; progress?: number; loaded?: number; total?: number };
            onProgress({
              status,
              file: detail.file,
              progress: detail.progress,
              loaded: detail.loaded,
              total: detail.total,
            });
          }
        : undefined,
    });
    return extractor as unknown as Extractor;
  } finally {
    Object.assign(env, saved);
  }
}

/**
 * An embedder running a Hugging Face feature-extraction model in-process (ONNX, the quantized weights
 * when the folder has them, else the full ones; its info names the file): mean pooling,
 * L2-normalised vectors, and `query: ` / `passage: ` prefixes for e5 models.
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions = {}): Promise<Embedder> {
  const model = options.model ?? DEFAULT_TRANSFORMERS_MODEL;
  const weights = weightsIn(options.modelsDir && path.join(options.modelsDir, ...model.split('/')));
  let extractor: Extractor;
  try {
    extractor = await oneAtATime(() => loadExtractor(model, weights, options));
  } catch (error) {
    throw loadFailure(model, options.modelsDir, error);
  }
  const embedder = await checkedEmbedder('transformers', model, {
    raw: {
      embed: async (texts) => (await extractor(texts, { pooling: 'mean', normalize: true })).tolist() as number[][],
    },
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    signal: options.signal,
    translateError: (error) => error,
    malformed: (detail) => new Error(`The embedding model ${model} returned ${detail}.`),
  });
  return { ...embedder, info: { ...embedder.info, weights: weights.file } };
}

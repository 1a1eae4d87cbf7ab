import type { LogisticModel } from './logistic.js';
import { SPAN_FEATURES } from './span-features.js';
import { CHOICE_FEATURES } from './choice.js';
import { readData } from '../../data.js';

/** The trained reader (the sentence choice and the short-answer model), its threshold chosen on the dev splits, and how they were chosen. */
export interface ReaderWeights {
  /** Bumped when the model's form changes: weights of another version cannot be read. */
  version: number;
  /** Which span of the quoted sentence is the answer (a softmax over its candidates). */
  span: LogisticModel;
  /** The chance that a sentence holds the answer (logistic): kabar quotes the likeliest of the rule's best few, and gives the chance as its confidence. */
  choice: LogisticModel;
  threshold: {
    /** Quote the sentence alone, with no short answer, when the best span's expected F1 is below this. */
    short: number;
  };
  /** Where the threshold was chosen and what it gave there; documentation only. */
  chosen: Record<string, unknown>;
}

export const READER_VERSION = 5;
export const WEIGHTS_FILE = 'reader-weights.json';

/** Checks that weights were trained for this reader's features. */
export function checkWeights(weights: ReaderWeights): ReaderWeights {
  const fits = (model: LogisticModel | undefined, names: string[]) =>
    model?.features.length === names.length && model.features.every((f, i) => f === names[i]);
  if (
    weights.version !== READER_VERSION ||
    !fits(weights.span, SPAN_FEATURES) ||
    !fits(weights.choice, CHOICE_FEATURES)
  ) {
    throw new Error(
      `the reader's weights (${WEIGHTS_FILE}) do not match its features; retrain them with npm run train:reader`,
    );
  }
  return weights;
}

let shipped: ReaderWeights | undefined;

/** The weights shipped with kabar (data/reader-weights.json, written by `npm run train:reader`), read on first use. */
export const shippedWeights = (): ReaderWeights => (shipped ??= checkWeights(readData<ReaderWeights>(WEIGHTS_FILE)));

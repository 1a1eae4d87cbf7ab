/** A linear model over named features, standardised with the training data's mean and scale. */
export interface LogisticModel {
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface TrainOptions {
  /** L2 penalty on the (standardised) weights, per example. */
  l2: number;
  /** Full passes over the data. */
  epochs: number;
  learningRate: number;
}

export function logit(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j] * ((x[j] - model.mean[j]) / model.scale[j]);
  return z;
}

/** Mean and scale of each feature over the training rows, so every weight works on a standardised feature. */
function standardise(rows: readonly (readonly number[])[], d: number) {
  const n = Math.max(1, rows.length);
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of rows) for (let j = 0; j < d; j++) mean[j] += x[j] / n;
  for (const x of rows) for (let j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) || 1;
  return { mean, scale, standard: rows.map((x) => Float64Array.from(x, (v, j) => (v - mean[j]) / scale[j])) };
}

/**
 * Full-batch gradient descent with Adam: `gradient` fills the loss's gradient for weights `w` (the last
 * entry is the bias). No randomness and a fixed order of sums: the same rows give the same weights, bit for bit.
 */
function descend(
  d: number,
  options: TrainOptions,
  gradient: (w: Float64Array, grad: Float64Array) => void,
): Float64Array {
  const w = new Float64Array(d + 1);
  const m = new Float64Array(d + 1);
  const v = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    grad.fill(0);
    gradient(w, grad);
    for (let j = 0; j <= d; j++) {
      const g = grad[j] + (j < d ? options.l2 * w[j] : 0);
      m[j] = beta1 * m[j] + (1 - beta1) * g;
      v[j] = beta2 * v[j] + (1 - beta2) * g * g;
      w[j] -=
        (options.learningRate * (m[j] / (1 - beta1 ** epoch))) / (Math.sqrt(v[j] / (1 - beta2 ** epoch)) + epsilon);
    }
  }
  return w;
}

const dot = (w: Float64Array, x: Float64Array, d: number): number => {
  let z = w[d];
  for (let j = 0; j < d; j++) z += w[j] * x[j];
  return z;
};

const rounded = (features: string[], mean: number[], scale: number[], w: Float64Array, d: number): LogisticModel => {
  const round = (x: number) => Number(x.toPrecision(7));
  return {
    features,
    mean: mean.map(round),
    scale: scale.map(round),
    weights: Array.from(w.subarray(0, d), round),
    bias: round(w[d]),
  };
};

/** One choice among candidates: their feature rows and the target share of each (summing to 1). */
export interface Choice {
  rows: readonly (readonly number[])[];
  targets: readonly number[];
}

/** Softmax over logits. */
export function softmax(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * Fits a conditional logit (a softmax over each choice's candidates) on the cross-entropy plus an L2
 * penalty: the model learns which candidate of a set is the right one, not a probability for each
 * alone. The bias cancels out and stays 0.
 */
export function trainChoice(features: string[], choices: readonly Choice[], options: TrainOptions): LogisticModel {
  const d = features.length;
  const { mean, scale, standard } = standardise(
    choices.flatMap((c) => c.rows),
    d,
  );
  const n = Math.max(1, choices.length);
  const w = descend(d, options, (w, grad) => {
    let at = 0;
    for (const choice of choices) {
      const xs = standard.slice(at, at + choice.rows.length);
      at += choice.rows.length;
      const p = softmax(xs.map((x) => dot(w, x, d)));
      xs.forEach((x, i) => {
        const error = (p[i] - choice.targets[i]) / n;
        for (let j = 0; j < d; j++) grad[j] += error * x[j];
      });
    }
  });
  w[d] = 0;
  return rounded(features, mean, scale, w, d);
}

/** The logistic function: a logit as a probability. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Fits a logistic regression (a probability for each row: that its label is 1) on the log loss plus an L2 penalty. */
export function trainBinary(
  features: string[],
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: TrainOptions,
): LogisticModel {
  const d = features.length;
  const { mean, scale, standard } = standardise(rows, d);
  const n = Math.max(1, rows.length);
  const w = descend(d, options, (w, grad) => {
    standard.forEach((x, i) => {
      const error = (sigmoid(dot(w, x, d)) - labels[i]) / n;
      for (let j = 0; j < d; j++) grad[j] += error * x[j];
      grad[d] += error;
    });
  });
  return rounded(features, mean, scale, w, d);
}

import type { ModelOutput } from './model.js';

/** The best answer span over all rows of one question, and how it compares with no answer. */
export interface Decoded {
  row: number;
  /** Sequence positions of the span's first and last token. */
  first: number;
  last: number;
  /** P(start) · P(end) of the span under the question's shared softmax. */
  probability: number;
  /** log P(span) - log P(no answer): kabar answers when it is above the threshold. */
  margin: number;
}

const logSumExp = (values: number[]): number => {
  const top = Math.max(...values);
  return top === -Infinity ? top : top + Math.log(values.reduce((sum, v) => sum + Math.exp(v - top), 0));
};

/**
 * Decodes the rows of one question as the model was trained: one softmax over every row's answer
 * positions and no-answer slots (for starts, and again for ends), so spans of different passages
 * compare. `spanable(row, position)` says which positions may hold an answer (passage tokens, not the
 * title's or padding). Null when no row has a position that may.
 */
export function decode(
  out: ModelOutput,
  rows: number,
  tokens: number,
  spanable: (row: number, position: number) => boolean,
  maxSpan: number,
): Decoded | null {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < tokens; t++) {
      if (!spanable(r, t)) continue;
      starts.push(out.start[r * tokens + t]);
      ends.push(out.end[r * tokens + t]);
    }
  }
  if (starts.length === 0) return null;
  const nils = Array.from(out.nil.subarray(0, rows));
  const zStart = logSumExp([...starts, ...nils]);
  const zEnd = logSumExp([...ends, ...nils]);
  let best: Omit<Decoded, 'margin' | 'probability'> & { score: number } = {
    row: -1,
    first: -1,
    last: -1,
    score: -Infinity,
  };
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < tokens; i++) {
      if (!spanable(r, i)) continue;
      const s = out.start[r * tokens + i];
      for (let j = i; j < Math.min(tokens, i + maxSpan) && spanable(r, j); j++) {
        const score = s + out.end[r * tokens + j];
        if (score > best.score) best = { row: r, first: i, last: j, score };
      }
    }
  }
  const logSpan = best.score - zStart - zEnd;
  const logNil = logSumExp(nils) - zStart + logSumExp(nils) - zEnd;
  return {
    row: best.row,
    first: best.first,
    last: best.last,
    probability: Math.exp(logSpan),
    margin: logSpan - logNil,
  };
}

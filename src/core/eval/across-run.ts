import { UserError, isUserError } from '../errors.js';
import type { Answer } from '../types.js';
import type { AcrossCase } from './across-dataset.js';
import {
  acrossFigures,
  emptyTotals,
  scoreAcross,
  type AcrossFigures,
  type AcrossItemScore,
  type AcrossTotals,
} from './across-score.js';

/** The scores of a list/timeline/brief question set: per kind, and per question. */
export interface AcrossMetrics {
  byKind: Partial<Record<AcrossCase['kind'], AcrossFigures>>;
  /** The same per group value (`lang:en`, `pair:en-id`), per kind. */
  byGroup: Record<string, AcrossFigures>;
  items: AcrossItemScore[];
}

/**
 * Asks every case in order and scores it by its kind. A `UserError` stops the run; any other failure
 * counts as an answer with no line. The signal is checked before each question.
 */
export async function runAcrossEval(
  cases: AcrossCase[],
  ask: (c: AcrossCase, signal?: AbortSignal) => Promise<Answer>,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<AcrossMetrics> {
  const kinds = new Map<AcrossCase['kind'], AcrossTotals>();
  const groups = new Map<string, { kind: AcrossCase['kind']; totals: AcrossTotals }>();
  const items: AcrossItemScore[] = [];
  for (const c of cases) {
    if (options.signal?.aborted) throw new UserError('CANCELLED', 'Evaluation cancelled.');
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await ask(c, options.signal);
    } catch (error) {
      if (isUserError(error)) throw error;
      answer = { items: [] } as unknown as Answer;
    }
    const latency = performance.now() - started;
    if (!kinds.has(c.kind)) kinds.set(c.kind, emptyTotals());
    items.push(scoreAcross(c, answer, latency, kinds.get(c.kind)!));
    for (const [name, value] of Object.entries(c.groups)) {
      if (name === 'kind') continue;
      const key = `${c.kind} ${name}:${value}`;
      if (!groups.has(key)) groups.set(key, { kind: c.kind, totals: emptyTotals() });
      scoreAcross(c, answer, latency, groups.get(key)!.totals);
    }
    options.onProgress?.(items.length, cases.length);
  }
  return {
    byKind: Object.fromEntries([...kinds].map(([kind, totals]) => [kind, acrossFigures(kind, totals)])),
    byGroup: Object.fromEntries([...groups].map(([key, g]) => [key, acrossFigures(g.kind, g.totals)])),
    items,
  };
}

const shown = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(digits);

/** The scores as a few plain lines, one per kind and group. */
export function formatAcross(metrics: AcrossMetrics): string {
  const line = (name: string, f: AcrossFigures) => {
    const parts = Object.entries(f).map(
      ([key, value]) => `${key} ${shown(value as number | null, key.endsWith('Ms') ? 0 : 3)}`,
    );
    return `${name.padEnd(24)} ${parts.join('  ')}`;
  };
  return [
    ...Object.entries(metrics.byKind).map(([kind, f]) => line(kind, f!)),
    ...Object.entries(metrics.byGroup).map(([key, f]) => line(key, f)),
  ].join('\n');
}

import { UserError } from '../errors.js';
import type { QuoteMatch } from './find.js';

export const CITE_KINDS = ['exact', 'boundary', 'fuzzy', 'translation', 'paraphrase', 'absent'] as const;
export type CiteCaseKind = (typeof CITE_KINDS)[number];

/** One line of a citation-lookup set such as eval/cite.jsonl. */
export interface CiteCase {
  id: string;
  quote: string;
  kind: CiteCaseKind;
  file: string | null;
  start: number | null;
  end: number | null;
  /** Other files where finding the quote is also correct (the same story in the other language). */
  also?: string[];
}

export interface CiteOutcome {
  case: CiteCase;
  matches: QuoteMatch[];
  ms: number;
}

export interface CiteMetrics {
  cases: number;
  /** Of the cases with a reported match, the share whose top match is in a right file (absent quotes count as wrong). */
  precision: number;
  /** Of the quotes that are in the articles, the share whose top match is in a right file. */
  recall: number;
  /** Of exact and boundary quotes, the share whose top match has exactly the gold start and end. */
  exactSpanAccuracy: number;
  /** Recall per kind of quote. */
  recallByKind: Partial<Record<Exclude<CiteCaseKind, 'absent'>, number>>;
  /** Of absent quotes, the share for which anything was reported. */
  falsePositiveRate: number;
  /** Of absent quotes, the share reported as an exact match. */
  absentExactRate: number;
  meanMs: number;
  maxMs: number;
  /** Ids of the cases that went wrong, per problem. */
  failures: { missed: string[]; wrongSpan: string[]; falsePositives: string[] };
}

/** Parses a JSON Lines citation set, with a UserError naming the line for anything malformed. */
export function loadCiteCases(text: string, name: string): CiteCase[] {
  const cases: CiteCase[] = [];
  text.split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    let value: Partial<CiteCase>;
    try {
      value = JSON.parse(line) as Partial<CiteCase>;
    } catch {
      throw new UserError('BAD_QUESTION_FILE', `Line ${n + 1} of ${name} is not valid JSON.`, {
        hint: 'Each line must be one JSON object with id, quote and kind.',
      });
    }
    if (typeof value.quote !== 'string' || !CITE_KINDS.includes(value.kind as CiteCaseKind)) {
      throw new UserError(
        'BAD_QUESTION_FILE',
        `Line ${n + 1} of ${name} needs a "quote" string and a "kind" (${CITE_KINDS.join(', ')}).`,
        { hint: 'See eval/README.md for the format.' },
      );
    }
    if (value.kind !== 'absent' && typeof value.file !== 'string') {
      throw new UserError('BAD_QUESTION_FILE', `Line ${n + 1} of ${name} is not absent but has no "file".`, {
        hint: 'Give the article file the quote comes from.',
      });
    }
    cases.push({
      id: value.id ?? `line-${n + 1}`,
      quote: value.quote,
      kind: value.kind!,
      file: value.file ?? null,
      start: value.start ?? null,
      end: value.end ?? null,
      also: value.also,
    });
  });
  if (cases.length === 0)
    throw new UserError('BAD_QUESTION_FILE', `${name} has no quotes.`, {
      hint: 'Give a JSON Lines file such as eval/cite.jsonl.',
    });
  return cases;
}

/** Looks every quote up, one after another, reporting progress. */
export async function runCiteEval(
  cases: CiteCase[],
  find: (quote: string) => Promise<QuoteMatch[]>,
  { signal, onProgress }: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<CiteOutcome[]> {
  const outcomes: CiteOutcome[] = [];
  for (const c of cases) {
    if (signal?.aborted) throw new UserError('CANCELLED', 'Evaluation cancelled.');
    const started = performance.now();
    const matches = await find(c.quote);
    outcomes.push({ case: c, matches, ms: performance.now() - started });
    onProgress?.(outcomes.length, cases.length);
  }
  return outcomes;
}

const share = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

export function scoreCite(outcomes: CiteOutcome[]): CiteMetrics {
  const right = (o: CiteOutcome): boolean => {
    const top = o.matches[0];
    return (
      top !== undefined && o.case.file !== null && (top.file === o.case.file || (o.case.also ?? []).includes(top.file))
    );
  };
  const present = outcomes.filter((o) => o.case.kind !== 'absent');
  const absent = outcomes.filter((o) => o.case.kind === 'absent');
  const reported = outcomes.filter((o) => o.matches.length > 0);
  const spans = outcomes.filter((o) => o.case.kind === 'exact' || o.case.kind === 'boundary');
  const spanRight = (o: CiteOutcome) =>
    right(o) &&
    o.matches[0].file === o.case.file &&
    o.matches[0].start === o.case.start &&
    o.matches[0].end === o.case.end;
  const recallByKind: CiteMetrics['recallByKind'] = {};
  for (const kind of CITE_KINDS) {
    if (kind === 'absent') continue;
    const of = present.filter((o) => o.case.kind === kind);
    if (of.length) recallByKind[kind] = share(of.filter(right).length, of.length);
  }
  const ms = outcomes.map((o) => o.ms);
  return {
    cases: outcomes.length,
    precision: share(reported.filter(right).length, reported.length),
    recall: share(present.filter(right).length, present.length),
    exactSpanAccuracy: share(spans.filter(spanRight).length, spans.length),
    recallByKind,
    falsePositiveRate: share(absent.filter((o) => o.matches.length > 0).length, absent.length),
    absentExactRate: share(absent.filter((o) => o.matches[0]?.kind === 'exact').length, absent.length),
    meanMs: Math.round(ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length)),
    maxMs: Math.round(Math.max(0, ...ms)),
    failures: {
      missed: present.filter((o) => !right(o)).map((o) => o.case.id),
      wrongSpan: spans.filter((o) => right(o) && !spanRight(o)).map((o) => o.case.id),
      falsePositives: absent.filter((o) => o.matches.length > 0).map((o) => o.case.id),
    },
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The metrics as a small table for a terminal. */
export function formatCiteSummary(m: CiteMetrics): string {
  const rows: [string, string][] = [
    ['cases', String(m.cases)],
    ['precision (top file)', pct(m.precision)],
    ['recall (top file)', pct(m.recall)],
    ...Object.entries(m.recallByKind).map(([kind, r]): [string, string] => [`  recall ${kind}`, pct(r)]),
    ['exact-span accuracy', pct(m.exactSpanAccuracy)],
    ['false positives on absent', pct(m.falsePositiveRate)],
    ['absent reported as exact', pct(m.absentExactRate)],
    ['time per quote (mean / max)', `${m.meanMs} ms / ${m.maxMs} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const { missed, wrongSpan, falsePositives } = m.failures;
  if (missed.length) lines.push(`missed: ${missed.join(', ')}`);
  if (wrongSpan.length) lines.push(`wrong span: ${wrongSpan.join(', ')}`);
  if (falsePositives.length) lines.push(`false positives: ${falsePositives.join(', ')}`);
  return lines.join('\n');
}

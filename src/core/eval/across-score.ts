import type { Answer } from '../types.js';
import { normaliseText } from './answer-score.js';
import type { AcrossCase, GoldItem } from './across-dataset.js';

/*
 * Scores for answers that span articles, per kind of question (eval/README.md):
 * - lists: item precision and recall; an item counts when its text and a gold item's name match on word
 *   boundaries (one holds the other) and it cites one of that item's sources; a second item for the
 *   same entity counts against precision;
 * - timelines: event precision and recall (a line matches an event when it, or a sentence it cites, holds
 *   one of the event's words and it cites the event's source), date accuracy over matched lines, order
 *   (Kendall's tau of line order against gold date order) and duplicate lines (a second line for one event);
 * - briefs: coverage of the gold facts (held by a line or a sentence it cites), redundancy (the share of
 *   lines whose words are mostly another line's) and citation precision (citations in the topic's sources).
 */

/** Counts summed over the questions of one kind. */
export interface AcrossTotals {
  questions: number;
  /** Questions that abstained (no line). */
  abstained: number;
  lines: number;
  gold: number;
  /** Lines that matched a gold item, event or (briefs) facts covered. */
  matched: number;
  /** Timelines: matched lines with the gold date. */
  datesRight: number;
  /** Timelines: pairs of matched lines in the gold order, and against it. */
  concordant: number;
  discordant: number;
  /** Timelines: lines for an event already on the line. */
  duplicates: number;
  /** Briefs: lines repeating another line. */
  repeating: number;
  citations: number;
  /** Briefs: citations of an article on the topic. */
  citationsInSources: number;
  latencies: number[];
}

/** One question's score, for the report. */
export interface AcrossItemScore {
  id: string;
  kind: AcrossCase['kind'];
  lines: number;
  matched: number;
  gold: number;
  missed: string[];
}

const contains = (text: string, needle: string) => needle !== '' && ` ${text} `.includes(` ${needle} `);
const cites = (answerFiles: Set<string>, gold: GoldItem) => gold.sources.some((s) => answerFiles.has(s));

/** A line's text and the sentences it cites, normalised. */
const lineTexts = (item: NonNullable<Answer['items']>[number]) =>
  [item.text, ...item.citations.map((c) => c.text)].map(normaliseText);

/** A line of a brief repeats another when this share of its words is in the other. */
const REPEAT_SHARE = 0.6;

export const emptyTotals = (): AcrossTotals => ({
  questions: 0,
  abstained: 0,
  lines: 0,
  gold: 0,
  matched: 0,
  datesRight: 0,
  concordant: 0,
  discordant: 0,
  duplicates: 0,
  repeating: 0,
  citations: 0,
  citationsInSources: 0,
  latencies: [],
});

/** Adds one answered question to its kind's totals and returns its own score. */
export function scoreAcross(c: AcrossCase, answer: Answer, latencyMs: number, totals: AcrossTotals): AcrossItemScore {
  const items = answer.items ?? [];
  totals.questions++;
  totals.latencies.push(latencyMs);
  if (items.length === 0) totals.abstained++;
  totals.lines += items.length;
  totals.gold += c.gold.length;
  totals.citations += items.reduce((n, i) => n + i.citations.length, 0);
  const found = new Array<boolean>(c.gold.length).fill(false);
  if (c.kind === 'list') {
    for (const item of items) {
      const text = normaliseText(item.text);
      const files = new Set(item.citations.map((x) => x.file));
      const g = c.gold.findIndex(
        (gold, i) =>
          !found[i] &&
          cites(files, gold) &&
          gold.answers.some((a) => contains(text, normaliseText(a)) || contains(normaliseText(a), text)),
      );
      if (g >= 0) {
        found[g] = true;
        totals.matched++;
      }
    }
  } else if (c.kind === 'timeline') {
    const placed: { line: number; date: string }[] = [];
    items.forEach((item, line) => {
      const texts = lineTexts(item);
      const files = new Set(item.citations.map((x) => x.file));
      const matches = c.gold
        .map((gold, i) => ({ gold, i }))
        .filter(
          ({ gold }) =>
            cites(files, gold) && gold.answers.some((a) => texts.some((t) => contains(t, normaliseText(a)))),
        );
      const fresh = matches.find(({ i }) => !found[i]);
      if (fresh) {
        found[fresh.i] = true;
        totals.matched++;
        if (item.date === fresh.gold.date) totals.datesRight++;
        placed.push({ line, date: fresh.gold.date! });
      } else if (matches.length > 0) totals.duplicates++;
    });
    for (let a = 0; a < placed.length; a++)
      for (let b = a + 1; b < placed.length; b++) {
        if (placed[a].date === placed[b].date) continue;
        if (placed[a].date < placed[b].date) totals.concordant++;
        else totals.discordant++;
      }
  } else {
    const texts = items.flatMap(lineTexts);
    c.gold.forEach((gold, i) => {
      if (gold.answers.some((a) => texts.some((t) => contains(t, normaliseText(a))))) {
        found[i] = true;
        totals.matched++;
      }
    });
    const words = items.map((i) => new Set(normaliseText(i.text).split(' ')));
    totals.repeating += words.filter((w, i) =>
      words.some((o, j) => j !== i && [...w].filter((x) => o.has(x)).length >= REPEAT_SHARE * Math.min(w.size, o.size)),
    ).length;
    const topic = new Set(c.sources);
    totals.citationsInSources += items.reduce((n, i) => n + i.citations.filter((x) => topic.has(x.file)).length, 0);
  }
  return {
    id: c.id,
    kind: c.kind,
    lines: items.length,
    matched: found.filter(Boolean).length,
    gold: c.gold.length,
    missed: c.gold.filter((_, i) => !found[i]).map((g) => g.answers[0]),
  };
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const f1 = (p: number | null, r: number | null) =>
  p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : p === null || r === null ? null : 0;

function p50(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The figures of one kind, from its totals. */
export function acrossFigures(kind: AcrossCase['kind'], t: AcrossTotals) {
  const common = { questions: t.questions, abstained: t.abstained, lines: t.lines, latencyP50Ms: p50(t.latencies) };
  if (kind === 'list') {
    const precision = ratio(t.matched, t.lines);
    const recall = ratio(t.matched, t.gold);
    return { ...common, precision, recall, f1: f1(precision, recall) };
  }
  if (kind === 'timeline') {
    const precision = ratio(t.matched, t.lines);
    const recall = ratio(t.matched, t.gold);
    return {
      ...common,
      precision,
      recall,
      f1: f1(precision, recall),
      dateAccuracy: ratio(t.datesRight, t.matched),
      kendallTau: ratio(t.concordant - t.discordant, t.concordant + t.discordant),
      duplicateLines: t.duplicates,
    };
  }
  return {
    ...common,
    coverage: ratio(t.matched, t.gold),
    redundancy: ratio(t.repeating, t.lines),
    citationPrecision: ratio(t.citationsInSources, t.citations),
  };
}

export type AcrossFigures = ReturnType<typeof acrossFigures>;

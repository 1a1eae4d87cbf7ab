import { WORD, type Analyzer } from '../text/analyze.js';
import { cosine, storyFingerprint, type StoryPrint } from '../text/story-print.js';
import type { AcrossOptions } from '../settings.js';
import { aboutTopic, bestSentences, type PoolSentence } from './pool.js';

/** A line of a brief: the sentence chosen and other outlets' sentences telling the same. */
export interface BriefLine {
  reports: PoolSentence[];
}

/** A sentence shorter than this many words says too little to stand as a line ("BACA JUGA:"). */
const MIN_WORDS = 6;
/** A figure: a number, an amount, a count or a date ("331 formasi", "Rp 15,47 miliar", "17-18 Juni 2026"). */
const FACT = /\p{N}/u;

/**
 * A brief: up to `lines` sentences chosen by maximal marginal relevance, each worth its relevance to
 * the topic less its likeness (story fingerprint) to the lines already chosen, with a little more for
 * an outlet not yet drawn on, so the lines cover the topic from several outlets without repeating one
 * another; a sentence as alike as `briefRepeat` to a chosen line is not taken, and is cited with it
 * instead when another article says it. Lines are ordered by their article's date (undated last), then
 * by rank and place in the article.
 */
export function briefLines(
  pool: PoolSentence[],
  analyzer: Analyzer,
  options: AcrossOptions,
  lines: number,
): BriefLine[] {
  // A line is worth what it holds of the topic and what its article holds at best: the sentences around
  // the one that names the topic tell the story too ("kedua menteri itu fokus pada JCPOA").
  const articleBest = bestSentences(pool);
  const value = new Map(
    pool.map((s) => [
      s,
      (s.relevance + articleBest.get(s.article.file)!) / 2 + (FACT.test(s.sentence.text) ? options.briefFact : 0),
    ]),
  );
  const top = Math.max(0, ...value.values());
  const floor = Math.max(options.minRelevance, options.relative * top);
  // A brief tells the story of the articles that hold the topic best: an article that holds less of it
  // is on a neighbouring story ("Sandiaga Uno" on tourism beside the report filed against him).
  const about = aboutTopic(pool, options.articleRelative);
  const candidates = pool.filter(
    (s) => value.get(s)! >= floor && about(s) && (s.sentence.text.match(WORD) ?? []).length >= MIN_WORDS,
  );
  const prints = new Map<PoolSentence, StoryPrint>(
    candidates.map((s) => [s, storyFingerprint(s.sentence.text, analyzer)]),
  );
  const chosen: BriefLine[] = [];
  const outlets = new Set<string>();
  const likeness = (s: PoolSentence) =>
    chosen.reduce((top, line) => Math.max(top, cosine(prints.get(line.reports[0])!, prints.get(s)!)), 0);
  const left = new Set(candidates);
  while (chosen.length < lines && left.size > 0) {
    let best: PoolSentence | undefined;
    let bestWorth = -Infinity;
    for (const s of left) {
      const like = likeness(s);
      if (like >= options.briefRepeat) continue;
      const outlet = s.article.source ?? s.article.file;
      const worth =
        options.mmrLambda * value.get(s)! -
        (1 - options.mmrLambda) * like +
        (outlets.has(outlet) ? 0 : options.newOutletBonus);
      if (worth > bestWorth) {
        bestWorth = worth;
        best = s;
      }
    }
    if (!best) break;
    left.delete(best);
    chosen.push({ reports: [best] });
    outlets.add(best.article.source ?? best.article.file);
  }
  // Other articles' sentences that repeat a chosen line are cited with it.
  for (const s of left)
    for (const line of chosen)
      if (
        !line.reports.some((r) => r.article.file === s.article.file) &&
        cosine(prints.get(line.reports[0])!, prints.get(s)!) >= options.briefRepeat
      ) {
        line.reports.push(s);
        break;
      }
  const date = (l: BriefLine) => l.reports[0].article.date ?? '\uffff';
  return chosen.sort(
    (a, b) =>
      (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0) ||
      a.reports[0].rank - b.reports[0].rank ||
      a.reports[0].position - b.reports[0].position,
  );
}

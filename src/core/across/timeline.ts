import type { Analyzer } from '../text/analyze.js';
import { cosine, storyFingerprint, type StoryPrint } from '../text/story-print.js';
import type { Filters } from '../types.js';
import type { AcrossOptions } from '../settings.js';
import { dateWithin, eventDate, referenceDate } from './dates.js';
import { aboutTopic, type PoolSentence } from './pool.js';

/** One event of a timeline: its date and the sentences (one per article) that report it, the first one shown. */
export interface TimelineEvent {
  date: string;
  reports: PoolSentence[];
}

/** Dates that are the same day at the precision both give ("2020-10" and "2020-10-22" agree). */
const agree = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The events of a timeline: the topic's sentences that place something at a date (resolved against
 * their article's date, dates.ts), within the filters' dates, one line per event: a sentence telling
 * the same thing as one already placed, at an agreeing date (by story fingerprint, across outlets and
 * languages), is another report of it, and so is such a sentence whose date cannot be resolved
 * ("pada hari Kamis" in an article dated only by month beside "on Thursday" in one with a day). Events
 * are ordered by their date; sentences whose event has no date are left off the line.
 */
export function timelineEvents(
  pool: PoolSentence[],
  analyzer: Analyzer,
  options: AcrossOptions,
  filters: Pick<Filters, 'since' | 'until'> = {},
): TimelineEvent[] {
  // The events of the articles about the topic, not of a neighbouring story's (as for a brief).
  const about = aboutTopic(pool, options.articleRelative);
  const relevant = pool.filter((s) => s.relevance >= options.timelineRelevance && about(s));
  // Each article's dates are read against its own date, or the first day it writes in full.
  const references = new Map<string, string | null>();
  const reference = (s: PoolSentence) => {
    if (!references.has(s.article.file)) {
      const texts = pool
        .filter((o) => o.article.file === s.article.file)
        .sort((a, b) => a.position - b.position)
        .map((o) => o.sentence.text);
      references.set(s.article.file, referenceDate(s.article.date, texts));
    }
    return references.get(s.article.file) ?? null;
  };
  const prints = new Map<PoolSentence, StoryPrint>();
  const print = (s: PoolSentence) => {
    let p = prints.get(s);
    if (!p) prints.set(s, (p = storyFingerprint(s.sentence.text, analyzer)));
    return p;
  };
  const events: TimelineEvent[] = [];
  const undated: PoolSentence[] = [];
  for (const s of relevant) {
    const when = eventDate(s.sentence.text, reference(s));
    if (!when) {
      undated.push(s);
      continue;
    }
    if (!dateWithin(when.date, filters.since, filters.until)) continue;
    const same = events.find(
      (e) => agree(e.date, when.date) && cosine(print(e.reports[0]), print(s)) >= options.sameEvent,
    );
    if (!same) events.push({ date: when.date, reports: [s] });
    else if (!same.reports.some((r) => r.article.file === s.article.file)) {
      same.reports.push(s);
      // The more precise date of two reports is the event's.
      if (when.date.length > same.date.length) same.date = when.date;
    }
  }
  for (const s of undated) {
    const same = events.find(
      (e) =>
        !e.reports.some((r) => r.article.file === s.article.file) &&
        cosine(print(e.reports[0]), print(s)) >= options.sameEvent,
    );
    same?.reports.push(s);
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(0, options.maxItems);
}

import type { AcrossOptions } from '../settings.js';
import type { Span } from '../types.js';
import { rangeF1 } from '../answer/reader/short.js';
import { renderWords } from '../answer/reader/render.js';
import { aliasesIn, mergeEntities, nameWords } from './entities.js';
import { aboutTopic, type PoolSentence } from './pool.js';
import type { ReadSpan, SpanReader } from './spans.js';
import { coordinatedItems } from './coordination.js';
import { listReadings } from './broken.js';

/** One mention of a list item: the reader's span and the sentence that says it. */
export interface Mention {
  text: string;
  span: ReadSpan;
  /** The span's worth: the reader's share pooled over the spans that agree with it. */
  worth: number;
  /** The span is an item of a list written out in the sentence ("A, B dan C"). */
  written: boolean;
  from: PoolSentence;
}

/** A list item: the entity's fullest name and every sentence that names it. */
export interface ListItem {
  text: string;
  mentions: Mention[];
  /** The reader's best share for any of its spans. */
  confidence: number;
}

const overlaps = (a: ReadSpan, b: ReadSpan) => a.start < b.end && b.start < a.end;

/** The reader's spans pooled over: the likeliest ones hold nearly all of a sentence's share. */
const POOLED = 40;

/**
 * A sentence's usable spans (the asked shape, saying something new), worthiest first. One answer written
 * at several extents ("Iran Hossein Amir Abdollahian", "Hossein Amir Abdollahian") splits the reader's
 * share, so each span is worth the shares of all spans, in proportion to how much they agree with it
 * (the F1 of their shared characters).
 */
function worthiest(spans: ReadSpan[]): { span: ReadSpan; worth: number }[] {
  const top = spans.slice(0, POOLED);
  const worth = (s: ReadSpan) => top.reduce((sum, o) => sum + o.p * rangeF1(s.start, s.end, o.start, o.end), 0);
  return top
    .filter((s) => s.fits && !s.repeats)
    .map((span) => ({ span, worth: worth(span) }))
    .sort((a, b) => b.worth - a.worth);
}

/**
 * The answers a sentence gives to a list question. The worthiest span (worthiest) is an answer when it is
 * worth enough; beside it, spans worth a good part of it that do not overlap it ("A, B dan C": the share
 * spreads over the names).
 */
export function sentenceItems(
  spans: ReadSpan[],
  options: Pick<AcrossOptions, 'listMinSpan' | 'listSiblingRatio'>,
): { span: ReadSpan; worth: number }[] {
  const usable = worthiest(spans);
  const best = usable[0];
  if (!best || best.worth < options.listMinSpan) return [];
  const chosen = [best];
  for (const s of usable.slice(1))
    if (s.worth >= options.listSiblingRatio * best.worth && !chosen.some((c) => overlaps(c.span, s.span)))
      chosen.push(s);
  return chosen;
}

/** The form an item is shown in: the one the reader found worth most over all its mentions; of equals, the fullest. */
function shownForm(group: Mention[]): string {
  const worth = new Map<string, number>();
  for (const m of group) worth.set(m.text, (worth.get(m.text) ?? 0) + m.worth);
  return [...worth].reduce((a, b) =>
    b[1] > a[1] || (b[1] === a[1] && nameWords(b[0]).length > nameWords(a[0]).length) ? b : a,
  )[0];
}

/** How many of a sentence's worthiest spans are looked at for a written list they stand in. */
const LIST_LOOK = 5;

/**
 * The answers a sentence gives: the items of a written list ("A, B dan C") that one of its worthiest
 * spans stands in; else, for names, the reader's answers (sentenceItems). A thing asked for ("which
 * commodities") is taken only from a written list: a lone span of any shape is too often a fragment.
 */
function answersIn(
  sentence: PoolSentence['sentence'],
  spans: ReadSpan[],
  names: boolean,
  options: AcrossOptions,
): { span: ReadSpan; worth: number; written: boolean }[] {
  const likeliest = worthiest(spans).slice(0, LIST_LOOK);
  for (const { span, worth } of likeliest) {
    const items = coordinatedItems(sentence, span, names);
    if (items) return items.map((item) => ({ span: { ...span, ...item }, worth, written: true }));
  }
  return names ? sentenceItems(spans, options).map((s) => ({ ...s, written: false })) : [];
}

/**
 * The items of a list: from every sentence that holds nearly as much of the question as the best one,
 * the answers it gives (answersIn) that are of the type asked for (`accepts`), merged when they name one
 * entity (entities.ts), each item once with all its sentences. Items named by more sentences come first, then those found in better-ranked passages.
 */
export function listItems(
  pool: PoolSentence[],
  reader: SpanReader,
  options: AcrossOptions,
  asked: ReadonlySet<string>,
  accepts: (sentence: Span, item: Span) => boolean,
): ListItem[] {
  const mentions: Mention[] = [];
  const best = pool.reduce((top, s) => Math.max(top, s.relevance), 0);
  const floor = (relative: number) => Math.max(options.listMinCoverage, relative * best);
  // A list written out in a sentence is taken from a sentence that holds less of the question than a lone
  // name is: the list often follows its lead-in ("Empat nelayan … ditangkap. Mereka yakni A, B, C dan D").
  const [loneFloor, writtenFloor] = [floor(options.listRelative), floor(options.listWrittenRelative)];
  const about = aboutTopic(pool, options.articleRelative);
  for (const { read, parts } of listReadings(pool)) {
    const [lead] = parts;
    if (lead.relevance < writtenFloor || !about(lead)) continue;
    const taken: ReadSpan[] = [];
    const given: Mention[] = [];
    let writtenOfType = 0;
    for (const { span: found, worth, written } of answersIn(
      read,
      reader.spans(read, lead.article.lang),
      reader.names,
      options,
    )) {
      // Each item is cited from the sentence it stands in; the rest of a broken list holds what its lead-in holds.
      const part = parts.find((p) => p.sentence.start <= found.start && found.end <= p.sentence.end);
      if (!part) continue;
      const span = {
        ...found,
        text: part.sentence.text.slice(found.start - part.sentence.start, found.end - part.sentence.start),
      };
      const from = part === lead ? lead : { ...part, relevance: lead.relevance };
      if ((!written && from.relevance < loneFloor) || taken.some((t) => overlaps(t, span))) continue;
      if (!accepts(read, span)) continue;
      if (written) writtenOfType++;
      if (nameWords(span.text).every((w) => asked.has(w))) continue;
      taken.push(span);
      given.push({ text: span.text, span, worth, written, from });
    }
    // A written list keeps two items of the type asked for; one alone is a clause's word beside a list's.
    mentions.push(...given.filter((m) => !m.written || writtenOfType >= 2));
  }
  const aliases = pool.flatMap((s) => aliasesIn(s.sentence.text));
  // Names are merged in one language: "Turki" and "Turkey", "Rusia" and "Russia" are one country.
  const keyed = mentions.map((m) => ({
    text: renderWords(m.text, m.from.article.lang, 'en') ?? m.text,
    m,
  }));
  const groups = mergeEntities(keyed, aliases).map((group) => group.map((k) => k.m));
  const items = groups.map((group) => ({
    text: shownForm(group),
    mentions: group,
    confidence: Math.max(...group.map((m) => m.worth)),
  }));
  // Items from the sentences that hold most of the question come first; of those, the ones more sentences name.
  const held = (item: ListItem) => Math.max(...item.mentions.map((m) => m.from.relevance));
  const sentences = (item: ListItem) =>
    new Set(item.mentions.map((m) => `${m.from.article.file}:${m.from.position}`)).size;
  const sorted = items.sort((a, b) => held(b) - held(a) || sentences(b) - sentences(a));
  // A list written out in a sentence that holds the question answers it better than names read one by
  // one: once there is one, only the items of written lists are given.
  const written = (item: ListItem, floor: number) => item.mentions.some((m) => m.written && m.from.relevance >= floor);
  // Of written lists, those in sentences holding nearly as much of the question as the fullest one: a list
  // in a sentence holding less names something beside it ("Past Eurovision performers include …").
  const fullest = Math.max(0, ...mentions.filter((m) => m.written).map((m) => m.from.relevance));
  const listed = sorted.some((item) => written(item, loneFloor))
    ? sorted.filter((item) => written(item, Math.max(writtenFloor, options.listFullest * fullest)))
    : sorted;
  return listed.slice(0, options.listItems);
}

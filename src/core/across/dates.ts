/**
 * When a sentence says something happened, from the date words it holds, resolved against its article's
 * publication date: "Rabu (21/10)", "pada 1 Juli", "kemarin", "pekan lalu", "on Tuesday", "in October
 * 2020". News writes most dates relative to the day it is published, so a day without a year takes the
 * year that puts it nearest the article's date, and a weekday is the
 * latest such day on or before publication. A date that needs more than the article gives (a weekday
 * in an article dated only by month, a day and month in an undated one) is not resolved.
 */

/** A resolved date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and the words it was read from. */
export interface EventDate {
  date: string;
  /** The date words as written in the sentence. */
  words: string;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  february: 2,
  feb: 2,
  maret: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
};
/** Day of the week, Sunday = 0. "Minggu" is Sunday only capitalised (lower case it is "week"). */
const WEEKDAYS: Record<string, number> = {
  minggu: 0,
  ahad: 0,
  sunday: 0,
  senin: 1,
  monday: 1,
  selasa: 2,
  tuesday: 2,
  rabu: 3,
  wednesday: 3,
  kamis: 4,
  thursday: 4,
  jumat: 5,
  "jum'at": 5,
  friday: 5,
  sabtu: 6,
  saturday: 6,
};
/** Whether a word (any case) names a month or a day of the week: "Januari", "Rabu", "Tuesday". */
export const isCalendarWord = (word: string): boolean => {
  const lower = word.toLowerCase();
  return lower in MONTHS || lower in WEEKDAYS;
};

/** Words for a day counted from publication: "kemarin" = −1. */
const RELATIVE_DAYS: [RegExp, number][] = [
  [/\b(kemarin lusa|two days ago)\b/i, -2],
  [/\b(kemarin|yesterday)\b/i, -1],
  [/\b(hari ini|today)\b/i, 0],
  [/\b(besok|tomorrow)\b/i, 1],
];
const LAST_WEEK = /\b(pekan lalu|minggu lalu|last week|sepekan lalu|seminggu lalu|a week ago)\b/i;
const LAST_MONTH = /\b(bulan lalu|last month)\b/i;
const LAST_YEAR = /\b(tahun lalu|last year)\b/i;

const MONTH_WORD = Object.keys(MONTHS).join('|');
const WEEKDAY_WORD = Object.keys(WEEKDAYS).join('|');
/** What joins the first and last day of a range: "22-23 Desember", "1 sampai 7 April", "9 hingga 22 Juli". */
const RANGE = String.raw`(?:\s*[-–]\s*|\s+(?:hingga|sampai(?:\s+dengan)?|s\.d\.?|to|until|and|dan)\s+)\d{1,2}`;
/** "24 Februari 2022", "1 Juli", "21 Oct.", "1 sampai 7 April 2022" (a range is dated by its first day). */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:${RANGE})?\\s+(${MONTH_WORD})\\.?(?:,?\\s+((?:19|20)\\d{2}))?\\b`, 'i');
/** "July 1, 2020", "October 21" (not "May" the verb: a day follows at once). */
const MONTH_DAY = new RegExp(
  `\\b(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?!\\d)(?:(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2}))?`,
  'i',
);
/** "21/10", "(23/8)", "21/10/2020". */
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/((?:19|20)?\d{2}))?(?![\d/])/;
/** "Oktober 2020", "in October 2020". */
const MONTH_YEAR = new RegExp(`\\b(${MONTH_WORD})\\s+((?:19|20)\\d{2})\\b`, 'i');
/** "pada 2019", "in 2019", "tahun 2019", "sejak 2015". */
const YEAR = /\b(?:pada|in|tahun|year|sejak|since|during|selama)\s+((?:19|20)\d{2})\b/i;
/** "hari Rabu", "Rabu (21/10)", "on Tuesday", "Tuesday". */
const WEEKDAY = new RegExp(`\\b(${WEEKDAY_WORD})\\b`, 'gi');

interface Published {
  year: number;
  month: number | null;
  day: number | null;
}

function published(date: string | null): Published | null {
  const m = date?.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (p: Published) => new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
const valid = (year: number, month: number, day: number) => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && d.getUTCDate() === day ? d : null;
};

/** A day and month without a year: the year that puts it nearest the article's date (news writes about the weeks around it). */
function dayMonth(day: number, month: number, year: string | undefined, p: Published | null): string | null {
  if (year) {
    const d = valid(Number(year.length === 2 ? `20${year}` : year), month, day);
    return d ? iso(d) : null;
  }
  if (!p) return null;
  const published = utc({
    ...p,
    month: p.month ?? month,
    day: p.day ?? (p.month === null || p.month === month ? day : 15),
  });
  let nearest: Date | null = null;
  for (const y of [p.year - 1, p.year, p.year + 1]) {
    const d = valid(y, month, day);
    if (
      d &&
      (!nearest || Math.abs(d.getTime() - published.getTime()) < Math.abs(nearest.getTime() - published.getTime()))
    )
      nearest = d;
  }
  return nearest ? iso(nearest) : null;
}

/** The date a sentence places its event at, resolved against the article's date; null when it says none or cannot be resolved. */
export function eventDate(sentence: string, articleDate: string | null): EventDate | null {
  const p = published(articleDate);
  const found = (words: string, date: string | null) => (date ? { date, words } : null);
  let m = sentence.match(DAY_MONTH);
  if (m) return found(m[0], dayMonth(Number(m[1]), MONTHS[m[2].toLowerCase()], m[3], p));
  m = sentence.match(MONTH_DAY);
  // "may" in lower case is the verb.
  if (m && m[1] !== 'may') return found(m[0], dayMonth(Number(m[2]), MONTHS[m[1].toLowerCase()], m[3], p));
  m = sentence.match(SLASHED);
  if (m) return found(m[0], dayMonth(Number(m[1]), Number(m[2]), m[3], p));
  const full = p && p.month !== null && p.day !== null ? utc(p) : null;
  const shifted = (days: number) => {
    const d = new Date(full!.getTime());
    d.setUTCDate(d.getUTCDate() + days);
    return iso(d);
  };
  for (const [pattern, days] of RELATIVE_DAYS) {
    m = sentence.match(pattern);
    if (m) return found(m[0], full && shifted(days));
  }
  for (const w of sentence.matchAll(WEEKDAY)) {
    // "minggu" in lower case is "week", not Sunday.
    if (w[0] === 'minggu') continue;
    if (!full) return null;
    const back = (full.getUTCDay() - WEEKDAYS[w[1].toLowerCase()] + 7) % 7;
    return found(w[0], shifted(-back));
  }
  m = sentence.match(LAST_WEEK);
  if (m) return found(m[0], full && shifted(-7));
  m = sentence.match(MONTH_YEAR);
  if (m) return found(m[0], `${m[2]}-${pad(MONTHS[m[1].toLowerCase()])}`);
  m = sentence.match(LAST_MONTH);
  if (m) {
    if (!p || p.month === null) return null;
    const month = p.month === 1 ? 12 : p.month - 1;
    return found(m[0], `${p.month === 1 ? p.year - 1 : p.year}-${pad(month)}`);
  }
  m = sentence.match(LAST_YEAR);
  if (m) return found(m[0], p && String(p.year - 1));
  m = sentence.match(YEAR);
  if (m) return found(m[0], m[1]);
  return null;
}

/** Whether a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) falls within a filter's `since`/`until` (compared as prefixes). */
export function dateWithin(date: string, since?: string, until?: string): boolean {
  if (since && date.slice(0, since.length) < since.slice(0, date.length)) return false;
  if (until && date.slice(0, until.length) > until.slice(0, date.length)) return false;
  return true;
}

/** A day written in full with its year ("(25/1/2018)", "24 Januari 2018", "July 1, 2020"), as `YYYY-MM-DD`, or null. */
export function fullDate(text: string): string | null {
  const found = eventDate(text, null);
  return found && found.date.length === 10 ? found.date : null;
}

/**
 * The date an article's relative dates are read against: its own date when it gives the day; else the
 * first day its text writes in full (its dateline, "Kamis (25/1/2018)", or the first dated event) when
 * that agrees with the article's month or year, so an undated article's "12 April" and "Selasa (30/1)"
 * still find their year.
 */
export function referenceDate(articleDate: string | null, texts: string[]): string | null {
  if (articleDate && articleDate.length === 10) return articleDate;
  for (const text of texts) {
    const day = fullDate(text);
    if (day && (!articleDate || day.startsWith(articleDate))) return day;
  }
  return articleDate;
}

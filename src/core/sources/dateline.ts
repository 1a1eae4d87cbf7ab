import { isOutletLike, monthNumber, MONTH_NAMES } from './metadata.js';

/**
 * What the opening of an article says about itself: the outlet and the publication date a dateline
 * names ("Jakarta, Kompas.com —", "JAKARTA (ANTARA) -", "LONDON, Oct 21 (Reuters) -", "Senin, 20 Okt 2025
 * 14:45 WIB", "Published 21 October 2025"), and how many characters of the line the dateline takes
 * (0 when it stays part of the sentence).
 */
export interface Dateline {
  outlet: string | null;
  date: string | null;
  length: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A real calendar date as `YYYY-MM-DD`, or null ("31/2/2025" is none). */
function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2099) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const WEEKDAYS =
  "senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun";
/** Month names matching in any case, in patterns that need `\p{Lu}` and so cannot take the `i` flag. */
const MONTHS = MONTH_NAMES.map((name) => [...name].map((c) => `[${c.toUpperCase()}${c}]`).join('')).join('|');
const DASH = String.raw`\s*(?:--|[-–—])\s+`;
/** A place in capitals or title case, up to three words: "JAKARTA", "Buriram, Thailand", "Kota Bekasi". */
const PLACE = String.raw`\p{Lu}[\p{L}.'’]*(?:,? \p{Lu}[\p{L}.'’]*){0,2}`;
/** An outlet as written: one or two words, letters, digits and dots ("Kompas.com", "CNN Indonesia", "KONTAN.CO.ID"). */
const OUTLET = String.raw`[\p{L}\d][\p{L}\d.]*(?: [\p{L}\d][\p{L}\d.]*)?`;
/** "Oct 21", "21 Oktober", "October 21, 2025", "21 Okt 2025". */
const MONTH_DAY = String.raw`(?:(?:${MONTHS})\.? \d{1,2}(?:,? \d{4})?|\d{1,2} (?:${MONTHS})\.?(?: \d{4})?)`;

/** A line that is only a date, as sites print it above the text: "Senin, 20 Okt 2025 14:45 WIB", "Published 21 October 2025". */
const DATE_LINE = new RegExp(
  String.raw`^(?:(?:published|updated|posted|diterbitkan|dipublikasikan|diperbarui)(?: on| pada)?:?\s+)?(?:(?:${WEEKDAYS}),?\s+)?(${MONTH_DAY})(?:,?\s+(?:pukul\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:WIB|WITA|WIT|GMT|UTC|[AP]M))?)?\s*$`,
  'iu',
);
/** "Bisnis.com, JAKARTA —", "TRIBUNNEWS.COM -", "jpnn.com - JAKARTA -", "KONTAN.CO.ID - JAKARTA.", "Suara.com -". */
const OUTLET_FIRST = new RegExp(
  String.raw`^([\p{L}\d][\p{L}\d.]*)(?:(?:,|\.|${DASH}) ?\p{Lu}[\p{Lu}\s]*?(?:\.\s+|${DASH})|${DASH})(?=\S)`,
  'u',
);
/** "Jakarta, Kompas.com —", "Jakarta, CNN Indonesia --", "SYDNEY, JUARA.net -". */
const PLACE_OUTLET = new RegExp(String.raw`^${PLACE}, (${OUTLET})${DASH}(?=\S)`, 'u');
/** "JAKARTA (ANTARA) -", "Temanggung (ANTARA News) -", "Jakarta (ANTARA/JACX) -", "LONDON, Oct 21 (Reuters) -". */
const PLACE_AGENCY = new RegExp(
  String.raw`^${PLACE}(?:,? (${MONTH_DAY}))?,? \((${OUTLET})(?:/[\p{L}\d]+)*\)${DASH}(?=\S)`,
  'u',
);
/** The same bracketed agency dateline a little into the opening, after a pulled quote or a caption glued to it. */
const AGENCY_INSIDE = new RegExp(
  String.raw`(?:^|\s|\p{Ll})(${PLACE}) \((${OUTLET})(?:/[\p{L}\d]+)*\)${DASH}(?=\S)`,
  'u',
);
/** How far into the opening a bracketed agency dateline is still the article's own. */
const AGENCY_REACH = 400;
/**
 * The day a lead reports, as Indonesian sites write it: "Selasa (21/10/2025)", "(16/9/2023)" (its closing
 * bracket sometimes lost to a typo), or with the weekday, "Minggu 15 September 2024".
 */
const LEAD_DATE = new RegExp(
  String.raw`\((\d{1,2})/(\d{1,2})/(\d{4})(?:\)|(?=[.,]))|\b(?:${WEEKDAYS}),? (\d{1,2} (?:${MONTHS})\.? \d{4})`,
  'giu',
);
/**
 * A day named as tomorrow or yesterday of the writing ("Kamis 5 September 2024 besok", "Kamis (18/6/2026)
 * kemarin") dates the article a day off; one still to come at an unknown distance ("mendatang", "nanti")
 * or already past ("… lalu") dates nothing.
 */
const RELATIVE_DAY: [RegExp, number | null][] = [
  [/^[^.]{0,20}?\b(?:besok|tomorrow)\b/i, -1],
  [/^[^.]{0,20}?\b(?:kemarin|yesterday)\b/i, 1],
  [/^[^.]{0,20}?\b(?:mendatang|nanti|next|lalu|last)\b/i, null],
];
/**
 * A day that opens or closes a span or states a status as of it ("Mulai Selasa, 26 Desember 2017", "mulai
 * Senin (27/2/2023)", "until Monday", "per tanggal Sabtu 10 Agustus 2024") is not the day reported either.
 */
const SPAN_START = new RegExp(
  String.raw`\b(?:mulai|sejak|hingga|sampai|per|per tanggal|from|since|until|starting)\s*,?\s*(?:(?:${WEEKDAYS}),?\s*)?$`,
  'i',
);
/**
 * The lead: its first sentences (the day is often in the second: `"…," kata Abu, Selasa (21/2/2017).`), up
 * to this many and at most `LEAD_REACH` characters. A date further on is never the publication date.
 */
const LEAD_SENTENCES = 2;
const LEAD_REACH = 480;

/** A date written with a month name; the year is required (a dateline without one dates nothing). */
function monthDayDate(text: string | undefined): string | null {
  if (!text) return null;
  const dayFirst = /^(\d{1,2}) (\p{L}+)\.?(?: (\d{4}))?$/u.exec(text);
  const monthFirst = /^(\p{L}+)\.? (\d{1,2})(?:,? (\d{4}))?$/u.exec(text);
  const [day, month, year] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [];
  const m = month ? monthNumber(month) : null;
  return year && m ? isoDate(Number(year), m, Number(day)) : null;
}

const outletOf = (token: string | undefined): string | null =>
  token && isOutletLike(token.replace(/\.$/, '')) ? token.replace(/\.$/, '') : null;

/** The dateline at the head of an opening line, or null when the line has none. */
export function readDateline(line: string): Dateline | null {
  const dateOnly = DATE_LINE.exec(line);
  if (dateOnly) {
    const date = monthDayDate(dateOnly[1]);
    return date ? { outlet: null, date, length: line.length } : null;
  }
  const agency = PLACE_AGENCY.exec(line);
  if (agency && outletOf(agency[2]))
    return { outlet: outletOf(agency[2]), date: monthDayDate(agency[1]), length: agency[0].length };
  for (const pattern of [PLACE_OUTLET, OUTLET_FIRST]) {
    const match = pattern.exec(line);
    const outlet = outletOf(match?.[1]);
    if (match && outlet) return { outlet, date: null, length: match[0].length };
  }
  return null;
}

/** A bracketed agency dateline within the first few hundred characters of the opening ("…2023. Bandung (ANTARA) - …"). */
export function agencyInOpening(text: string): string | null {
  const match = AGENCY_INSIDE.exec(text.slice(0, AGENCY_REACH));
  return outletOf(match?.[2]);
}

/**
 * The end of a lead's first `LEAD_SENTENCES` sentences: each ends at a full stop followed by a space and a
 * capital or a quote, or at a paragraph break; a sentence with no end in reach runs to `LEAD_REACH`.
 */
function leadEnd(text: string): number {
  const stops = /[.!?]["”’)]?\s+(?=[\p{Lu}"“])|\n\s*\n/gu;
  for (let n = 0; n < LEAD_SENTENCES; n++) {
    const stop = stops.exec(text);
    if (!stop || stop.index >= LEAD_REACH) return Math.min(text.length, LEAD_REACH);
    if (n === LEAD_SENTENCES - 1) return stop.index + 1;
  }
  return Math.min(text.length, LEAD_REACH);
}

/** Moves an ISO date by `days`. */
function shiftDate(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day the lead reports ("Selasa (21/10/2025)"), or null. */
export function leadDate(text: string): string | null {
  const lead = text.slice(0, leadEnd(text));
  for (const match of lead.matchAll(LEAD_DATE)) {
    if (SPAN_START.test(text.slice(0, match.index))) continue;
    const date = match[4] ? monthDayDate(match[4]) : isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
    if (!date) continue;
    const after = text.slice(match.index + match[0].length);
    const relative = RELATIVE_DAY.find(([pattern]) => pattern.test(after));
    if (!relative) return date;
    return relative[1] === null ? null : shiftDate(date, relative[1]);
  }
  return null;
}

/** A date in a file's path: "2025/10/21/…", "2025-10-21-…", "news/2025/10/…" (year and month only). */
export function pathDate(file: string): string | null {
  const match = /(?:^|\/)((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/_.-])/.exec(file);
  if (!match) return null;
  if (!match[3]) return `${match[1]}-${match[2]}`;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Facts about an article read from its text: publication date and outlet. */

const MONTHS: Record<string, number> = {
  january: 1,
  januari: 1,
  jan: 1,
  february: 2,
  februari: 2,
  feb: 2,
  pebruari: 2,
  march: 3,
  maret: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  mei: 5,
  june: 6,
  juni: 6,
  jun: 6,
  july: 7,
  juli: 7,
  jul: 7,
  august: 8,
  agustus: 8,
  aug: 8,
  agu: 8,
  agt: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oktober: 10,
  oct: 10,
  okt: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  december: 12,
  desember: 12,
  dec: 12,
  des: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** Month names and abbreviations in Indonesian and English, longest first so a pattern prefers "Oktober" to "Okt". */
export const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length);

/** The month (1–12) a name or abbreviation stands for, or null. */
export const monthNumber = (name: string): number | null => MONTHS[name.toLowerCase()] ?? null;

/** The `date 2020-10` / `date 2020-10-22` header some archives put on the first line. */
export const DATE_HEADER = /^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*/i;

/**
 * The first full date written out in a record's date field ("23 Agustus 2020", "August 23, 2020", "2020-08-23"),
 * or null. Never used on an article's body: a date there is not the publication date (see `dateline.ts`).
 */
export function findDateInText(text: string): string | null {
  const iso = /\b(19|20)(\d{2})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}${iso[2]}-${iso[3]}-${iso[4]}`;
  const names = Object.keys(MONTHS).join('|');
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+(${names})\\.?\\s+((?:19|20)\\d{2})\\b`, 'i').exec(text);
  if (dayFirst) return `${dayFirst[3]}-${pad(MONTHS[dayFirst[2].toLowerCase()])}-${pad(Number(dayFirst[1]))}`;
  const monthFirst = new RegExp(`\\b(${names})\\.?\\s+(\\d{1,2}),?\\s+((?:19|20)\\d{2})\\b`, 'i').exec(text);
  if (monthFirst) return `${monthFirst[3]}-${pad(MONTHS[monthFirst[1].toLowerCase()])}-${pad(Number(monthFirst[2]))}`;
  return null;
}

/** Agency codes that close an article, e.g. "(IT/TGM)", "[IT/r]", "MA/IRN84085473", "(ARN)". */
export const AGENCY_TRAILER = /[([]?\b([A-Z]{2,})(?:\/[A-Za-z]*(\d*))*[)\]]?\s*$/;

const AGENCY_OUTLETS: Record<string, string> = {
  IT: 'IslamTimes',
  IRN: 'IRNA',
  IRNA: 'IRNA',
  ARN: 'ARRAHMAHNEWS.COM',
  ANT: 'ANTARA',
  ANTARA: 'ANTARA',
  AFP: 'AFP',
  AP: 'AP',
  REUTERS: 'Reuters',
};

/** The outlet behind an agency trailer: the code after the last slash names it ("MA/IRN8408" → IRNA). */
export function outletFromAgencyCode(code: string): string | null {
  const parts = code.replace(/[()[\]\s]/g, '').split('/');
  for (const part of [...parts].reverse()) {
    const letters = /^[A-Za-z]+/.exec(part)?.[0].toUpperCase();
    if (letters && AGENCY_OUTLETS[letters]) return AGENCY_OUTLETS[letters];
  }
  return null;
}

/** Outlets and agencies known by name; any other outlet guess needs an outlet-like shape (see `isOutletLike`). */
const KNOWN_OUTLETS = new Set([
  'afp',
  'ap',
  'antara',
  'aljazeera',
  'anadolu',
  'bbc',
  'bernama',
  'bisnis',
  'bloomberg',
  'cnbc',
  'cnn',
  'detik',
  'detikcom',
  'dpa',
  'efe',
  'fars',
  'irna',
  'isna',
  'jawapos',
  'jpnn',
  'kontan',
  'cnnindonesia',
  'kompas',
  'kumparan',
  'kyodo',
  'liputan6',
  'mehr',
  'merdeka',
  'nhk',
  'okezone',
  'presstv',
  'republika',
  'reuters',
  'ria',
  'sindonews',
  'sputnik',
  'suara',
  'tasnim',
  'tass',
  'tempo',
  'tirto',
  'upi',
  'viva',
  'vna',
  'xinhua',
  'yonhap',
]);

/** Words that name a kind of outlet: "Jakarta Post", "Berita Harian", "Metro TV". */
const OUTLET_WORD =
  /^(?:\p{L}*(?:news|times|post|daily|media|online|press)|tribun\p{L}*|pos|berita|harian|kabar|tv|radio|herald|journal|gazette|telegraph|wire|today|network|channel|agency)$/iu;

/**
 * Whether a token at the head of an article can name its outlet: a known outlet or agency, a web domain
 * ("ARRAHMAHNEWS.COM"), an inner capital ("IslamTimes") or digit ("Liputan6"), or an outlet word
 * ("Jakarta Post"). A bare place name ("JAKARTA", "Hanoi") never is: datelines are not outlets.
 */
export function isOutletLike(token: string): boolean {
  const key = token.toLowerCase().replace(/[\s.]+/g, '');
  if (KNOWN_OUTLETS.has(key) || AGENCY_OUTLETS[token.toUpperCase()] !== undefined) return true;
  if (KNOWN_OUTLETS.has(token.split(/\s+/)[0].toLowerCase())) return true;
  if (/\.[a-z]{2,}$/i.test(token)) return true;
  if (/\p{Ll}\p{Lu}/u.test(token) || /\p{L}\d/u.test(token)) return true;
  return token.split(/\s+/).some((word) => OUTLET_WORD.test(word));
}

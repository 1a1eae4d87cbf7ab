import { isStopword } from '../../text/stopwords.js';
import type { Span } from '../../types.js';

/** A word of a sentence with its offsets into the article's original text. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  capital: boolean;
  number: boolean;
  /** Punctuation (anything but spaces) stands between this word and the one before it. */
  broken: boolean;
  /** A sentence-like stop (";", "!", "?", or a full stop after a word that is no abbreviation) stands before it: no span runs over it. */
  stop: boolean;
}

/** What a candidate span looks like, which is what the question's answer type is matched against. */
export interface Shape {
  /** Every word capitalised (connectors such as "bin", "van", "al" allowed inside). */
  name: boolean;
  /** The span starts with a title ("Presiden", "Menteri", "Dr") or one stands right before it. */
  titled: boolean;
  number: boolean;
  startsWithNumber: boolean;
  date: boolean;
  /** Right after "di", "ke", "dari", "in", "at", "from"… */
  placeLike: boolean;
  /** Starts with an organisation head ("PT", "Partai", "Kementerian", "Bank"…). */
  orgLike: boolean;
  /** The span starts the sentence (a capital there says nothing). */
  atStart: boolean;
  /** Right after a colon, an opening quote or parenthesis, or inside parentheses. */
  set: boolean;
  /** A word, then a number ("tahun 1982", "Rp 3,7 miliar", "sekitar 50.000 ekor"). */
  leadWord: boolean;
  /** Ends on a number with a content word right after it, left out (the unit or what is counted: "253 | suku"). */
  bareNumber: boolean;
}

/** A candidate answer: `text === raw.slice(start, end)`; `from`/`to` index the sentence's words. */
export interface SpanCandidate extends Span {
  from: number;
  to: number;
  shape: Shape;
}

/** The longest candidate, in words: long enough for a definition or a place with its region. */
export const MAX_SPAN_WORDS = 12;
/** A word this short before a full stop is an initial or an abbreviation ("Dr.", "H.", "Y."), not the end of a clause. */
const ABBREVIATION_LENGTH = 3;

const WORD = /[\p{L}\p{N}]+(?:[.,:/'’-][\p{L}\p{N}]+)*/gu;
const NUMBER_WORD =
  /^(nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|puluhan|ratus|ratusan|ribu|ribuan|juta|jutaan|miliar|triliun|seratus|seribu|sejuta|setengah|separuh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|once|twice|dozen|dozens|half)$/;
const MONTH =
  /^(januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|january|february|march|may|june|july|august|october|december|jan|feb|mar|apr|jun|jul|aug|agu|sep|sept|okt|oct|nov|des|dec)$/;
const DAY =
  /^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const DATE_NUMBER = /^(\d{1,2}\/\d{1,2}(\/\d{2,4})?|1\d{3}|20\d{2})$/;
const CONNECTOR = /^(bin|binti|van|von|der|den|de|da|al|el|la|le|del|dos|of|the|and|&)$/;
const TITLE =
  /^(presiden|wakil|menteri|menlu|mendagri|gubernur|bupati|walikota|wali|kepala|ketua|direktur|dirut|jenderal|jend|letjen|mayjen|brigjen|kolonel|kapten|kapolri|kapolda|kapolres|panglima|raja|ratu|pangeran|sultan|syekh|syeikh|imam|ustaz|kyai|kiai|haji|dr|prof|ir|drs|h|hj|kh|pak|bu|bapak|ibu|sdr|tuan|nyonya|pelatih|manajer|komandan|president|minister|secretary|governor|mayor|chairman|director|general|colonel|captain|coach|manager|commander|chief|spokesperson|king|queen|prince|sheikh|mr|mrs|ms|sir|lord|spokeswoman|spokesman|juru|jubir|senator|ambassador|duta|pastor|paus|pope|st)$/;
const ORG_HEAD =
  /^(pt|cv|tbk|partai|kementerian|departemen|badan|lembaga|dewan|komisi|bank|universitas|institut|sekolah|rumah|persatuan|perserikatan|organisasi|yayasan|majelis|mahkamah|pengadilan|kejaksaan|kepolisian|polda|polres|pemerintah|pemkot|pemkab|pemprov|dinas|ministry|department|council|commission|university|party|company|corporation|association|court|agency|federation|union|club|fc|klub|persatuan)$/;
/** Whether a (lower-case) word heads an organisation's name: "Komisi", "Dewan", "Partai", "Ministry". */
export const isOrgHead = (lower: string): boolean => ORG_HEAD.test(lower);
const PLACE_PREP =
  /^(di|ke|dari|in|at|from|to|near|dekat|kota|provinsi|pulau|negara|kabupaten|desa|kawasan|daerah|wilayah|propinsi)$/;

/** A month, a day of the week, a day/month pair or a year. */
const isDateWord = (lower: string): boolean => MONTH.test(lower) || DAY.test(lower) || DATE_NUMBER.test(lower);

function isNumberWord(lower: string): boolean {
  return /\p{N}/u.test(lower) || NUMBER_WORD.test(lower);
}

/** The words of a sentence with offsets into the article's original text (the sentence's own offsets are kept). */
export function wordsOf(sentence: Span): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  for (const match of sentence.text.matchAll(WORD)) {
    const text = match[0];
    const gap = sentence.text.slice(previousEnd, match.index);
    const lower = text.toLowerCase();
    const previous = words[words.length - 1];
    words.push({
      text,
      lower,
      start: sentence.start + match.index,
      end: sentence.start + match.index + text.length,
      capital: /^\p{Lu}/u.test(text),
      number: isNumberWord(lower),
      broken: words.length > 0 && /[^\s]/.test(gap),
      stop:
        previous !== undefined && (/[;!?]/.test(gap) || (/\./.test(gap) && previous.text.length > ABBREVIATION_LENGTH)),
    });
    previousEnd = match.index + text.length;
  }
  return words;
}

/** Whether a title ends the capitalised run right before a span ("US Secretary of State | Mike Pompeo", "Presiden | Joko Widodo"). */
function titleBefore(words: Word[], from: number): boolean {
  for (let i = from - 1; i >= Math.max(0, from - 4) && !words[i + 1].broken; i--) {
    if (TITLE.test(words[i].lower)) return true;
    if (!words[i].capital && !CONNECTOR.test(words[i].lower)) return false;
  }
  return false;
}

function shapeOf(words: Word[], from: number, to: number, sentence: Span): Shape {
  const inside = words.slice(from, to);
  const before = words[from - 1];
  const first = inside[0];
  const last = inside[inside.length - 1];
  const after = words[to];
  const name = inside.every(
    (w, i) => w.capital || (w.number && i > 0) || (i > 0 && i < inside.length - 1 && CONNECTOR.test(w.lower)),
  );
  const gapBefore = sentence.text.slice(before ? before.end - sentence.start : 0, first.start - sentence.start);
  const closes = sentence.text.slice(last.end - sentence.start, last.end - sentence.start + 2);
  return {
    name: name && first.capital,
    titled: TITLE.test(first.lower) || titleBefore(words, from),
    number: inside.some((w) => w.number),
    startsWithNumber: first.number,
    date: inside.some((w) => isDateWord(w.lower)),
    placeLike: before !== undefined && !first.broken && PLACE_PREP.test(before.lower),
    orgLike: isOrgHead(first.lower),
    atStart: from === 0,
    set: /[:("“']\s*$/.test(gapBefore) || /^\s*[)"”']/.test(closes),
    leadWord: inside.length > 1 && !first.number && inside[1].number,
    bareNumber: last.number && after !== undefined && !after.broken && !after.number && !isStopword(after.lower),
  };
}

/** A span may not start or end on a stopword, except a count's unit ("tiga kali") and words inside names. */
function acceptable(words: Word[], from: number, to: number): boolean {
  const first = words[from];
  const last = words[to - 1];
  const loose = (w: Word) => !w.number && !w.capital && isStopword(w.lower);
  return !loose(first) && !(loose(last) && !(to - from === 2 && first.number));
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** A span's end moved past the closing bracket of one it opened ("(IAEA" → "(IAEA)"). */
function closed(sentence: Span, start: number, end: number): number {
  const text = sentence.text.slice(start - sentence.start, end - sentence.start);
  const next = sentence.text[end - sentence.start];
  return next === ')' && count(text, '(') > count(text, ')') ? end + 1 : end;
}

/**
 * Every span of up to MAX_SPAN_WORDS words of a sentence that does not run over a stop (commas,
 * brackets and quotes may stand inside: "Pasuruan, Jawa Timur", "Badan Tenaga Atom Internasional
 * (IAEA)"), with its shape. Offsets are the article's: `raw.slice(c.start, c.end) === c.text` whenever
 * `raw.slice(sentence.start, sentence.end) === sentence.text`.
 */
export function spanCandidates(sentence: Span, words: Word[] = wordsOf(sentence)): SpanCandidate[] {
  const candidates: SpanCandidate[] = [];
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 1; to <= Math.min(words.length, from + MAX_SPAN_WORDS); to++) {
      if (to - 1 > from && words[to - 1].stop) break;
      if (!acceptable(words, from, to)) continue;
      const start = words[from].start;
      const end = closed(sentence, start, words[to - 1].end);
      candidates.push(candidateOf(sentence, words, from, to, start, end));
    }
  }
  return candidates;
}

/**
 * A name candidate widened to the whole name around it ("Amir Abdollahian" → "Hossein Amir
 * Abdollahian"): over capitalised words next to it with no punctuation between, stopping at titles,
 * stopwords, words of the question (`asked`) and a word after "di"/"dari"/"in"/"from"… (a place:
 * "dari Iran Hossein Amir Abdollahian" stays "Hossein Amir Abdollahian").
 */
export function wholeName(
  sentence: Span,
  words: Word[],
  c: SpanCandidate,
  asked: (i: number) => boolean,
): SpanCandidate {
  if (!c.shape.name) return c;
  const joins = (i: number) => {
    const w = words[i];
    return (
      w.capital &&
      !w.number &&
      !TITLE.test(w.lower) &&
      !isStopword(w.lower) &&
      !asked(i) &&
      !(i > 0 && PLACE_PREP.test(words[i - 1].lower))
    );
  };
  let { from, to } = c;
  while (from > 0 && !words[from].broken && joins(from - 1)) from--;
  while (to < words.length && !words[to].broken && joins(to)) to++;
  if (from === c.from && to === c.to) return c;
  return candidateOf(sentence, words, from, to, words[from].start, Math.max(c.end, words[to - 1].end));
}

/** The candidate over words `from` to `to` of a sentence, from offset `start` to `end` of its file. */
function candidateOf(
  sentence: Span,
  words: Word[],
  from: number,
  to: number,
  start: number,
  end: number,
): SpanCandidate {
  return {
    start,
    end,
    text: sentence.text.slice(start - sentence.start, end - sentence.start),
    from,
    to,
    shape: shapeOf(words, from, to, sentence),
  };
}

/**
 * A count shown with what is counted right after it ("30" or "30 rubber" → "30 rubber boats", "tiga" →
 * "tiga kali"): widened over the words `counted` names (the question's kind words), with no punctuation
 * between, when the span ends on a number or on one of them.
 */
export function withCounted(
  sentence: Span,
  words: Word[],
  c: SpanCandidate,
  counted: (w: Word) => boolean,
): SpanCandidate {
  const last = words[c.to - 1];
  if (!last.number && !counted(last)) return c;
  let to = c.to;
  while (to < words.length && !words[to].broken && counted(words[to])) to++;
  if (to === c.to) return c;
  const end = words[to - 1].end;
  return {
    start: c.start,
    end,
    text: sentence.text.slice(c.start - sentence.start, end - sentence.start),
    from: c.from,
    to,
    shape: shapeOf(words, c.from, to, sentence),
  };
}

/** A match's score written as one word: "1-0", "2-1" (not a time, "19:30"). */
const SCORE = /^\d{1,2}-\d{1,2}$/;

/**
 * The score a sentence states, alone, for a question asking a match's score: the span's own ("1-0" of
 * "1-0 di Jakarta"), else the sentence's first; the span itself when the sentence states none.
 */
export function scoreIn(sentence: Span, words: Word[], c: SpanCandidate): SpanCandidate {
  const inSpan = words.findIndex((w, i) => i >= c.from && i < c.to && SCORE.test(w.text));
  const at = inSpan >= 0 ? inSpan : words.findIndex((w) => SCORE.test(w.text));
  if (at < 0) return c;
  const { start, end, text } = words[at];
  return { start, end, text, from: at, to: at + 1, shape: shapeOf(words, at, at + 1, sentence) };
}

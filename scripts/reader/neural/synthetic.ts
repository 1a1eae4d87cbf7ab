/**
 * Synthetic reading questions from unlabelled news, featurized for training.
 *
 *   node --import tsx scripts/reader/neural/synthetic.ts <outDir> [corporaDir] [articlesPerFile]
 *
 * Templates turn a sentence holding a count, a name, a date or a place into a question asked in other
 * words: Indonesian me- verbs asked in the di- passive and the reverse ("Petugas mengerahkan 30 perahu"
 * -> "Berapa perahu yang dikerahkan petugas?"), parts of the sentence dropped or moved. Each question is
 * read over its passage and a neighbouring passage of the same article; hard negatives, answered by
 * nothing, are the question with its name or number swapped for another article's, and the question
 * over the neighbouring passage alone. Articles held out for evaluation (sha1 of the id starting with
 * "0") are never read. Deterministic: files and articles in a fixed order, choices by hash.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chunkArticle } from '../../../src/core/corpus/chunk.js';
import { splitSentences } from '../../../src/core/corpus/sentences.js';
import { createAnalyzer, tokenize, type Analyzer, type Token } from '../../../src/core/text/analyze.js';
import { featurize, fnv1a, readQuestionTokens, type Featurized } from '../../../src/core/answer/neural/featurize.js';
import type { Lang, Passage, Span } from '../../../src/core/types.js';
import { writeSet, type Row } from './tensors.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * News files only: their sentences are what users ask about. English files are read `scale` times as
 * deep, since the labelled training questions are all Indonesian and English questions come from here alone.
 */
const FILES: { file: string; lang: Lang; scale: number }[] = [
  { file: 'id/indosum.jsonl.gz', lang: 'id', scale: 1 },
  { file: 'id/news-scrape.jsonl.gz', lang: 'id', scale: 1 },
  { file: 'en/bbc.jsonl.gz', lang: 'en', scale: 3 },
  { file: 'en/reuters21578.jsonl.gz', lang: 'en', scale: 3 },
];
const PER_ARTICLE = 3;
/** English questions over Indonesian sentences (see crossLanguage); off for the ablation (--no-cross-language). */
const CROSS_LANGUAGE = !process.argv.includes('--no-cross-language');

/** Held out for evaluation: never a question, never a distractor. */
export const heldOut = (id: string): boolean => crypto.createHash('sha1').update(id, 'utf8').digest('hex')[0] === '0';

interface Record {
  id: string;
  title: string;
  text: string;
}

interface Generated {
  question: string;
  answer: Span;
  /** A name or number of the question that another article's can replace, for a hard negative. */
  swappable?: { kind: 'name' | 'number'; text: string };
}

const words = (tokens: Token[], text: string, from: number, to: number) =>
  tokens.slice(Math.max(0, from), Math.max(0, to)).map((t) => text.slice(t.start, t.end));
const lower = (ws: string[]) =>
  ws.map((w, i) => (i === 0 && !/^\p{Lu}{2,}/u.test(w) ? w.charAt(0).toLowerCase() + w.slice(1) : w));

/** The di- passive of a me- verb: di + stem + its suffix ("mengerahkan" -> "dikerahkan"). */
function passive(verb: string, analyzer: Analyzer): string | null {
  const stem = analyzer.stem(verb, 'id');
  if (stem === verb || !/^me/.test(verb)) return null;
  const suffix = /kan$/.test(verb) ? 'kan' : /i$/.test(verb) && !/i$/.test(stem) ? 'i' : '';
  return `di${stem}${suffix}`;
}

/** The me- active of a di- verb, with the nasal the stem's first letter takes ("dicetak" -> "mencetak"). */
function active(verb: string, analyzer: Analyzer): string | null {
  const stem = analyzer.stem(verb, 'id');
  if (stem === verb || !/^di/.test(verb)) return null;
  const suffix = /kan$/.test(verb) ? 'kan' : /i$/.test(verb) && !/i$/.test(stem) ? 'i' : '';
  const c = stem[0];
  const nasal = /[bfv]/.test(c)
    ? `mem${stem}`
    : c === 'p'
      ? `mem${stem.slice(1)}`
      : /[cdj]/.test(c)
        ? `men${stem}`
        : c === 't'
          ? `men${stem.slice(1)}`
          : c === 's'
            ? `meny${stem.slice(1)}`
            : c === 'k'
              ? `meng${stem.slice(1)}`
              : /[aiueogh]/.test(c)
                ? `meng${stem}`
                : `me${stem}`;
  return `${nasal}${suffix}`;
}

const NOT_NAMES = new Set([
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'sabtu',
  'minggu',
  'bulan',
  'tahun',
  'baca',
  'jakarta',
]);
const isName = (t: Token) => t.capital && !/\p{N}/u.test(t.word) && !NOT_NAMES.has(t.word);
/** A whole number standing alone (not a part of "15.792", "30-an" or "1/10", not a year). */
const isCount = (t: Token, text: string) =>
  /^\d+$/.test(t.word) &&
  !/^(19|20)\d\d$/.test(t.word) &&
  !/[\d.,/-]$/.test(text.slice(0, t.start)) &&
  !/^[.,/-]?\d|^-/.test(text.slice(t.end));
/** The next token, when only a space separates it (a name runs over spaces, not over punctuation). */
const joined = (tokens: Token[], j: number, text: string) =>
  tokens[j + 1] !== undefined && text.slice(tokens[j].end, tokens[j + 1].start) === ' ';

/** Each run of name words (capitalised, not a stopword, joined by one space), as its first and last token. */
function* nameRuns(tokens: Token[], local: string, analyzer: Analyzer): Generator<[number, number]> {
  for (let i = 0; i < tokens.length; i++) {
    if (
      !isName(tokens[i]) ||
      analyzer.isStopword(tokens[i].word, 'id') ||
      analyzer.isStopword(tokens[i].word, 'en') ||
      (i > 0 && isName(tokens[i - 1]) && joined(tokens, i - 1, local))
    )
      continue;
    let j = i;
    while (joined(tokens, j, local) && isName(tokens[j + 1])) j++;
    yield [i, j];
    i = j;
  }
}

/** Tokens i to j of sentence `s` as a span of the article's text. */
const runSpan = (s: Span, tokens: Token[], local: string, i: number, j: number): Span => ({
  start: s.start + tokens[i].start,
  end: s.start + tokens[j].end,
  text: local.slice(tokens[i].start, tokens[j].end),
});

/** Questions a sentence of an Indonesian article answers. */
function indonesian(text: string, s: Span, analyzer: Analyzer, pick: number): Generated[] {
  const local = text.slice(s.start, s.end);
  const tokens = tokenize(local);
  const at = (t: Token): Span => ({
    start: s.start + t.start,
    end: s.start + t.end,
    text: local.slice(t.start, t.end),
  });
  const out: Generated[] = [];
  const content = (t: Token | undefined) =>
    t && !analyzer.isStopword(t.word, 'id') && /^\p{Ll}+$/u.test(local.slice(t.start, t.end));
  tokens.forEach((t, i) => {
    // A count and what is counted: "Petugas mengerahkan 30 perahu karet untuk …".
    if (!isCount(t, local) || !content(tokens[i + 1])) return;
    const np = words(tokens, local, i + 1, content(tokens[i + 2]) ? i + 3 : i + 2).join(' ');
    const verb = tokens[i - 1];
    const di = verb && passive(verb.word, analyzer);
    const subject = lower(words(tokens, local, i - 4, i - 1)).join(' ');
    const question =
      di && i >= 2
        ? `Berapa ${np} yang ${di} ${subject}?`
        : `${lower(words(tokens, local, i - 5, i)).join(' ')} berapa ${np} ${words(tokens, local, i + 3, i + 3 + (pick % 4)).join(' ')}?`;
    out.push({
      question: question.replace(/\s+/g, ' ').replace(/^\s*\p{Ll}/u, (c) => c.trim().toUpperCase()),
      answer: at(t),
      swappable: { kind: 'number', text: t.word },
    });
  });
  // A name doing something: "Egy Maulana Vikri mencetak gol …" -> "Siapa yang mencetak gol …?"; "… dicetak oleh Egy …" -> "Siapa yang mencetak …?".
  for (const [i, j] of nameRuns(tokens, local, analyzer)) {
    const name = runSpan(s, tokens, local, i, j);
    const next = tokens[j + 1];
    if (next && /^(me|ber)/.test(next.word) && next.word.length > 5) {
      const rest = words(tokens, local, j + 2, j + 3 + (pick % 4)).join(' ');
      out.push({ question: `Siapa yang ${next.word} ${rest}?`, answer: name, swappable: undefined });
    }
    const by = tokens[i - 1];
    const verb = tokens[i - 2];
    if (by?.word === 'oleh' && verb && /^di/.test(verb.word)) {
      const me = active(verb.word, analyzer);
      const object = lower(words(tokens, local, i - 5, i - 2)).join(' ');
      if (me) out.push({ question: `Siapa yang ${me} ${object}?`, answer: name });
    }
  }
  // When and where: the sentence asked with its date or place left out.
  const date = /\bpada (tahun \d{4}|\d{1,2} \p{Lu}\p{L}+ \d{4}|\p{Lu}\p{L}+ \(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\))/u.exec(
    local,
  );
  const place = /\bdi ((?:\p{Lu}\p{L}+)(?: \p{Lu}\p{L}+){0,2})/u.exec(local);
  for (const [match, wh] of [
    [date, 'Kapan'],
    [place, 'Di mana'],
  ] as const) {
    if (!match || match.index < 8) continue;
    const before = tokenize(local.slice(0, match.index));
    const kept = lower(words(before, local, before.length - 8, before.length)).join(' ');
    const offset = match.index + match[0].length - match[1].length;
    out.push({
      question: `${wh} ${kept}?`,
      answer: { start: s.start + offset, end: s.start + offset + match[1].length, text: match[1] },
      swappable: undefined,
    });
  }
  return out;
}

/** Questions a sentence of an English article answers. */
function englishQuestions(text: string, s: Span, analyzer: Analyzer, pick: number): Generated[] {
  const local = text.slice(s.start, s.end);
  const tokens = tokenize(local);
  const out: Generated[] = [];
  tokens.forEach((t, i) => {
    const noun = tokens[i + 1];
    if (
      !isCount(t, local) ||
      !noun ||
      analyzer.isStopword(noun.word, 'en') ||
      !/^\p{Ll}+s$/u.test(local.slice(noun.start, noun.end))
    )
      return;
    const tail = words(tokens, local, i + 2, i + 2 + (pick % 4)).join(' ');
    const head = lower(words(tokens, local, i - 4, i)).join(' ');
    out.push({
      question: `How many ${noun.word} ${head} ${tail}?`.replace(/\s+/g, ' ').replace(/ \?$/, '?'),
      answer: { start: s.start + t.start, end: s.start + t.end, text: t.word },
      swappable: { kind: 'number', text: t.word },
    });
  });
  for (const [i, j] of nameRuns(tokens, local, analyzer)) {
    const verb = tokens[j + 1];
    if (
      j > i &&
      verb &&
      /^\p{Ll}+(ed|s)$/u.test(local.slice(verb.start, verb.end)) &&
      !analyzer.isStopword(verb.word, 'en')
    ) {
      const rest = words(tokens, local, j + 2, j + 4 + (pick % 4)).join(' ');
      out.push({
        question: `Who ${verb.word} ${rest}?`,
        answer: runSpan(s, tokens, local, i, j),
      });
    }
  }
  return out;
}

/** Indonesian question words and their English forms. */
const QUESTION_WORDS: [RegExp, string][] = [
  [/\bberapa\b/i, 'How many'],
  [/\bsiapa yang\b/i, 'Who'],
  [/\bkapan\b/i, 'When'],
  [/\bdi mana\b/i, 'Where'],
];

/**
 * The English question a user would ask about an Indonesian sentence, made word by word through the
 * lexicon: the question word translated and put first, each content word replaced by an English stem of
 * one of its concepts (chosen by `pick`), names and numbers kept, Indonesian stopwords dropped. The model
 * then learns to read across languages through the concept feature. Null when no content word
 * translates into two words or more (too little would be read across).
 */
function crossLanguage(question: string, analyzer: Analyzer, english: EnglishWords, pick: number): string | null {
  const found = QUESTION_WORDS.find(([re]) => re.test(question));
  if (!found) return null;
  const [re, asked] = found;
  let translated = 0;
  const remaining = question.replace(re, ' ');
  const rest = tokenize(remaining).flatMap((t, i) => {
    if (analyzer.isStopword(t.word, 'id')) return [];
    if (t.capital || /\p{N}/u.test(t.word)) return [remaining.slice(t.start, t.end)];
    const concepts = analyzer.lexicon.concepts(analyzer.stem(t.word, 'id'), 'id');
    const stems = concepts.length
      ? analyzer.lexicon.stems(concepts[(pick + i) % concepts.length], 'en').filter((w) => /^\p{Ll}{3,}$/u.test(w))
      : [];
    if (stems.length === 0) return [];
    translated++;
    const stem = stems[(pick >> 4) % stems.length];
    return [english.get(stem) ?? stem];
  });
  return translated >= 2 ? `${asked} ${rest.join(' ')}?` : null;
}

/** The commonest English word of each Porter stem in the English news read, to write a lexicon stem back as a word. */
type EnglishWords = Map<string, string>;

function englishWords(texts: string[], analyzer: Analyzer): EnglishWords {
  const counts = new Map<string, number>();
  for (const text of texts) for (const t of tokenize(text)) counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
  const best = new Map<string, [string, number]>();
  for (const [word, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (/\p{N}/u.test(word)) continue;
    const stem = analyzer.stem(word, 'en');
    const seen = best.get(stem);
    if (!seen || n > seen[1]) best.set(stem, [word, n]);
  }
  return new Map([...best].map(([stem, [word]]) => [stem, word]));
}

function* records(file: string): Generator<Record> {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  for (const line of lines) if (line.trim()) yield JSON.parse(line) as Record;
}

/** The passages kabar would make of an article's text (paragraphs split on blank lines). */
function passagesOf(id: string, text: string): Passage[] {
  const blocks: Span[][] = [];
  const para = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (const m of text.matchAll(para)) blocks.push(splitSentences(text, m.index, m.index + m[0].length));
  return chunkArticle(
    id,
    text,
    blocks.filter((b) => b.length > 0),
  );
}

interface Example {
  question: string;
  lang: Lang;
  title: string;
  passages: Passage[];
  answer?: Span;
  plang: Lang;
}

/** A featurized row with the positions of `answer`, when the passage holds it. */
function rowOf(e: Example, passage: Passage, analyzer: Analyzer, q: number): Row {
  const f: Featurized = featurize(
    readQuestionTokens(e.question, e.lang, analyzer),
    { title: e.title, text: passage.text, lang: e.plang },
    analyzer,
  );
  const starts: number[] = [];
  const ends: number[] = [];
  if (e.answer && e.answer.start >= passage.start && e.answer.end <= passage.end) {
    const from = e.answer.start - passage.start;
    const to = e.answer.end - passage.start;
    const first = f.tokens.findIndex((t) => t !== null && t.start >= from);
    const last = f.tokens.findLastIndex((t) => t !== null && t.end <= to);
    if (first >= 0 && last >= first) {
      starts.push(first);
      ends.push(last);
    }
  }
  return { question: q, f, starts, ends };
}

async function main() {
  const [outDir, corporaArg, perFileArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!outDir) throw new Error('usage: synthetic.ts <outDir> [corporaDir] [articlesPerFile]');
  const corpora = path.resolve(corporaArg ?? path.join(ROOT, '../shared/corpora'));
  const perFile = Number(perFileArg ?? 400);
  const analyzer = createAnalyzer();
  const examples: Example[] = [];
  const names: string[] = [];
  const chosen = FILES.map(({ file, scale }) =>
    [...records(path.join(corpora, file))]
      .filter((r) => !heldOut(r.id))
      .sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : 1))
      .slice(0, perFile * scale),
  );
  const english = englishWords(
    FILES.flatMap((f, i) => (f.lang === 'en' ? chosen[i].map((r) => r.text) : [])),
    analyzer,
  );
  for (const [fi, { lang }] of FILES.entries()) {
    for (const r of chosen[fi]) {
      const passages = passagesOf(r.id, r.text);
      let made = 0;
      for (const [pi, passage] of passages.entries()) {
        for (const s of passage.sentences) {
          if (made >= PER_ARTICLE) break;
          const pick = fnv1a(`${r.id}:${s.start}`);
          const found = (lang === 'id' ? indonesian : englishQuestions)(r.text, s, analyzer, pick);
          if (found.length === 0 || pick % 3 !== 0) continue;
          const g = found[pick % found.length];
          made++;
          const neighbour = passages[pi + 1] ?? passages[pi - 1];
          const base = { question: g.question, lang, title: r.title, plang: lang };
          const asked: Example[] = [
            { ...base, passages: neighbour ? [passage, neighbour] : [passage], answer: g.answer },
          ];
          if (g.answer.text.match(/^\p{Lu}/u)) names.push(g.answer.text);
          // Hard negatives: another article's name or number in place of the question's; the neighbouring passage alone.
          if (g.swappable && pick % 2 === 0) {
            const other =
              g.swappable.kind === 'number'
                ? String(Number(g.swappable.text.replace(/[.,]/g, '')) + 1 + (pick % 7))
                : names[pick % Math.max(1, names.length)];
            if (other && other !== g.swappable.text && g.question.includes(g.swappable.text))
              asked.push({ ...base, question: g.question.replace(g.swappable.text, other), passages: [passage] });
          } else if (neighbour && pick % 5 === 1) {
            asked.push({ ...base, passages: [neighbour] });
          }
          examples.push(...asked);
          // Half of the Indonesian questions are asked again in English, negatives included.
          if (CROSS_LANGUAGE && lang === 'id' && (pick >> 8) % 2 === 0) {
            for (const e of asked) {
              const question = crossLanguage(e.question, analyzer, english, pick);
              if (question) examples.push({ ...e, question, lang: 'en' });
            }
          }
        }
      }
    }
  }
  const rows = examples.flatMap((e, q) => e.passages.map((p) => rowOf(e, p, analyzer, q)));
  // A positive whose answer could not be placed on tokens is dropped whole.
  const placed = new Set(rows.filter((r) => r.starts.length > 0).map((r) => r.question));
  const kept = rows.filter((r) => !examples[r.question].answer || placed.has(r.question));
  const questions = examples.map((e, i) => ({ id: `synthetic-${i}`, unanswerable: !e.answer, question: e.question }));
  writeSet(outDir, 'synthetic', { rows: kept, questions });
  fs.writeFileSync(
    path.join(outDir, 'synthetic', 'questions.txt'),
    examples.map((e) => `${e.answer ? e.answer.text : '-'}\t${e.question}`).join('\n'),
  );
  console.log(
    `synthetic: ${examples.length} questions (${examples.filter((e) => !e.answer).length} unanswerable), ${kept.length} passages read`,
  );
}

await main();

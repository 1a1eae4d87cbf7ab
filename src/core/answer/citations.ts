import { detectLanguage, LANGUAGE_NAME } from '../text/language.js';
import { splitSentences } from '../corpus/sentences.js';
import { conceptsOf, tokenize, type Analyzer } from '../text/analyze.js';
import { vectorCosine } from '../text/vector-cosine.js';
import type { ArticleMeta, Citation, Lang, Passage, Span } from '../types.js';
import type { Embedder } from '../embedder.js';
import { spanSource } from '../sources/location.js';
import { dropInvalidMarkers, MARKER } from './marker-filter.js';
import { isStopword } from '../text/stopwords.js';
import type { VerifyThresholds } from '../settings.js';

/** A passage as numbered in the prompt. */
export interface Source {
  n: number;
  passage: Passage;
  article: ArticleMeta;
}

export interface VerifyOptions extends VerifyThresholds {
  analyzer: Analyzer;
  /** For embedding similarity between a claim and the passage's sentences; lexical support only without it. */
  embedder?: Embedder;
}

export interface VerifiedAnswer {
  /** The answer with markers to no passage removed. */
  answer: string;
  citations: Citation[];
  warnings: string[];
  invalidMarkers: number;
  /** Sentences of the answer that cite no passage. */
  unsupported: string[];
}

interface Marker {
  start: number;
  end: number;
  numbers: number[];
}

export function findMarkers(text: string): Marker[] {
  return [...text.matchAll(MARKER)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    numbers: m[1].split(/\s*[,;]\s*/).map(Number),
  }));
}

const LEADING_MARKERS = /^(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+/;

/**
 * The sentences of an answer that carry no marker, as written (markers right after a sentence's
 * full stop, "… said. [1]", belong to that sentence). Sentences without a letter or digit are not counted.
 */
export function uncitedSentences(answer: string): string[] {
  const sentences: { text: string; cited: boolean }[] = [];
  for (const { text } of splitSentences(answer)) {
    const leading = LEADING_MARKERS.exec(text)?.[0] ?? '';
    if (leading && sentences.length) sentences[sentences.length - 1].cited = true;
    const own = text.slice(leading.length);
    sentences.push({
      text: own.trim(),
      cited: findMarkers(own).length > 0 || (leading !== '' && sentences.length === 0),
    });
  }
  return sentences.filter((s) => !s.cited && /[\p{L}\p{N}]/u.test(s.text)).map((s) => s.text);
}

/**
 * The claim a marker stands for: the text of its sentence before it, without markers. A marker after
 * the sentence's full stop ("… said. [1]") belongs to that sentence.
 */
function claimBefore(text: string, markerStart: number): string {
  let end = markerStart;
  let head = text.slice(0, end);
  // Skip markers and punctuation right before this one ("[1][2]", "said. [1]").
  for (;;) {
    const trimmed = head
      .replace(/\s+$/, '')
      .replace(/\[(\d+(?:\s*[,;]\s*\d+)*)\]$/, '')
      .replace(/[.!?]["”’]?$/, '');
    if (trimmed === head) break;
    head = trimmed;
  }
  end = head.length;
  const boundary = Math.max(
    head.search(/[^\n]*$/),
    ...[...head.matchAll(/[.!?]["”’]?\s+|\]\s+(?=\p{Lu})/gu)].map((m) => m.index + m[0].length),
  );
  return text
    .slice(boundary, end)
    .replace(MARKER, '')
    .replace(/^[\s\-*•]+/, '')
    .trim();
}

/** Direct quotes in a claim (four words or more), which must be verbatim in the passage. */
function quotesIn(claim: string): string[] {
  return [...claim.matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1].trim()).filter((q) => q.split(/\s+/).length >= 4);
}

const normalize = (text: string) =>
  text
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();

/** Keys a word matches on across languages: its stems in both languages and its lexicon concepts. */
function keysOf(word: string, analyzer: Analyzer): string[] {
  if (/^\p{N}+$/u.test(word)) return [`n${word}`];
  return [
    `s${analyzer.stem(word, 'id')}`,
    `s${analyzer.stem(word, 'en')}`,
    ...conceptsOf(word, analyzer).map((concept) => `c${concept}`),
  ];
}

const contentWords = (text: string) =>
  tokenize(text).filter((t) => !isStopword(t.word) && (t.word.length > 1 || /\p{N}/u.test(t.word)));

function keySet(text: string, analyzer: Analyzer): Set<string> {
  return new Set(contentWords(text).flatMap((t) => keysOf(t.word, analyzer)));
}

/** Share of the claim's content words found in the text, in either language. */
export function lexicalSupport(claim: string, text: string, analyzer: Analyzer): number {
  const words = contentWords(claim);
  if (words.length === 0) return 0;
  const have = keySet(text, analyzer);
  const found = words.filter((w) => keysOf(w.word, analyzer).some((k) => have.has(k))).length;
  return found / words.length;
}

/** Numbers in the claim that the text does not contain (a changed figure is never supported). */
function missingNumbers(claim: string, text: string): string[] {
  const have = new Set(text.match(/\d+(?:[.,]\d+)*/g)?.map((n) => n.replace(/[.,]/g, '')) ?? []);
  return (claim.match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/[.,]/g, '')).filter((n) => !have.has(n));
}

interface Claim {
  n: number;
  text: string;
}

/**
 * Checks a generated answer's [n] markers against the numbered sources: markers to no source are
 * removed and reported; every cited claim is checked against its passage (lexical support across
 * languages, embedding similarity, numbers, verbatim quotes) and cited by the passage sentence that
 * supports it best, as an exact span of the original file.
 */
export async function verifyAnswer(
  text: string,
  sources: Source[],
  questionLang: Lang,
  options: VerifyOptions,
): Promise<VerifiedAnswer> {
  const { analyzer } = options;
  const byN = new Map(sources.map((s) => [s.n, s]));
  const warnings: string[] = [];
  const { text: cleaned, invalid } = dropInvalidMarkers(text, (n) => byN.has(n));
  const answer = cleaned.trim();
  if (invalid.length) {
    const list = [...new Set(invalid)].map((n) => `[${n}]`).join(', ');
    warnings.push(
      `The answer cited ${list}, which ${invalid.length > 1 ? 'are' : 'is'} not among the ${sources.length} passages given; removed.`,
    );
  }

  const claims: Claim[] = [];
  for (const marker of findMarkers(answer)) {
    const claim = claimBefore(answer, marker.start);
    for (const n of marker.numbers) claims.push({ n, text: claim });
  }

  // Embeddings of every claim and every sentence of a cited passage, in one call.
  const cited = [...new Set(claims.map((c) => c.n))];
  const similarity = new Map<string, number>();
  if (options.embedder && claims.length) {
    const claimTexts = [...new Set(claims.map((c) => c.text))];
    const sentenceTexts = [...new Set(cited.flatMap((n) => byN.get(n)!.passage.sentences.map((s) => s.text)))];
    try {
      const vectors = await options.embedder.embeddings.embedDocuments([...claimTexts, ...sentenceTexts]);
      claimTexts.forEach((claim, i) =>
        sentenceTexts.forEach((sentence, j) =>
          similarity.set(`${claim}\u0000${sentence}`, vectorCosine(vectors[i], vectors[claimTexts.length + j])),
        ),
      );
    } catch {
      warnings.push('Citations were checked by wording only: the embedder could not compare them.');
    }
  }
  const dense = (claim: string, sentence: Span) => similarity.get(`${claim}\u0000${sentence.text}`) ?? 0;

  const citations: Citation[] = [];
  for (const n of cited) {
    const source = byN.get(n)!;
    const own = claims.filter((c) => c.n === n && c.text !== '');
    let verified = own.length > 0;
    const score = new Map<Span, number>();
    for (const claim of own) {
      const lexical = lexicalSupport(claim.text, source.passage.text, analyzer);
      const bestDense = Math.max(0, ...source.passage.sentences.map((s) => dense(claim.text, s)));
      const numbers = missingNumbers(claim.text, source.passage.text);
      const quotes = quotesIn(claim.text).filter((q) => !normalize(source.passage.text).includes(normalize(q)));
      const supported =
        numbers.length === 0 &&
        quotes.length === 0 &&
        (lexical >= options.minLexical || (lexical >= options.minLexicalWithDense && bestDense >= options.minDense));
      if (!supported) {
        verified = false;
        const why = numbers.length
          ? `its figures ${numbers.join(', ')} are not in it`
          : quotes.length
            ? 'the quote is not verbatim in it'
            : 'its wording is not there';
        warnings.push(`Passage [${n}] does not support "${claim.text.slice(0, 120)}" (${why}).`);
      }
      for (const sentence of source.passage.sentences) {
        const s = lexicalSupport(claim.text, sentence.text, analyzer) + dense(claim.text, sentence);
        score.set(sentence, (score.get(sentence) ?? 0) + s);
      }
    }
    const sentences = source.passage.sentences.length
      ? source.passage.sentences
      : [{ start: source.passage.start, end: source.passage.end, text: source.passage.text }];
    const best = sentences.reduce((a, b) => ((score.get(b) ?? 0) > (score.get(a) ?? 0) ? b : a));
    citations.push({
      n,
      id: source.passage.id,
      file: source.article.file,
      title: source.article.title,
      source: source.article.source,
      date: source.article.date,
      lang: source.article.lang,
      start: best.start,
      end: best.end,
      text: best.text,
      ...spanSource(source.article),
      verified,
    });
  }

  const unsupported = uncitedSentences(answer);
  for (const sentence of unsupported)
    warnings.push(`No passage is cited for "${sentence.slice(0, 120)}", so it is not backed by the articles.`);

  const prose = answer.replace(MARKER, '').trim();
  if (prose.length >= 20) {
    const lang = detectLanguage(prose);
    if (lang !== questionLang)
      warnings.push(
        `The answer is in ${LANGUAGE_NAME[lang]}, but the question was asked in ${LANGUAGE_NAME[questionLang]}.`,
      );
  }
  return { answer, citations, warnings, invalidMarkers: invalid.length, unsupported };
}

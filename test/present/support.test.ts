import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Style } from '../../src/present/style.js';
import type { Answer, ArticleSpan, Citation } from '../../src/core/types.js';
import { answerJson } from '../../src/present/json.js';
import { openedSpan, supportQuote } from '../../src/present/support.js';
import { formatPassage, formatSupport } from '../../src/present/terminal.js';

const style: Style = {
  bold: (t) => t,
  dim: (t) => t,
  accent: (t) => t,
  highlight: (t) => `<<${t}>>`,
  warn: (t) => t,
  error: (t) => t,
};

const file = '002_aa04c277c35a0562.txt';
const SENTENCE =
  'Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran Hossein Amir Abdollahian di China di sela-sela pertemuan para menteri luar negeri tetangga Afghanistan.';
const AT = 1321;
const span = (start: number, text: string): ArticleSpan => ({
  id: `${file}#4`,
  file,
  title: 'Lavrov',
  source: 'ARRAHMAHNEWS.COM',
  date: null,
  lang: 'id',
  start,
  end: start + text.length,
  text,
});
const support = span(AT, SENTENCE);
const NAME = 'Hossein Amir Abdollahian';
const short = { ...span(AT + SENTENCE.indexOf(NAME), NAME), shown: NAME };
const citation: Citation = { ...support, n: 1 };
const other: Citation = { ...span(40, 'Another sentence.'), n: 2 };

const answer = (over: Partial<Answer> = {}): Answer => ({
  question: 'Who did Sergey Lavrov meet in China?',
  resolvedQuestion: 'Who did Sergey Lavrov meet in China?',
  answer: `${NAME} [1]`,
  abstained: false,
  citations: [other, citation],
  hits: [],
  warnings: [],
  confidence: 0.91,
  short,
  support,
  timingsMs: { retrieve: 1, answer: 1, total: 2 },
  ...over,
});

describe('supportQuote', () => {
  it('splits the supporting sentence around the short answer and finds the citation that holds it', () => {
    const quote = supportQuote(answer());
    assert.deepEqual(quote?.parts, {
      before: 'Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran ',
      cited: NAME,
      after: ' di China di sela-sela pertemuan para menteri luar negeri tetangga Afghanistan.',
    });
    assert.equal(quote?.n, 1);
  });
  it('cuts a long sentence at words either side of the short answer', () => {
    const long = `${'kata '.repeat(60)}${NAME}${' lagi'.repeat(60)}.`;
    const longSupport = span(0, long);
    const quote = supportQuote(
      answer({
        support: longSupport,
        short: { ...span(long.indexOf(NAME), NAME), shown: NAME },
        citations: [{ ...longSupport, n: 3 }],
      }),
    );
    assert.ok(quote);
    assert.match(quote.parts.before, /^…kata /);
    assert.match(quote.parts.after, / lagi…$/);
    assert.ok(quote.parts.before.length <= 91 && quote.parts.after.length <= 91);
    assert.equal(quote.n, 3);
  });
  it('is null without a short answer, without support, or when abstaining', () => {
    assert.equal(supportQuote(answer({ short: null })), null);
    assert.equal(supportQuote(answer({ support: null })), null);
    assert.equal(supportQuote(answer({ short: undefined, support: undefined })), null);
    assert.equal(supportQuote(answer({ abstained: true })), null);
  });
  it('quotes the sentence alone when the short answer lies outside it, and no marker when nothing cites it', () => {
    const quote = supportQuote(answer({ short: { ...span(10, 'elsewhere'), shown: 'elsewhere' }, citations: [other] }));
    assert.deepEqual(quote, { parts: { before: SENTENCE, cited: '', after: '' }, n: null });
  });
  it('makes article text terminal-safe', () => {
    const hostile = `Iran\u001b[2J ${NAME} pergi.`;
    const s = span(0, hostile);
    const quote = supportQuote(
      answer({ support: s, short: { ...span(hostile.indexOf(NAME), NAME), shown: NAME }, citations: [] }),
    );
    assert.doesNotMatch(JSON.stringify(quote), /\\u001b/);
  });
});

describe('formatSupport', () => {
  it('prints the quoted sentence, indented, the short answer highlighted, with its marker', () => {
    assert.equal(
      formatSupport(answer(), style),
      `  "Juga pada hari Rabu, Lavrov bertemu dengan timpalannya dari Iran <<${NAME}>> di China di sela-sela pertemuan para menteri luar negeri tetangga Afghanistan." [1]`,
    );
  });
  it('prints nothing for an answer whose text is the whole answer', () => {
    assert.equal(formatSupport(answer({ short: null, support: null, answer: `${SENTENCE} [1]` }), style), null);
  });
});

describe('openedSpan', () => {
  it('highlights the short answer when it lies in the opened citation, else the cited span', () => {
    assert.deepEqual(openedSpan(answer(), 1), { start: short.start, end: short.end });
    assert.deepEqual(openedSpan(answer(), 2), { start: other.start, end: other.end });
    assert.deepEqual(openedSpan(answer({ short: null }), 1), { start: citation.start, end: citation.end });
    assert.equal(openedSpan(answer(), 9), null);
  });
});

describe('answerJson', () => {
  it('keeps every field and adds short, support and confidence', () => {
    const json = answerJson(answer());
    assert.deepEqual(Object.keys(json), [
      'question',
      'kind',
      'answer',
      'abstained',
      'short',
      'support',
      'confidence',
      'citations',
      'timingsMs',
    ]);
    assert.deepEqual(json.short, { ...short });
    assert.deepEqual(json.support, { ...support });
    assert.equal(json.confidence, 0.91);
    assert.equal(json.citations[1].n, 1);
  });
  it('gives null for what the answerer did not fill', () => {
    const json = answerJson(answer({ short: undefined, support: undefined, confidence: undefined }));
    assert.equal(json.short, null);
    assert.equal(json.support, null);
    assert.equal(json.confidence, null);
  });
});

describe('formatPassage with a span', () => {
  it('highlights the span inside the passage and names it', () => {
    const context = { ...support, before: [], after: [] };
    const text = formatPassage(context, `${context.file}:7`, style, { start: short.start, end: short.end });
    assert.match(text, new RegExp(`chars ${support.start}–${support.end} · span ${short.start}–${short.end}`));
    assert.match(text, new RegExp(`dari Iran <<${NAME}>> di China`));
    assert.match(formatPassage(context, `${context.file}:7`, style), /<<Juga pada hari Rabu/);
  });
});

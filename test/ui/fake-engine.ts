import type { AskOptions } from '../../src/core/engine.js';
import type { Answer, AnswerEvent, Citation, Passage, Turn } from '../../src/core/types.js';
import type { ChatEngine } from '../../src/ui/hooks/use-conversation.js';
import type { ChatSession, Opener } from '../../src/ui/hooks/use-engine.js';

const file = '004_hatami.txt';
const sentences = [
  'Menteri pertahanan Iran mengatakan Iran dan Rusia telah menjadi ujung tombak upaya bersama.',
  'Dalam pertemuan dengan mitranya dari Rusia Sergey Shoygu pada hari Minggu (23/8), Menteri Pertahanan Iran Brigadir Jenderal Amir Hatami mengatakan bahwa Tehran dan Moskow perlu untuk mempromosikan kerja sama.',
  'Memuji pemerintah Rusia atas kebijakan positif, Jenderal Hatami menyatakan keyakinannya.',
  'Dia juga menunjuk pada kekalahan besar yang diderita AS.',
];
export const RAW = sentences.join(' ');
const spans = sentences.map((text) => {
  const start = RAW.indexOf(text);
  return { start, end: start + text.length, text };
});
const passage = (n: number, from: number, to: number): Passage => ({
  id: `${file}#${n}`,
  file,
  start: spans[from].start,
  end: spans[to].end,
  text: RAW.slice(spans[from].start, spans[to].end),
  sentences: spans.slice(from, to + 1),
});
export const PASSAGES = [passage(0, 0, 0), passage(1, 1, 2), passage(2, 3, 3)];
const article = {
  file,
  title: 'Amir Hatami and Sergey Shoygu',
  date: '2020-08',
  source: 'IslamTimes',
  lang: 'id' as const,
  version: { size: RAW.length, mtimeMs: 0, hash: 'x' },
  passages: PASSAGES,
};

export const CITED: Citation = {
  n: 1,
  id: PASSAGES[1].id,
  file,
  title: article.title,
  source: article.source,
  date: article.date,
  lang: 'id',
  start: spans[1].start,
  end: spans[1].end,
  text: spans[1].text,
};

export interface FakeCall {
  question: string;
  options: AskOptions;
}

/** A scripted engine: `script` turns each question (and its options) into the events to yield. */
export function fakeEngine(
  script: (question: string, options: AskOptions) => AnswerEvent[] | Promise<AnswerEvent[]>,
): ChatEngine & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  return {
    calls,
    store: {
      passage: async (id: string) => {
        const p = PASSAGES.find((x) => x.id === id);
        return p ? { passage: p, article } : undefined;
      },
      article: async (id: string) => (id === file ? article : undefined),
      versions: async () => new Map([[file, article.version]]),
    },
    async *ask(question: string, options: AskOptions = {}) {
      calls.push({ question, options: { ...options, history: [...(options.history ?? [])] as Turn[] } });
      for (const event of await script(question, options)) {
        await new Promise((r) => setTimeout(r, 1));
        if (options.signal?.aborted) return;
        yield event;
      }
    },
  };
}

export const answerOf = (
  question: string,
  text: string,
  citations: Citation[],
  resolvedQuestion = question,
): Answer => ({
  question,
  resolvedQuestion,
  answer: text,
  abstained: citations.length === 0,
  citations,
  hits: [],
  warnings: [],
  timingsMs: { retrieve: 1, answer: 1, total: 2 },
});

/** Events of a normal answer: resolved, retrieved, the text in two tokens, done. */
export function answerEvents(
  question: string,
  text: string,
  citations: Citation[] = [CITED],
  resolved = question,
): AnswerEvent[] {
  const half = Math.floor(text.length / 2);
  return [
    { type: 'resolved', question: resolved, filters: {} },
    { type: 'retrieved', hits: [] },
    { type: 'token', text: text.slice(0, half) },
    { type: 'token', text: text.slice(half) },
    { type: 'done', answer: answerOf(question, text, citations, resolved) },
  ];
}

export const sessionOf =
  (engine: ChatEngine, extra: Partial<ChatSession> = {}): Opener =>
  async () => ({
    engine,
    header: { corpus: 'seeds', articles: 1, passages: 3, embedder: 'hashing', answerer: 'extractive' },
    findQuote: async () => [],
    articlesMatching: async () => 1,
    ...extra,
  });

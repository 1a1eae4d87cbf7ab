import type { Query } from '../question/query.js';
import type { QueryRewriter } from '../retrieve/rewrite.js';
import type { ChatModel } from './chat-model.js';
import type { AnswerEvent, Hit, Turn } from '../types.js';

export interface AnswerInput {
  question: string;
  query: Query;
  hits: Hit[];
  history: Turn[];
  signal?: AbortSignal;
}

/**
 * Turns retrieved passages into an answer. Yields `token` events as text is produced and ends with
 * `done` (or throws); the engine adds the `resolved` and `retrieved` events around it.
 */
export interface Answerer {
  readonly name: string;
  /** Supplied by generative answerers: rewrites follow-ups and translates the question before retrieval. */
  readonly rewriter?: QueryRewriter;
  /** Supplied by generative answerers: the chat model, which also writes lists, timelines and briefs (core/across/prose.ts). */
  readonly model?: ChatModel;
  answer(input: AnswerInput): AsyncIterable<AnswerEvent>;
}

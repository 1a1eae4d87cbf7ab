import { useCallback, useReducer, useRef } from 'react';
import {
  describeError,
  passageContext,
  describeFilters,
  hasFilters,
  parseFilters,
  type AskOptions,
  type PassageSource,
  type AnswerEvent,
  type Filters,
} from '../../core/index.js';
import { openedSpan } from '../../present/support.js';
import { parseCommand } from '../state/commands.js';
import {
  conversationReducer,
  initialConversation,
  type ConversationState,
  type QuoteMatch,
} from '../state/conversation-reducer.js';

/** What the chat needs from the engine: the answer stream and passages by id. */
export interface ChatEngine extends PassageSource {
  ask(question: string, options?: AskOptions): AsyncIterable<AnswerEvent>;
}

/** Finds where a quote came from. */
export type QuoteFinder = (quote: string) => Promise<QuoteMatch[]>;

/** How many articles of the corpus pass the filters. */
export type ArticleCounter = (filters: Filters) => Promise<number>;

export interface ConversationOptions {
  engine: ChatEngine;
  findQuote: QuoteFinder;
  articlesMatching: ArticleCounter;
  onQuit: () => void;
}

export interface Conversation {
  state: ConversationState;
  busy: boolean;
  /** Handles a line typed at the prompt: a question or a /command. */
  submit(line: string): void;
  /** Stops the answer being produced; false when there was none. */
  cancel(): boolean;
}

/** The conversation: answer events and commands in, state out. Holds no retrieval or answer logic. */
export function useConversation({ engine, findQuote, articlesMatching, onQuit }: ConversationOptions): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, {}, initialConversation);
  const stateRef = useRef(state);
  stateRef.current = state;
  const running = useRef<AbortController | null>(null);
  const message = useCallback(
    (level: 'info' | 'warn' | 'error', text: string) =>
      dispatch({ type: 'show', item: { kind: 'message', level, text } }),
    [],
  );

  const ask = useCallback(
    async (question: string) => {
      const { turns, filters } = stateRef.current;
      const controller = new AbortController();
      running.current = controller;
      dispatch({ type: 'ask', question });
      try {
        for await (const event of engine.ask(question, { history: turns, filters, signal: controller.signal })) {
          if (controller.signal.aborted) break;
          dispatch({ type: 'event', event });
          if (event.type === 'done' || event.type === 'error') break;
        }
      } catch (error) {
        if (!controller.signal.aborted)
          dispatch({
            type: 'event',
            event: { type: 'error', error: error instanceof Error ? error : new Error(String(error)) },
          });
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [engine],
  );

  const cite = useCallback(
    async (quote: string) => {
      try {
        const matches = await findQuote(quote);
        if (matches.length === 0) message('info', `No article contains anything like “${quote}”.`);
        else dispatch({ type: 'show', item: { kind: 'quotes', quote, matches } });
      } catch (error) {
        message('error', describeError(error));
      }
    },
    [findQuote, message],
  );

  const submit = useCallback(
    (line: string) => {
      const command = parseCommand(line);
      const current = stateRef.current;
      // A command is echoed in the scrollback, as a question is, so what follows has its cause above it.
      if (command.type !== 'ask' && command.type !== 'none' && command.type !== 'quit')
        dispatch({ type: 'show', item: { kind: 'command', line: line.trim() } });
      switch (command.type) {
        case 'none':
          return;
        case 'ask':
          if (running.current) return message('warn', 'Still answering: wait for it, or press Ctrl+C to stop it.');
          void ask(command.question);
          return;
        case 'open': {
          const citation = current.lastAnswer?.citations.find((c) => c.n === command.n);
          if (!current.lastAnswer)
            return message('error', 'There is no answer to open a source of yet: ask a question first.');
          if (!citation)
            return message(
              'error',
              `The last answer has no source [${command.n}]; it has ${current.lastAnswer.citations.length}.`,
            );
          const span = openedSpan(current.lastAnswer, command.n) ?? citation;
          passageContext(engine, citation.id).then(
            (context) =>
              dispatch({
                type: 'show',
                item: { kind: 'passage', n: command.n, citation, span: { start: span.start, end: span.end }, context },
              }),
            (error: unknown) => message('error', describeError(error)),
          );
          return;
        }
        case 'sources':
          if (!current.lastAnswer?.citations.length)
            return message(
              'info',
              current.lastAnswer ? 'The last answer cites no sources.' : 'No answer yet: ask a question first.',
            );
          dispatch({
            type: 'show',
            item: { kind: 'sources', citations: current.lastAnswer.citations, hits: current.lastAnswer.hits },
          });
          return;
        case 'cite':
          void cite(command.quote);
          return;
        case 'filter':
          if (command.action === 'show') {
            return message(
              'info',
              hasFilters(current.filters)
                ? `Filters: ${describeFilters(current.filters)}.`
                : 'No filters: every article is searched.',
            );
          }
          if (command.action === 'clear') {
            dispatch({ type: 'filters', filters: {} });
            return message('info', 'Filters cleared: every article is searched.');
          }
          {
            const { filters, problem } = parseFilters({ ...current.filters, ...command.values });
            if (problem)
              return message(
                'error',
                `${problem.key}=${problem.value} ${problem.problem.replace(/^is after until /, 'is after until=')}. ${problem.hint}`,
              );
            void articlesMatching(filters).then(
              (count) => {
                if (count === 0)
                  return message(
                    'error',
                    `No article matches ${describeFilters(filters)}, so every answer would be "the articles don't say"; the filters are unchanged. /filter clear removes them.`,
                  );
                dispatch({ type: 'filters', filters });
                message('info', `Filters: ${describeFilters(filters)}.`);
              },
              (error: unknown) => message('error', describeError(error)),
            );
          }
          return;
        case 'new':
          dispatch({ type: 'new' });
          return;
        case 'help':
          dispatch({ type: 'show', item: { kind: 'help' } });
          return;
        case 'quit':
          running.current?.abort();
          onQuit();
          return;
        case 'invalid':
          message('error', command.message);
          return;
      }
    },
    [articlesMatching, ask, cite, engine, message, onQuit],
  );

  const cancel = useCallback(() => {
    const controller = running.current;
    if (!controller) return false;
    controller.abort();
    running.current = null;
    dispatch({ type: 'cancel' });
    return true;
  }, []);

  return { state, busy: state.live !== null, submit, cancel };
}

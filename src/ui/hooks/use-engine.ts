import { useEffect, useState } from 'react';
import type { ArticleCounter, ChatEngine, QuoteFinder } from './use-conversation.js';

/** The one-line description of what the chat talks to. */
export interface HeaderInfo {
  corpus: string;
  articles: number;
  passages: number;
  embedder: string;
  answerer: string;
}

export interface ChatSession {
  engine: ChatEngine;
  header: HeaderInfo;
  findQuote: QuoteFinder;
  /** How many articles pass the filters, so a filter that matches nothing is refused. */
  articlesMatching: ArticleCounter;
}

export interface OpenHooks {
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
  onWarning(message: string): void;
}

export type Opener = (hooks: OpenHooks) => Promise<ChatSession>;

export type EngineState =
  | { phase: 'opening'; progress: { done: number; total: number } | null; warnings: string[] }
  | { phase: 'ready'; session: ChatSession; warnings: string[] }
  | { phase: 'failed'; error: unknown; warnings: string[] };

/** Opens the engine once, reporting indexing progress and warnings as it goes. */
export function useEngine(open: Opener): EngineState {
  const [state, setState] = useState<EngineState>({ phase: 'opening', progress: null, warnings: [] });
  useEffect(() => {
    const controller = new AbortController();
    const warnings: string[] = [];
    open({
      signal: controller.signal,
      onProgress: (done, total) =>
        !controller.signal.aborted &&
        setState({ phase: 'opening', progress: { done, total }, warnings: [...warnings] }),
      onWarning: (message) => {
        warnings.push(message);
        if (!controller.signal.aborted) setState((s) => ({ ...s, warnings: [...warnings] }));
      },
    }).then(
      (session) => !controller.signal.aborted && setState({ phase: 'ready', session, warnings: [...warnings] }),
      (error: unknown) => !controller.signal.aborted && setState({ phase: 'failed', error, warnings: [...warnings] }),
    );
    return () => controller.abort();
  }, [open]);
  return state;
}

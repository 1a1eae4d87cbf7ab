import type { Config } from '../../core/config/config.js';
import { UserError } from '../../core/errors.js';
import type { ChatModel } from '../../core/answer/chat-model.js';
import { createOllamaChatModel } from './ollama.js';
import { createOpenAIChatModel } from './openai.js';

/** What picking a chat model needs from the configuration. */
export type ChatConfig = Pick<Config, 'llm' | 'openai' | 'ollama'>;

export interface ChatDeps {
  fetch?: typeof fetch;
  /** Extra tries and first backoff on 429/5xx (tests shorten them). */
  maxRetries?: number;
  retryDelayMs?: number;
}

/** The chat model for KABAR_LLM, or undefined for `none`; LangChain's clients load only here. */
export async function createChatModel(config: ChatConfig, deps: ChatDeps = {}): Promise<ChatModel | undefined> {
  const { llm } = config;
  const common = {
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    fetch: deps.fetch,
    maxRetries: deps.maxRetries,
    retryDelayMs: deps.retryDelayMs,
  };
  switch (llm.provider) {
    case 'none':
      return undefined;
    case 'openai':
      return createOpenAIChatModel({ ...common, apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl });
    case 'ollama':
      return createOllamaChatModel({ ...common, host: config.ollama.host });
    case 'gguf':
      throw new UserError(
        'BAD_CONFIG',
        'KABAR_LLM=gguf (a local GGUF model through node-llama-cpp) is not available in this installation.',
        {
          hint: 'To enable it, run `npm install node-llama-cpp` and set KABAR_LLM_MODEL to the path of a .gguf file; until then use KABAR_LLM=ollama, KABAR_LLM=openai or KABAR_LLM=none.',
        },
      );
    default: {
      const unknown: never = llm.provider;
      throw new UserError('BAD_CONFIG', `KABAR_LLM=${String(unknown)} is not a known choice.`, {
        hint: 'Set KABAR_LLM to none, openai, ollama or gguf.',
      });
    }
  }
}

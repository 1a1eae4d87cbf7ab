import type { Config } from '../../core/config.js';
import type { AnswererContext } from '../../core/engine.js';
import { UserError } from '../../core/errors.js';
import type { Answerer } from '../../core/answer/answerer.js';
import { createExtractiveAnswerer } from '../../core/answer/extractive.js';
import { createLlmAnswerer } from '../../core/answer/llm.js';
import { loadPrompts, type Prompts } from '../../core/answer/prompts.js';
import type { ChatModel } from './chat-model.js';
import { createOllamaChatModel } from './ollama.js';
import { createOpenAIChatModel } from './openai.js';

/** What picking a chat model needs from the configuration. */
export type ChatConfig = Pick<Config, 'llm' | 'openai' | 'ollama'>;

export interface ChatDeps {
  fetch?: typeof fetch;
  /** Extra tries and first backoff on 429/5xx (tests shorten them). */
  maxRetries?: number;
  retryDelayMs?: number;
  /** Where the prompt templates are; the package's prompts/ by default. */
  promptsDir?: string;
}

/** The chat model for KABAR_LLM, or undefined for `none`; LangChain's clients load only here. */
export async function createChatModel(config: ChatConfig, deps: ChatDeps = {}): Promise<ChatModel | undefined> {
  const { llm } = config;
  const common = { model: llm.model, timeoutMs: llm.timeoutMs, fetch: deps.fetch, maxRetries: deps.maxRetries, retryDelayMs: deps.retryDelayMs };
  switch (llm.provider) {
    case 'none':
      return undefined;
    case 'openai':
      return createOpenAIChatModel({ ...common, apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl });
    case 'ollama':
      return createOllamaChatModel({ ...common, host: config.ollama.host });
    case 'gguf':
      throw new UserError('BAD_CONFIG', 'KABAR_LLM=gguf (a local GGUF model through node-llama-cpp) is not available in this installation.', {
        hint: 'To enable it, run `npm install node-llama-cpp` and set KABAR_LLM_MODEL to the path of a .gguf file; until then use KABAR_LLM=ollama, KABAR_LLM=openai or KABAR_LLM=none.',
      });
    default: {
      const unknown: never = llm.provider;
      throw new UserError('BAD_CONFIG', `KABAR_LLM=${String(unknown)} is not a known choice.`, { hint: 'Set KABAR_LLM to none, openai, ollama or gguf.' });
    }
  }
}

/**
 * The `createAnswerer` for openEngine: undefined for KABAR_LLM=none (the engine builds the offline
 * extractive answerer), otherwise a generative answerer with the extractive one as its fallback.
 */
export async function answererFactoryFor(config: ChatConfig, deps: ChatDeps = {}): Promise<((context: AnswererContext) => Answerer) | undefined> {
  const model = await createChatModel(config, deps);
  if (!model) return undefined;
  const prompts: Prompts = await loadPrompts(deps.promptsDir);
  return ({ store, analyzer, embedder }) =>
    createLlmAnswerer({ model, prompts, analyzer, embedder, fallback: createExtractiveAnswerer(store, analyzer) });
}

/** One message of a chat prompt. LangChain's message types stay inside the providers. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatModelInfo {
  /** Provider name as configured: openai, ollama. */
  provider: string;
  model: string;
  /** Where requests go, for messages. */
  url: string;
}

/** A chat model that streams text; failures are UserErrors that say what to set or fix. */
export interface ChatModel {
  readonly info: ChatModelInfo;
  /** The reply's text as it arrives. Aborting `signal` stops the request with UserError('CANCELLED'). */
  stream(messages: ChatMessage[], options?: { signal?: AbortSignal }): AsyncIterable<string>;
}

/** The whole reply of a chat model as one string. */
export async function complete(model: ChatModel, messages: ChatMessage[], signal?: AbortSignal): Promise<string> {
  let text = '';
  for await (const piece of model.stream(messages, { signal })) text += piece;
  return text;
}

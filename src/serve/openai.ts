import { randomUUID } from 'node:crypto';
import { inSlot, type Handler } from './api.js';
import { ApiError, toErrorResponse } from './errors.js';
import { eventStream, readJson, sendJson } from './http-io.js';
import { filtersFrom, kField, textField } from './inputs.js';
import { loadFollowUp, type Answer, type Citation, type Turn } from '../core/index.js';

/** The model name of kabar's answers. */
export const KABAR_MODEL = 'kabar';
/** The model name listed as well when a language model writes the answers. */
export const KABAR_LLM_MODEL = 'kabar-llm';

/** A message's text: a string, or the text parts of an array of parts. */
function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content
      .map((p: { type?: unknown; text?: unknown }) => (p?.type === 'text' && typeof p.text === 'string' ? p.text : ''))
      .join('');
  return '';
}

/**
 * The question (the last user message) and the conversation before it as turns. Each earlier user
 * question is resolved by the chat's own follow-up rule, so "When was that?" carries the subject of
 * the question it follows, as in `kabar chat`. System messages carry nothing kabar uses.
 */
export function conversationOf(
  messages: unknown,
  resolveFollowUp: (question: string, history: Turn[]) => string | null,
): { question: string; history: Turn[] } {
  if (!Array.isArray(messages) || messages.length === 0)
    throw new ApiError(400, 'bad_request', '"messages" must be a non-empty array of {role, content}.');
  const history: Turn[] = [];
  let pending: { question: string; resolvedQuestion: string } | null = null;
  let last: string | null = null;
  for (const message of messages as { role?: unknown; content?: unknown }[]) {
    const text = messageText(message?.content);
    if (message?.role === 'user') {
      if (pending) history.push({ ...pending, answer: '' });
      pending = { question: text, resolvedQuestion: resolveFollowUp(text, history) ?? text };
      last = text;
    } else if (message?.role === 'assistant' && pending) {
      history.push({ ...pending, answer: text });
      pending = null;
      last = null;
    }
  }
  if (last === null) throw new ApiError(400, 'bad_request', "The last message must be the user's question.");
  return { question: textField(last, 'messages[-1].content'), history };
}

/** A citation as it travels beside an OpenAI reply: what a client needs to show and check the source. */
const citationOf = (c: Citation) => ({
  n: c.n,
  id: c.id,
  file: c.file,
  start: c.start,
  end: c.end,
  quote: c.text,
  title: c.title,
  date: c.date,
  source: c.source,
  url: c.url ?? null,
});

/** `POST /v1/chat/completions`: the conversation answered by kabar, `[n]` markers in the reply and the sources in `citations`. */
export const chatCompletions: Handler = async ({ req, res, signal }, deps) => {
  const body = await readJson(req);
  const model = typeof body.model === 'string' && body.model !== '' ? body.model : KABAR_MODEL;
  if (!deps.models.includes(model))
    throw new ApiError(
      404,
      'model_not_found',
      `There is no model ${model}; this server has ${deps.models.join(' and ')}.`,
    );
  const { question, history } = conversationOf(body.messages, (await loadFollowUp()).resolveFollowUp);
  const options = { k: kField(body.k), filters: filtersFrom(body), history, signal };
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const base = { id, created, model };
  await inSlot(deps.slots, () =>
    deps.holder.use(async (engine) => {
      if (body.stream !== true) {
        let answer: Answer | undefined;
        for await (const event of engine.ask(question, options)) {
          if (event.type === 'error') throw event.error;
          if (event.type === 'done') answer = event.answer;
        }
        if (!answer) throw new Error('the answer stream ended without an answer');
        sendJson(res, 200, {
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: answer.answer }, finish_reason: 'stop' }],
          citations: answer.citations.map(citationOf),
        });
        return;
      }
      const stream = eventStream(res);
      const chunk = (delta: object, finish: string | null, extra: object = {}) =>
        stream.send(undefined, {
          ...base,
          object: 'chat.completion.chunk',
          choices: [{ index: 0, delta, finish_reason: finish }],
          ...extra,
        });
      chunk({ role: 'assistant', content: '' }, null);
      let streamed = false;
      for await (const event of engine.ask(question, options)) {
        if (signal.aborted) break;
        if (event.type === 'token') {
          chunk({ content: event.text }, null);
          streamed = true;
        } else if (event.type === 'done') {
          // An answerer that streams nothing still sends its answer's text.
          if (!streamed) chunk({ content: event.answer.answer }, null);
          chunk({}, 'stop', { citations: event.answer.citations.map(citationOf) });
          break;
        } else if (event.type === 'error') {
          const { body: error, logged } = toErrorResponse(event.error);
          if (logged) deps.log(logged);
          stream.send(undefined, error);
          break;
        }
      }
      if (!signal.aborted) stream.send(undefined, '[DONE]');
      stream.end();
    }),
  );
};

/** `GET /v1/models`: the models a client may name. */
export const listModels: Handler = async ({ res }, deps) =>
  sendJson(res, 200, {
    object: 'list',
    data: deps.models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'kabar' })),
  });

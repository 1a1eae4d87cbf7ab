import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerSlots } from './answer-slots.js';
import { sendAnswerEvent } from './ask-stream.js';
import type { EngineHolder } from './engine-holder.js';
import { ApiError } from './errors.js';
import { eventStream, readJson, sendJson, wantsEvents } from './http-io.js';
import { confidenceField, filtersFrom, flagField, kField, linesField, spanField, textField } from './inputs.js';
import { collectAnswer } from '../core/index.js';
import { answerJson } from '../present/json.js';
import { citeQuote, indexInfo, searchPassages, showPassage } from './operations.js';

/** What every handler is given: the exchange, its URL, and a signal aborted when the client leaves or the time limit passes. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  signal: AbortSignal;
}

/** What the handlers share: the engine, the answer slots, the model names served, and the service's log. */
export interface ServiceDeps {
  holder: EngineHolder;
  slots: AnswerSlots;
  models: string[];
  log: (line: string) => void;
}

export type Handler = (exchange: Exchange, deps: ServiceDeps) => Promise<void>;

/** Runs `work` holding an answer slot (503 when none is free). */
export async function inSlot<T>(slots: AnswerSlots, work: () => Promise<T>): Promise<T> {
  const release = slots.take();
  try {
    return await work();
  } finally {
    release();
  }
}

/**
 * `POST /v1/ask {"question", "k", "min_confidence", filters}`: the `kabar ask --json` object, or with
 * `Accept: text/event-stream` the answer-event stream.
 */
const ask: Handler = async ({ req, res, signal }, deps) => {
  const body = await readJson(req);
  const question = textField(body.question, 'question');
  const options = {
    k: kField(body.k),
    filters: filtersFrom(body),
    minConfidence: confidenceField(body.min_confidence),
    lines: linesField(body.lines),
    signal,
  };
  await inSlot(deps.slots, () =>
    deps.holder.use(async (engine) => {
      if (!wantsEvents(req)) {
        sendJson(res, 200, answerJson(await collectAnswer(engine.ask(question, options))));
        return;
      }
      const stream = eventStream(res);
      for await (const event of engine.ask(question, options)) {
        if (signal.aborted) break;
        sendAnswerEvent(stream, event, deps.log);
        if (event.type === 'done' || event.type === 'error') break;
      }
      stream.end();
    }),
  );
};

/** `GET /v1/search?q=…&k=…&since=…&all_passages=1`: the `kabar search --json` object. */
const search: Handler = async ({ res, url }, deps) => {
  const q = Object.fromEntries(url.searchParams);
  const query = textField(q.q, 'q');
  const all = flagField(q.all_passages, 'all_passages');
  const found = await deps.holder.use((engine) => searchPassages(engine, query, kField(q.k), filtersFrom(q), all));
  sendJson(res, 200, found);
};

/** `GET /v1/passages/{id}?span=START-END`: the `kabar show --json` object (the id URL-encoded: `#` is `%23`). */
const passage =
  (id: string): Handler =>
  async ({ res, url }, deps) => {
    const span = spanField(url.searchParams.get('span'));
    sendJson(res, 200, await deps.holder.use((engine) => showPassage(engine, id, span)));
  };

/** `POST /v1/cite {"quote", "k"}`: the `kabar cite --json` object. */
const cite: Handler = async ({ req, res }, deps) => {
  const body = await readJson(req);
  const quote = textField(body.quote, 'quote').trim();
  sendJson(res, 200, await deps.holder.use((engine) => citeQuote(engine, quote, kField(body.k))));
};

const info: Handler = async ({ res }, deps) =>
  sendJson(res, 200, await deps.holder.use((engine) => indexInfo(engine, deps.models)));

/** `GET /healthz`: up, and how many answers are under way. */
const health: Handler = async ({ res }, deps) => sendJson(res, 200, { ok: true, answering: deps.slots.busy });

/** The handler for a method and path of the kabar API, or undefined. */
export function apiRoute(method: string, pathname: string): Handler | undefined {
  const key = `${method} ${pathname}`;
  if (key === 'POST /v1/ask') return ask;
  if (key === 'GET /v1/search') return search;
  if (key === 'POST /v1/cite') return cite;
  if (key === 'GET /v1/info') return info;
  if (key === 'GET /healthz') return health;
  const m = /^\/v1\/passages\/(.+)$/.exec(pathname);
  if (m && method === 'GET') {
    let id: string;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      throw new ApiError(400, 'bad_request', 'The passage id is not a valid URL-encoded string.');
    }
    return passage(id);
  }
  return undefined;
}

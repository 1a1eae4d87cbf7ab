import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, toErrorResponse } from './errors.js';
import { jsonLine } from '../present/json.js';

/** The largest request body the service reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a request body of at most `MAX_BODY_BYTES`; a larger one is refused (413) without reading the rest. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const tooLarge = () =>
  new ApiError(413, 'body_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} kB.`);

/** Reads a JSON object body; anything else is a 400 that says so. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'bad_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ApiError(400, 'bad_json', 'The request body must be a JSON object.');
  return value as Record<string, unknown>;
}

/** Writes a JSON response. Article text stays exact: the only escapes are JSON's own. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const text = jsonLine(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes any error as the one error body; `log` receives what the client is not shown. */
export function sendError(res: ServerResponse, error: unknown, log: (line: string) => void): void {
  const { status, body, retryAfter, logged } = toErrorResponse(error);
  if (logged) log(logged);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, body, retryAfter ? { 'Retry-After': String(retryAfter) } : {});
}

/** A server-sent event stream: one named event per call, JSON data. */
export interface EventStream {
  send(event: string | undefined, data: unknown): void;
  end(): void;
}

export function eventStream(res: ServerResponse): EventStream {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  return {
    send: (event, data) =>
      res.write(
        `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : jsonLine(data).trimEnd()}\n\n`,
      ),
    end: () => res.end(),
  };
}

/** Whether the request asks for server-sent events. */
export const wantsEvents = (req: IncomingMessage): boolean => /\btext\/event-stream\b/.test(req.headers.accept ?? '');

/**
 * Whether the request carries `Authorization: Bearer <token>`. Both sides are hashed first, so the
 * comparison takes the same time whatever the length or content of what was sent.
 */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const sent = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(token));
}

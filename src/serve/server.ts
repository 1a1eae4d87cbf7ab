import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerSlots } from './answer-slots.js';
import { apiRoute, type Handler, type ServiceDeps } from './api.js';
import type { EngineHolder } from './engine-holder.js';
import { ApiError } from './errors.js';
import { hasToken, sendError } from './http-io.js';
import { handleMcp } from './mcp-http.js';
import { chatCompletions, listModels } from './openai.js';

export interface ServiceOptions {
  holder: EngineHolder;
  /** The model names `/v1/models` lists and chat completions accept. */
  models: string[];
  /** When set, every request but `/healthz` must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** The one origin browsers may call from; no CORS headers when unset. */
  cors?: string;
  /** Answers at once before a 503. */
  maxAnswers: number;
  /** Time limit of one request. */
  timeoutMs: number;
  log: (line: string) => void;
}

export interface Service {
  readonly server: http.Server;
  /** Listens on host:port (0 for any free port) and resolves with the address. */
  listen(host: string, port: number): Promise<AddressInfo>;
  /** Stops taking requests, lets those under way finish for up to `graceMs`, then closes every connection. */
  shutdown(graceMs: number): Promise<void>;
}

function route(method: string, pathname: string): Handler | undefined {
  if (method === 'POST' && pathname === '/v1/chat/completions') return chatCompletions;
  if (method === 'GET' && pathname === '/v1/models') return listModels;
  if (pathname === '/mcp') return ({ req, res }, deps) => handleMcp(req, res, deps);
  return apiRoute(method, pathname);
}

/** The kabar HTTP service: the API, the OpenAI-compatible endpoints and MCP at /mcp, with the limits every request is under. */
export function createService(options: ServiceOptions): Service {
  const deps: ServiceDeps = {
    holder: options.holder,
    slots: answerSlots(options.maxAnswers),
    models: options.models,
    log: options.log,
  };
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const cors = (res: http.ServerResponse) => {
    if (!options.cors) return;
    res.setHeader('Access-Control-Allow-Origin', options.cors);
    res.setHeader('Vary', 'Origin');
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://kabar');
    cors(res);
    if (req.method === 'OPTIONS' && options.cors) {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Mcp-Protocol-Version',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    // The request is stopped when the client goes away or the time limit passes.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);
    res.on('close', () => {
      clearTimeout(timer);
      controller.abort();
    });
    try {
      if (options.token && url.pathname !== '/healthz' && !hasToken(req, options.token)) {
        throw new ApiError(
          401,
          'unauthorized',
          'This server needs Authorization: Bearer <token> (the token kabar serve was started with).',
        );
      }
      const handler = route(req.method ?? 'GET', url.pathname);
      if (!handler)
        throw new ApiError(
          404,
          'not_found',
          `There is no ${req.method} ${url.pathname}; see GET /v1/info and the README's Serving section.`,
        );
      await handler({ req, res, url, signal: controller.signal }, deps);
      if (timedOut && !res.headersSent)
        throw new ApiError(504, 'timeout', `kabar did not answer within ${options.timeoutMs / 1000} s.`);
    } catch (error) {
      if (res.destroyed || res.writableEnded) return;
      sendError(
        res,
        timedOut ? new ApiError(504, 'timeout', `kabar did not answer within ${options.timeoutMs / 1000} s.`) : error,
        options.log,
      );
      // The rest of a body left unread (too large) is read and dropped: a client still sending it then gets
      // the answer, where closing the connection could reset it first. The request timeout bounds the wait.
      if (!req.complete) req.resume();
    } finally {
      clearTimeout(timer);
    }
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    res.once('close', () => {
      if (--inFlight === 0) drained?.();
    });
    void handle(req, res);
  });
  // Slow clients cannot hold a connection open forever before sending a request.
  server.headersTimeout = 10_000;
  server.requestTimeout = options.timeoutMs + 5_000;

  return {
    server,
    listen: (host, port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    async shutdown(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

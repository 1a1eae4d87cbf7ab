import { createHash } from 'node:crypto';
import http from 'node:http';
import { UserError, type Config } from '../core/index.js';
import { readServerRecord } from '../serve/server-file.js';
import { configFrom, type GlobalOptions } from './context.js';

/** Options of the commands that may use a running server: `--no-server` sets `server` to false. */
export interface ServerFlags extends GlobalOptions {
  server?: boolean;
}

/**
 * A digest of the settings that decide what a command answers: the corpus, its fields, the store, the
 * embedder and the answerer. `kabar serve` records it; a command whose digest differs does its own work.
 */
export const settingsDigest = (config: Config): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        config.corpusDir,
        config.fields,
        config.store,
        config.embeddings,
        config.llm.provider,
        config.llm.model,
        config.openai.baseUrl,
        config.ollama.host,
      ]),
    )
    .digest('hex');

/**
 * The JSON a `kabar serve` running for the same index and settings answers to the request, or
 * undefined when there is none (no server file, a stale one, other settings, a token needed and not
 * in KABAR_TOKEN, the server unreachable or busy): the command then does the work itself. A refusal
 * of the request itself (a bad filter, an unknown passage) is the command's error, as if made here.
 */
export async function fromServer(
  options: ServerFlags,
  request: { path: string; body?: unknown },
): Promise<{ value: unknown; url: string } | undefined> {
  if (options.server === false) return undefined;
  const config = configFrom(options);
  const record = readServerRecord(config.indexDir);
  if (!record || record.settings !== settingsDigest(config)) return undefined;
  const token = process.env.KABAR_TOKEN;
  if (record.token && !token) return undefined;
  let res: { status: number; text: string };
  try {
    res = await send(
      `${record.url}${request.path}`,
      request.body === undefined ? undefined : JSON.stringify(request.body),
      token,
    );
  } catch {
    return undefined;
  }
  let value: { error?: { message?: string } } | undefined;
  try {
    value = JSON.parse(res.text) as typeof value;
  } catch {
    value = undefined;
  }
  const ok = res.status >= 200 && res.status < 300;
  if (ok && value) return { value, url: record.url };
  if (res.status === 400 || res.status === 404 || res.status === 413) {
    throw new UserError(
      res.status === 404 ? 'NOT_FOUND' : 'BAD_FLAG',
      value?.error?.message ?? `kabar serve refused the request (HTTP ${res.status}).`,
      { exitCode: res.status === 404 ? 1 : 2 },
    );
  }
  return undefined;
}

/** One request with Node's own client: a command that sends one request does not load fetch's (about 30 ms of start-up). */
function send(
  url: string,
  body: string | undefined,
  token: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    };
    const req = http.request(url, { method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

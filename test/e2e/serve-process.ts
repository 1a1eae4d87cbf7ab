import { spawn, type ChildProcess } from 'node:child_process';
import { CLI } from '../helpers.js';

/** A `kabar serve` started from the built CLI on 127.0.0.1 and a free port. */
export interface ServeProcess {
  child: ChildProcess;
  url: string;
  out: { stdout: string; stderr: string };
  exited: Promise<number | null>;
  /** Waits until `seen()` holds (20 s at most). */
  until(seen: () => boolean): Promise<void>;
}

export async function startServe(
  t: { after: (fn: () => void) => void },
  globals: string[],
  flags: string[] = [],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, ...globals, 'serve', '--port', '0', ...flags], {
    env: { ...process.env, NO_COLOR: '1', KABAR_LLM: 'none', KABAR_EMBEDDINGS: 'hashing', ...env },
  });
  t.after(() => child.kill('SIGKILL'));
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (c) => (out.stdout += c));
  child.stderr!.on('data', (c) => (out.stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const until = async (seen: () => boolean) => {
    for (let waited = 0; !seen(); waited += 25) {
      if (waited > 20_000) throw new Error(`timed out; stderr: ${out.stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  await until(() => / at http:\/\/\S+; Ctrl\+C stops/.test(out.stderr) || child.exitCode !== null);
  const url = / at (http:\/\/\S+); Ctrl\+C stops/.exec(out.stderr)?.[1];
  if (!url) throw new Error(`kabar serve did not start: ${out.stderr}`);
  return { child, url, out, exited, until };
}

/** Parsed JSON, whatever its shape: the tests read into it freely. */
export type Json = ReturnType<typeof JSON.parse>;

/**
 * `fetch`, sent once more on a new connection when a kept-alive one had been closed by the server (while
 * this process was blocked in a synchronous CLI run, or slow under load): the request never reached the
 * server, so it is sent again, as HTTP clients do.
 */
export function send(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, init).catch((error: unknown) => {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  });
}

/** A JSON request to the server: status, headers and parsed body. */
export async function call(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: Json }> {
  const res = await send(url, init);
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the text itself.
  }
  return { status: res.status, headers: res.headers, body };
}

/** Server-sent events as `{event, data}`, data parsed as JSON when it is. */
export function parseEvents(text: string): { event?: string; data: Json }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const raw = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      let data: Json = raw;
      try {
        data = JSON.parse(raw);
      } catch {
        // [DONE]
      }
      return { event, data };
    });
}

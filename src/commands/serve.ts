import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { configuredSecrets, redactSecrets, UserError } from '../core/index.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { configFrom, type GlobalOptions } from './context.js';
import { examples, positiveInt } from './flags.js';
import { interruptible } from './interrupt.js';
import { settingsDigest } from './via-server.js';

/** The port `kabar serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 7600;
/** How long in-flight requests may run on after SIGINT or SIGTERM. */
export const SHUTDOWN_GRACE_MS = 5_000;
/** Answers under way at once before a 503, unless --max-answers says otherwise. */
export const DEFAULT_MAX_ANSWERS = 32;
/** The time limit of one request, in seconds, unless --timeout says otherwise. */
export const DEFAULT_TIMEOUT_S = 60;

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('It must be a port number from 0 to 65535 (0: any free port).');
  return n;
};

const loopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);

/** A line on the service's log (stderr): no secret, no control character from the data. */
export const serviceLog = (line: string) =>
  process.stderr.write(`kabar: ${terminalSafe(redactSecrets(line, configuredSecrets(process.env)))}\n`);

interface ServeFlags {
  host: string;
  port: number;
  token?: string;
  cors?: string;
  maxAnswers: number;
  timeout: number;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the articles over HTTP: the kabar API, an OpenAI-compatible chat endpoint and MCP at /mcp')
    .option('--host <address>', 'address to listen on; any but a loopback address needs a token', '127.0.0.1')
    .option('--port <n>', `port to listen on (0: any free port)`, port, DEFAULT_PORT)
    .option('--token <secret>', 'require Authorization: Bearer <secret> on every request (or KABAR_TOKEN)')
    .option('--cors <origin>', 'let web pages from this origin call the server (off by default)')
    .option(
      '--max-answers <n>',
      'answers under way at once; beyond them a request gets 503 and Retry-After',
      positiveInt,
      DEFAULT_MAX_ANSWERS,
    )
    .option('--timeout <seconds>', 'time limit of one request', positiveInt, DEFAULT_TIMEOUT_S)
    .addHelpText(
      'after',
      examples([
        'kabar serve',
        'kabar --corpus ~/news serve --port 8080',
        'KABAR_TOKEN=s3cret kabar serve --host 0.0.0.0 --cors https://chat.example.org',
      ]),
    )
    .action(async (flags: ServeFlags, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const token = flags.token ?? (process.env.KABAR_TOKEN || undefined);
      if (!loopback(flags.host) && !token) {
        throw new UserError('BAD_FLAG', `Listening on ${flags.host} lets other machines in, so it needs a token.`, {
          hint: 'Pass --token SECRET or set KABAR_TOKEN (clients send Authorization: Bearer SECRET), or keep the default --host 127.0.0.1.',
        });
      }
      const config = configFrom(global);
      const [
        { readServerRecord, writeServerRecord },
        { createService },
        { openLiveEngine },
        { KABAR_MODEL, KABAR_LLM_MODEL },
      ] = await Promise.all([
        import('../serve/server-file.js'),
        import('../serve/server.js'),
        import('./live-engine.js'),
        import('../serve/openai.js'),
      ]);
      const running = readServerRecord(config.indexDir);
      if (running)
        throw new UserError(
          'INDEX_LOCKED',
          `kabar serve already runs for this index at ${running.url} (process ${running.pid}).`,
          { hint: 'Use that server, stop it first, or pass another --index.' },
        );
      const live = await interruptible((signal) => openLiveEngine(global, signal, serviceLog));
      const models = config.llm.provider === 'none' ? [KABAR_MODEL] : [KABAR_MODEL, KABAR_LLM_MODEL];
      const service = createService({
        holder: live.holder,
        models,
        token,
        cors: flags.cors,
        maxAnswers: flags.maxAnswers,
        timeoutMs: flags.timeout * 1000,
        log: serviceLog,
      });
      let address;
      try {
        address = await service.listen(flags.host, flags.port);
      } catch (error) {
        await live.stop();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
          throw new UserError('BAD_FLAG', `Port ${flags.port} on ${flags.host} is already in use by another process.`, {
            hint: 'Pass --port with another port, or --port 0 for any free one.',
          });
        throw error;
      }
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      const removeRecord = writeServerRecord(config.indexDir, {
        url,
        pid: process.pid,
        corpus: config.corpusDir,
        settings: settingsDigest(config),
        token: token !== undefined,
      });
      const { articles, passages } = live.holder.current.refresh;
      process.stderr.write(`kabar serves ${articles} articles (${passages} passages) at ${url}; Ctrl+C stops.\n`);
      // SIGINT and SIGTERM: requests under way finish (for a few seconds at most), a refresh under way is cancelled, exit 0.
      const signal = await new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      process.stderr.write(`kabar: ${signal}: finishing the requests under way, then stopping.\n`);
      await service.shutdown(SHUTDOWN_GRACE_MS);
      await live.stop();
      removeRecord();
      process.stderr.write('kabar: stopped.\n');
    });
}

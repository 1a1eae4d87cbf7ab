#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { describeError, isUserError, configuredSecrets, redactSecrets, KABAR_VERSION } from './core/index.js';
import { registerAsk } from './commands/ask.js';
import { registerChat } from './commands/chat.js';
import { registerCite } from './commands/cite.js';
import { registerCompletion } from './commands/completion.js';
import { registerConfig } from './commands/config.js';
import { registerEval } from './commands/eval.js';
import { registerIndex } from './commands/index-command.js';
import { registerInfo } from './commands/info.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerServe } from './commands/serve.js';
import { registerMcp } from './commands/mcp.js';
import { registerExport } from './commands/export.js';
import { checkVerbosity, examples } from './commands/flags.js';
import { createStyle } from './present/style.js';
import { terminalSafe } from './present/terminal-safe.js';

/** An error's text as printed: no configured secret, no control character from the data. */
const shown = (text: string): string => terminalSafe(redactSecrets(text, configuredSecrets(process.env)));

/** Exit code for failures that are kabar's fault, not the user's. */
const BUG = 70;

function program(): Command {
  const cli = new Command('kabar')
    .description(
      'Ask questions about a collection of news articles; every answer cites the exact characters it came from.',
    )
    .version(KABAR_VERSION)
    .option(
      '--corpus <path>',
      'folder of articles (.txt .md .jsonl .csv .html .rss …) or one archive or feed file (default: seeds, or KABAR_CORPUS)',
    )
    .option(
      '--field <field=name>',
      'which archive field holds text, title, date, source, url, id or lang, e.g. text=body (repeatable, or KABAR_FIELDS)',
      (value: string, list: string[] = []) => [...list, value],
    )
    .option('--index <dir>', 'where the index is kept (default: .kabar, or KABAR_INDEX)')
    .option('--embeddings <name>', 'hashing (default), transformers, openai or ollama (or KABAR_EMBEDDINGS)')
    .option(
      '--store <where>',
      'local (default: the index folder) or a postgres:// URL of a shared index (or KABAR_STORE)',
    )
    .option('--no-server', 'answer ask, search, show and cite here, even when kabar serve runs for the index')
    .option('-q, --quiet', 'print only results and errors: no warnings, no progress')
    .option('--verbose', 'also print timings and decisions (index opened, follow-up resolved, abstained) on stderr')
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      examples([
        'kabar ask "Siapa yang bertemu Shoygu?"',
        'kabar search --lang en sanctions',
        'kabar --corpus ~/news chat',
        'kabar help ask',
      ]),
    );
  // --quiet with --verbose is refused before any command runs.
  cli.hook('preAction', (_cli, command) => checkVerbosity(command.optsWithGlobals()));
  for (const register of [
    registerIndex,
    registerSearch,
    registerAsk,
    registerChat,
    registerShow,
    registerCite,
    registerEval,
    registerInfo,
    registerConfig,
    registerServe,
    registerMcp,
    registerExport,
    registerCompletion,
  ])
    register(cli);
  cli.commands.forEach((c) => c.exitOverride().configureOutput({ outputError: () => {} }));
  return cli;
}

async function main(argv: string[]): Promise<number> {
  const err = createStyle(process.stderr);
  try {
    await program().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0;
      const message = error.message
        .replace(/^error: /, '')
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\((Did you mean [^)]*)\)/, '$1');
      process.stderr.write(
        `${err.error('kabar:')} ${shown(`${message.charAt(0).toUpperCase()}${message.slice(1)}`)}${/[.?!]$/.test(message) ? '' : '.'} Run kabar --help for usage.\n`,
      );
      return 2;
    }
    if (isUserError(error)) {
      // A cancelled command may have been cut off mid-line (a streamed answer, a progress bar): start afresh.
      if (error.code === 'CANCELLED') process.stderr.write('\n');
      process.stderr.write(`${err.error('kabar:')} ${shown(describeError(error))}\n`);
      return error.exitCode;
    }
    if (process.env.KABAR_DEBUG === '1') process.stderr.write(`${shown((error as Error).stack ?? String(error))}\n`);
    else
      process.stderr.write(
        `${err.error('kabar: internal error:')} ${shown(describeError(error))} (set KABAR_DEBUG=1 for details)\n`,
      );
    return BUG;
  }
}

// A library's process warning (the YAML parser quotes an article's line in one) is untrusted text: Node's
// default printing writes it raw, so it is dropped, and shown filtered with KABAR_DEBUG=1.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (process.env.KABAR_DEBUG === '1') process.stderr.write(`${shown(`${warning.name}: ${warning.message}`)}\n`);
});

// A reader that stops early (`kabar search … | head -1`) closes the pipe: kabar then stops quietly, as other
// command-line tools do, instead of failing on the next write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

process.exitCode = await main(process.argv);

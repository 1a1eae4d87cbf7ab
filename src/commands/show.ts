import type { Command } from 'commander';
import { UserError, passageContext, formatLocation, sourceLocation, type PassageContext } from '../core/index.js';
import { jsonLine } from '../present/json.js';
import { formatPassage } from '../present/terminal.js';
import { engineFrom } from './context.js';
import { examples } from './flags.js';
import { createStyle } from '../present/style.js';
import { fromServer, type ServerFlags } from './via-server.js';

/** Parses `--span START-END` (character offsets into the article's file) and checks it lies inside the passage. */
export function spanInside(text: string, context: PassageContext): { start: number; end: number } {
  const match = /^\s*(\d+)\s*[-–:]\s*(\d+)\s*$/.exec(text);
  const start = match ? Number(match[1]) : NaN;
  const end = match ? Number(match[2]) : NaN;
  if (!match || end <= start) {
    throw new UserError('BAD_FLAG', `--span ${text} is not of the form START-END with START below END.`, {
      hint: 'Give character offsets into the article, e.g. --span 1187-1211 (kabar ask --json gives them under "short").',
    });
  }
  if (start < context.start || end > context.end) {
    throw new UserError(
      'BAD_FLAG',
      `--span ${start}-${end} is not inside passage ${context.id}, which covers chars ${context.start}–${context.end}.`,
      {
        hint: 'Give the passage the span is in: its id is the "id" next to the offsets in kabar ask --json.',
      },
    );
  }
  return { start, end };
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description("print a passage with the sentences around it and its article's details")
    .argument('<id>', 'a passage id such as 002_aa04c277c35a0562.txt#3')
    .option('--span <start-end>', "highlight these characters of the passage, e.g. a short answer's offsets")
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      examples([
        'kabar show 002_aa04c277c35a0562.txt#3',
        'kabar show --json 004_415fcd0bbee670a6.txt#1',
        'kabar show 002_aa04c277c35a0562.txt#2 --span 1386-1410',
      ]),
    )
    .action(async (id: string, options: { json?: boolean; span?: string }, command: Command) => {
      const global = command.optsWithGlobals<ServerFlags>();
      // The JSON a running server gives is this command's; the terminal form needs the article's text, read here.
      const remote = options.json
        ? await fromServer(global, {
            path: `/v1/passages/${encodeURIComponent(id)}${options.span ? `?span=${encodeURIComponent(options.span)}` : ''}`,
          })
        : undefined;
      if (remote) {
        process.stdout.write(jsonLine(remote.value));
        return;
      }
      const engine = await engineFrom(global, { warm: false });
      const shown = await passageContext(engine, id);
      const span = options.span === undefined ? undefined : spanInside(options.span, shown);
      if (options.json) {
        const text = span ? shown.text.slice(span.start - shown.start, span.end - shown.start) : undefined;
        process.stdout.write(jsonLine(span ? { ...shown, span: { ...span, text } } : shown));
        return;
      }
      const style = createStyle(process.stdout);
      const location = sourceLocation(shown, (await engine.store.raw(shown.file)) ?? '', shown.start);
      process.stdout.write(`${formatPassage(shown, formatLocation(location), style, span)}\n`);
    });
}

import type { Command } from 'commander';
import { passageContext } from '../core/index/context.js';
import { jsonLine } from '../present/json.js';
import { formatPassage } from '../present/terminal.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { createStyle } from './style.js';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print a passage with the sentences around it and its article\'s details')
    .argument('<id>', 'a passage id such as 002_aa04c277c35a0562.txt#3')
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['kabar show 002_aa04c277c35a0562.txt#3', 'kabar show --json 004_415fcd0bbee670a6.txt#1']))
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const engine = await engineFrom(global);
      const shown = await passageContext(engine, id);
      if (options.json) {
        process.stdout.write(jsonLine(shown));
        return;
      }
      const style = createStyle(process.stdout);
      const line = (((await engine.store.raw(shown.file)) ?? '').slice(0, shown.start).match(/\n/g)?.length ?? 0) + 1;
      process.stdout.write(`${formatPassage(shown, line, style)}\n`);
    });
}

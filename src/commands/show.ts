import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import type { Engine } from '../core/engine.js';
import { engineFrom, configFrom, type GlobalOptions } from './context.js';
import { byline } from './format.js';
import { createStyle } from './style.js';
import { closestIds } from '../core/index/closest-ids.js';

/** The passage, the sentences around it, and its article, as `kabar show` prints them. */
export function passageContext(engine: Engine, id: string, around = 2) {
  const found = engine.view.passage(id);
  if (!found) {
    const suggestions = closestIds(id, [...engine.view.ids()], 3);
    throw new UserError('NOT_FOUND', `There is no passage ${id}.`, {
      hint: suggestions.length ? `Did you mean ${suggestions.join(', ')}?` : 'Run kabar search to find passage ids.',
      exitCode: 1,
    });
  }
  const { passage, article } = found;
  const sentences = article.passages.flatMap((p) => p.sentences);
  const first = sentences.findIndex((s) => s.start === passage.sentences[0].start);
  const last = first + passage.sentences.length - 1;
  return {
    id,
    file: article.file,
    title: article.title,
    source: article.source,
    date: article.date,
    lang: article.lang,
    start: passage.start,
    end: passage.end,
    text: passage.text,
    before: sentences.slice(Math.max(0, first - around), first),
    after: sentences.slice(last + 1, last + 1 + around),
  };
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('print a passage with the sentences around it and its article\'s details')
    .argument('<id>', 'a passage id such as 002_aa04c277c35a0562.txt#3')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const engine = await engineFrom(global);
      const shown = passageContext(engine, id);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(shown)}\n`);
        return;
      }
      const style = createStyle(process.stdout);
      const line = (fs.readFileSync(path.join(configFrom(global).corpusDir, shown.file), 'utf8').slice(0, shown.start).match(/\n/g)?.length ?? 0) + 1;
      process.stdout.write(
        `${style.bold(shown.title)}\n${style.dim(`${byline(shown.source, shown.date, shown.lang)} · ${shown.file}:${line} · chars ${shown.start}–${shown.end}`)}\n\n` +
          [...shown.before.map((s) => style.dim(s.text)), style.highlight(shown.text), ...shown.after.map((s) => style.dim(s.text))].join('\n') +
          '\n',
      );
    });
}

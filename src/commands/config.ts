import type { Command } from 'commander';
import {
  checkHealth,
  configuredSecrets,
  describeSettings,
  inspectIndexes,
  inspectPostgresIndexes,
  redactSecrets,
} from '../core/index.js';
import { jsonLine } from '../present/json.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { checkIndexDir, settingsFrom, type GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { createStyle } from '../present/style.js';

export function registerConfig(program: Command): void {
  program
    .command('config')
    .alias('doctor')
    .description(
      'show every setting and where it came from, and check that the corpus, index, models and servers are there',
    )
    .option('--json', 'print JSON')
    .addHelpText('after', examples(['kabar config', 'kabar doctor', 'KABAR_LLM=ollama kabar config --json']))
    .action(async (options: { json?: boolean }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const { config, origin } = settingsFrom(global);
      const [settings, { modelFiles }, { formatTable }] = await Promise.all([
        describeSettings(config, global, origin),
        import('../providers/embeddings/transformers.js'),
        import('../present/table.js'),
      ]);
      const server = config.store.kind === 'postgres' ? config.store : undefined;
      const checks = await checkHealth(config, {
        checkIndexDir,
        modelFiles,
        inspect: async () =>
          server ? inspectPostgresIndexes(server.readUrl ?? server.url) : inspectIndexes(config.indexDir),
      });
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
      const secrets = configuredSecrets(process.env);
      const safe = (text: string) => terminalSafe(redactSecrets(text, secrets));
      if (options.json) {
        process.stdout.write(
          jsonLine({ settings, checks: checks.map((c) => ({ ...c, detail: redactSecrets(c.detail, secrets) })) }),
        );
        return;
      }
      const style = createStyle(process.stdout);
      const settingRows = settings.map((s) => [s.name, s.variable, safe(s.value), s.from]);
      const checkRows = checks.map((c) => [c.ok ? style.accent('ok') : style.error('FAIL'), c.name, safe(c.detail)]);
      process.stdout.write(
        `${style.bold('Settings')} (strongest first: flag, environment, .env in this folder, user config, default)\n` +
          `${formatTable(['setting', 'variable', 'value', 'from'], settingRows, style)}\n\n` +
          `${style.bold('Checks')}\n${formatTable(['', 'what', 'found'], checkRows, style)}\n`,
      );
    });
}

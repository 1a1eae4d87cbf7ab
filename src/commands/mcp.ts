import type { Command } from 'commander';
import type { GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { interruptible } from './interrupt.js';
import { DEFAULT_MAX_ANSWERS, serviceLog } from './serve.js';

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('serve the articles to an AI assistant over the Model Context Protocol on stdin/stdout')
    .addHelpText('after', examples(['kabar mcp', 'kabar --corpus ~/news --index ~/news/.kabar mcp']))
    .action(async (_flags: object, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      const [{ StdioServerTransport }, { createMcpServer }, { answerSlots }, { openLiveEngine }] = await Promise.all([
        import('@modelcontextprotocol/sdk/server/stdio.js'),
        import('../serve/mcp-tools.js'),
        import('../serve/answer-slots.js'),
        import('./live-engine.js'),
      ]);
      // stdout carries the protocol: progress and warnings go to stderr only.
      const live = await interruptible((signal) =>
        openLiveEngine({ ...global, quiet: true, verbose: false }, signal, serviceLog),
      );
      const server = createMcpServer({ holder: live.holder, slots: answerSlots(DEFAULT_MAX_ANSWERS), log: serviceLog });
      const transport = new StdioServerTransport();
      await server.connect(transport);
      // The client closing stdin, SIGINT or SIGTERM ends the session; exit 0.
      await new Promise<void>((resolve) => {
        process.stdin.once('end', resolve);
        process.stdin.once('close', resolve);
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await live.stop();
    });
}

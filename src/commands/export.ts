import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { terminalSafe } from '../present/terminal-safe.js';
import { engineFrom, type GlobalOptions } from './context.js';
import { examples } from './flags.js';
import { interruptible } from './interrupt.js';

/** The formats `kabar export` writes. */
const FORMATS = ['langchain-hnswlib'] as const;
/** Passages embedded per call while exporting. */
const EMBED_BATCH = 256;

const format = (value: string): (typeof FORMATS)[number] => {
  if (!(FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`It must be one of: ${FORMATS.join(', ')}.`);
  return value as (typeof FORMATS)[number];
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write the indexed passages and their vectors for another tool: langchain-hnswlib, for HNSWLib.load from @langchain/community',
    )
    .argument('<dir>', 'the folder to write (args.json, docstore.json, hnswlib.index)')
    .requiredOption('--format <format>', `what to write: ${FORMATS.join(', ')}`, format)
    .addHelpText('after', examples(['kabar export --format langchain-hnswlib ./kabar-hnswlib']))
    .action(async (dir: string, _options: { format: string }, command: Command) => {
      const global = command.optsWithGlobals<GlobalOptions>();
      await interruptible(async (signal) => {
        const [engine, { Document }, { HNSWLib }] = await Promise.all([
          engineFrom(global, { signal, warm: false }),
          import('@langchain/core/documents'),
          import('@langchain/community/vectorstores/hnswlib'),
        ]);
        try {
          // Every passage of every article, in a stable order, with the metadata a KabarRetriever's documents carry.
          const documents = [];
          for (const id of [...(await engine.store.versions()).keys()].sort()) {
            const article = await engine.store.article(id);
            for (const p of article?.passages ?? []) {
              documents.push(
                new Document({
                  pageContent: p.text,
                  metadata: {
                    id: p.id,
                    file: article!.file,
                    start: p.start,
                    end: p.end,
                    title: article!.title,
                    date: article!.date,
                    source: article!.source,
                    url: article!.url ?? null,
                    lang: article!.lang,
                  },
                }),
              );
            }
          }
          // The vectors are the embedder's for each passage's text, as HNSWLib's own similarity search embeds a query.
          const { embeddings, info } = engine.embedder;
          const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: info.dimensions });
          for (let i = 0; i < documents.length; i += EMBED_BATCH) {
            if (signal.aborted) return;
            const batch = documents.slice(i, i + EMBED_BATCH);
            await store.addVectors(await embeddings.embedDocuments(batch.map((d) => d.pageContent)), batch);
          }
          await store.save(dir);
          process.stdout.write(
            `Exported ${documents.length} passages (${info.provider} ${info.dimensions}-dimension vectors) to ${terminalSafe(path.resolve(dir))}.\n`,
          );
        } finally {
          await engine.close();
        }
      });
    });
}

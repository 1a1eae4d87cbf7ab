/**
 * kabar as a library for LangChain.js programs: `import { KabarRetriever } from 'kabar'`.
 *
 * A `KabarRetriever` opens (and refreshes) a kabar index as the CLI does, from the same settings
 * (`KABAR_*` variables, `.env`, the user config, or the options given here), and is a LangChain
 * `BaseRetriever`: each `Document` is one passage, its text exactly as in the article, its metadata
 * the article's file, the passage's character offsets into it, title, date, source and url.
 */
import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { tool } from 'langchain';
import { z } from 'zod';
import { engineFrom } from './commands/context.js';
import { validateFilters, type Engine, type FilterInput, type Filters, type Hit } from './core/index.js';

/** Where the index is and how it is built: the CLI's global options (unset ones come from the settings, as for the CLI). */
export interface KabarOpenOptions {
  /** The folder of articles (or one archive or feed file). */
  corpus?: string;
  /** The index folder. */
  index?: string;
  /** hashing, transformers, openai or ollama. */
  embeddings?: string;
  /** local, or a postgres:// URL of a shared index. */
  store?: string;
  /** Warnings while opening (a busy index, a skipped file); ignored by default. */
  onWarning?: (message: string) => void;
}

/** What a retriever returns: how many passages and which articles. */
export interface KabarRetrieverOptions extends KabarOpenOptions, BaseRetrieverInput {
  /** How many passages a query returns (default 10). */
  k?: number;
  /** Only articles from this date on, up to this date, from this outlet, in this language (`since`, `until`: YYYY, YYYY-MM or YYYY-MM-DD; `lang`: id or en). */
  filters?: FilterInput;
}

/** The metadata of every `Document` a `KabarRetriever` returns: `pageContent === article.slice(start, end)`. */
export interface KabarPassageMetadata {
  /** The passage id, `file#n` (`kabar show` opens it). */
  id: string;
  file: string;
  start: number;
  end: number;
  title: string;
  date: string | null;
  source: string | null;
  url: string | null;
  lang: string;
  /** The retrieval score: higher is better. */
  score: number;
}

/** A retrieved passage as a LangChain `Document`. */
export const passageDocument = (hit: Hit): Document<KabarPassageMetadata> =>
  new Document({
    pageContent: hit.passage.text,
    id: hit.passage.id,
    metadata: {
      id: hit.passage.id,
      file: hit.passage.file,
      start: hit.passage.start,
      end: hit.passage.end,
      title: hit.article.title,
      date: hit.article.date,
      source: hit.article.source,
      url: hit.article.url ?? null,
      lang: hit.article.lang,
      score: hit.score,
    },
  });

/** Opens the engine for library use: no progress bars, warnings only to `onWarning`. */
const openEngine = (options: KabarOpenOptions): Promise<Engine> =>
  engineFrom(
    { corpus: options.corpus, index: options.index, embeddings: options.embeddings, store: options.store, quiet: true },
    { onWarning: options.onWarning ?? (() => {}), onProgress: () => {} },
  );

/** kabar's hybrid retrieval (vectors and BM25, retellings folded) as a LangChain retriever. */
export class KabarRetriever extends BaseRetriever<KabarPassageMetadata> {
  static override lc_name() {
    return 'KabarRetriever';
  }
  lc_namespace = ['kabar', 'retrievers'];
  readonly k: number;
  readonly filters: Filters;

  /** Prefer `KabarRetriever.open`; this wraps an engine already open. */
  constructor(
    private readonly engine: Engine,
    options: Omit<KabarRetrieverOptions, keyof KabarOpenOptions> = {},
  ) {
    super(options);
    this.k = options.k ?? 10;
    this.filters = validateFilters(options.filters ?? {});
  }

  /** Opens (and refreshes) the index the options name and returns a retriever over it; `close()` it when done. */
  static async open(options: KabarRetrieverOptions = {}): Promise<KabarRetriever> {
    const { corpus, index, embeddings, store, onWarning, ...rest } = options;
    validateFilters(rest.filters ?? {});
    return new KabarRetriever(await openEngine({ corpus, index, embeddings, store, onWarning }), rest);
  }

  /** kabar's embedder as LangChain `Embeddings` (the one the index was built with), e.g. for `HNSWLib.load` of a `kabar export`. */
  get embeddings(): EmbeddingsInterface {
    return this.engine.embedder.embeddings;
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<KabarPassageMetadata>[]> {
    const { hits } = await this.engine.search(query, { k: this.k, filters: this.filters });
    return hits.map(passageDocument);
  }

  /** Closes the index. */
  close(): Promise<void> {
    return this.engine.close();
  }
}

/** kabar's configured embedder as LangChain `Embeddings`, without opening an index. */
export async function kabarEmbeddings(
  options: Pick<KabarOpenOptions, 'embeddings'> = {},
): Promise<EmbeddingsInterface> {
  const [{ configFrom }, { createEmbedder }] = await Promise.all([
    import('./commands/context.js'),
    import('./providers/embeddings/registry.js'),
  ]);
  const config = configFrom({ embeddings: options.embeddings });
  return (await createEmbedder({ ...config.embeddings, openai: config.openai, ollama: config.ollama })).embeddings;
}

/**
 * kabar's search as a LangChain tool for agents (`createAgent({ model, tools: [kabarSearchTool(retriever)] })`):
 * the model sends a query and reads back the ranked passages, each with what it needs to cite it exactly
 * (the passage id, the file and the character offsets of the quote in it). The tool's name and description
 * are the MCP tool's, so an agent reads kabar the same way over either.
 */
export const kabarSearchTool = (retriever: KabarRetriever) =>
  tool(
    async ({ query }) => {
      const docs = await retriever.invoke(query);
      return JSON.stringify(docs.map((d) => ({ ...d.metadata, quote: d.pageContent })));
    },
    {
      name: 'search_articles',
      description:
        'Find the passages of the indexed news articles (Indonesian and English) that best match a query, ranked. ' +
        'Each hit has its passage id, file, start and end character offsets into the article, the exact text (quote), ' +
        'title, date, source and url: cite a hit by its file and offsets.',
      schema: z.object({ query: z.string().min(1).describe('Words or a question, in Indonesian or English.') }),
    },
  );

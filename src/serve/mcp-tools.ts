import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { inSlot } from './api.js';
import type { AnswerSlots } from './answer-slots.js';
import type { EngineHolder } from './engine-holder.js';
import { toErrorResponse } from './errors.js';
import { filtersFrom, kField, MAX_K, MAX_QUESTION_BYTES, spanField, textField } from './inputs.js';
import { collectAnswer, KABAR_VERSION } from '../core/index.js';
import { answerJson } from '../present/json.js';
import { citeQuote, listSources, searchPassages, showPassage } from './operations.js';

/** What the MCP tools share with the HTTP service. */
export interface McpDeps {
  holder: EngineHolder;
  slots: AnswerSlots;
  log: (line: string) => void;
}

const filterShape = {
  since: z.string().optional().describe('Only articles dated on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.'),
  until: z.string().optional().describe('Only articles dated up to this date: YYYY, YYYY-MM or YYYY-MM-DD.'),
  source: z
    .string()
    .optional()
    .describe('Only articles from this outlet (a part of its name, any case; list_sources gives the names).'),
  lang: z.enum(['id', 'en']).optional().describe('Only articles in Indonesian (id) or English (en).'),
};

const k = (what: string, fallback: number) =>
  z.number().int().min(1).max(MAX_K).optional().describe(`How many ${what} to return (default ${fallback}).`);

/** A tool's result: the JSON the HTTP API gives, as text an agent reads; a failure as one sentence with isError. */
async function result(work: () => Promise<unknown>, log: (line: string) => void) {
  try {
    return { content: [{ type: 'text' as const, text: JSON.stringify(await work(), null, 1) }] };
  } catch (error) {
    const { body, logged } = toErrorResponse(error);
    if (logged) log(logged);
    return { isError: true, content: [{ type: 'text' as const, text: body.error.message }] };
  }
}

/**
 * The kabar tools over the Model Context Protocol. Every result carries exact citations: the file,
 * character offsets into the article's original text, and the quoted text itself, so an agent can
 * quote and cite them.
 */
export function createMcpServer({ holder, slots, log }: McpDeps): McpServer {
  const server = new McpServer({ name: 'kabar', version: KABAR_VERSION });

  server.registerTool(
    'search_articles',
    {
      title: 'Search news articles',
      description:
        'Find the passages of the indexed news articles (Indonesian and English) that best match a query, ranked. ' +
        'Use it to explore what the articles say about a person, place or event before asking, or to gather several sources. ' +
        'Each hit has its passage id (for show_passage), file, start and end character offsets into the article, the exact text, title, date, source and url.',
      inputSchema: {
        query: z.string().min(1).max(MAX_QUESTION_BYTES).describe('Words or a question, in Indonesian or English.'),
        k: k('passages', 10),
        ...filterShape,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      result(
        () =>
          holder.use((engine) =>
            searchPassages(engine, textField(args.query, 'query'), kField(args.k), filtersFrom(args)),
          ),
        log,
      ),
  );

  server.registerTool(
    'ask',
    {
      title: 'Ask the news articles',
      description:
        'Answer a factual question from the indexed news articles, citing the exact sentences. ' +
        'The answer text carries [n] markers; citations[n-1] gives each source: file, start and end character offsets, the quoted text, title, date, source and url. ' +
        '"short" is the answer span (a name, number, date or place) when there is one. ' +
        'When abstained is true the articles do not say: report that rather than guessing. Ask one self-contained question at a time.',
      inputSchema: {
        question: z
          .string()
          .min(1)
          .max(MAX_QUESTION_BYTES)
          .describe('One self-contained question, in Indonesian or English.'),
        k: k('passages to read', 10),
        ...filterShape,
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      result(
        () =>
          inSlot(slots, () =>
            holder.use(async (engine) =>
              answerJson(
                await collectAnswer(
                  engine.ask(textField(args.question, 'question'), { k: kField(args.k), filters: filtersFrom(args) }),
                ),
              ),
            ),
          ),
        log,
      ),
  );

  server.registerTool(
    'show_passage',
    {
      title: 'Show a passage',
      description:
        'Show one passage by its id (from search_articles, ask or cite_quote, e.g. "002_aa04c277c35a0562.txt#3") with the sentences before and after it and its article\'s title, date, source and url. ' +
        'Give span as START-END character offsets to get exactly that text back, e.g. to check a quote before citing it.',
      inputSchema: {
        id: z.string().min(1).max(1024).describe('The passage id, file#n.'),
        span: z
          .string()
          .optional()
          .describe('Optional START-END character offsets inside the passage, e.g. "1187-1211".'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) => result(() => holder.use((engine) => showPassage(engine, args.id, spanField(args.span))), log),
  );

  server.registerTool(
    'cite_quote',
    {
      title: 'Find where a quote came from',
      description:
        'Find the articles a quote or claim came from: exact, fuzzy (slightly different wording) or semantic (a paraphrase) matches, best first, ' +
        'each with file, passage id, start and end character offsets, line, the matched text, score and kind. Use it to verify a quotation or attribute a claim to its source.',
      inputSchema: {
        quote: z.string().min(1).max(MAX_QUESTION_BYTES).describe('The quote or claim, in Indonesian or English.'),
        k: k('matches', 5),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args) =>
      result(
        () => holder.use((engine) => citeQuote(engine, textField(args.quote, 'quote').trim(), kField(args.k))),
        log,
      ),
  );

  server.registerTool(
    'list_sources',
    {
      title: 'List the news sources',
      description:
        'List the outlets the indexed articles come from, with how many articles each has, their languages and the first and last dates. ' +
        'Use the names as the source filter of search_articles and ask, and the dates for since and until.',
      inputSchema: {},
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => result(() => holder.use(async (engine) => ({ sources: await listSources(engine) })), log),
  );
  return server;
}

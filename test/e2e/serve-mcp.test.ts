import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CLI, tempCorpus } from '../helpers.js';
import { startServe, type ServeProcess } from './serve-process.js';

// The MCP SDK's own Client lists and calls every tool, over stdio (kabar mcp) and over HTTP (kabar serve's /mcp).
const tmp = tempCorpus();
const globals = ['--corpus', tmp.corpus, '--index', tmp.index];
const env = {
  ...(process.env as Record<string, string>),
  NO_COLOR: '1',
  KABAR_LLM: 'none',
  KABAR_EMBEDDINGS: 'hashing',
};
let serve: ServeProcess;
const cleanups: (() => void)[] = [];
before(async () => {
  serve = await startServe({ after: (fn) => cleanups.push(fn) }, globals);
});
after(() => {
  cleanups.forEach((fn) => fn());
  tmp.cleanup();
});

const TOOLS = ['ask', 'cite_quote', 'list_sources', 'search_articles', 'show_passage'];
const sliceOf = (c: { file: string; start: number; end: number }) =>
  fs.readFileSync(path.join(tmp.corpus, c.file), 'utf8').slice(c.start, c.end);

/** A tool's result as the JSON its text holds. */
async function callTool(client: Client, name: string, args: Record<string, unknown>) {
  const result = (await client.callTool({ name, arguments: args })) as {
    isError?: boolean;
    content: { type: string; text: string }[];
  };
  assert.equal(result.content[0].type, 'text');
  return {
    isError: result.isError === true,
    text: result.content[0].text,
    json: () => JSON.parse(result.content[0].text),
  };
}

/** Lists and calls every tool, checking that what it cites is exact. */
async function exercise(client: Client) {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
  for (const tool of tools) {
    assert.ok((tool.description ?? '').length > 80, `${tool.name} is described for a model`);
    assert.equal(tool.inputSchema.type, 'object');
  }

  const found = (await callTool(client, 'search_articles', { query: 'Shoygu', k: 3, lang: 'id' })).json();
  assert.ok(found.hits.length > 0);
  for (const h of found.hits) assert.equal(sliceOf(h), h.text);

  const answer = (await callTool(client, 'ask', { question: 'Kapan Hatami bertemu Shoygu?' })).json();
  assert.equal(answer.abstained, false);
  assert.match(answer.answer, /\[1\]/);
  for (const c of answer.citations) assert.equal(sliceOf(c), c.text);

  const c = answer.citations[0];
  const shown = (await callTool(client, 'show_passage', { id: c.id, span: `${c.start}-${c.start + 12}` })).json();
  assert.equal(shown.span.text, sliceOf({ file: c.file, start: c.start, end: c.start + 12 }));

  const quote = 'Tehran dan Moskow perlu untuk mempromosikan kerja sama';
  const cited = (await callTool(client, 'cite_quote', { quote })).json();
  assert.equal(cited.matches[0].kind, 'exact');
  assert.equal(sliceOf(cited.matches[0]), quote);

  const { sources } = (await callTool(client, 'list_sources', {})).json();
  assert.equal(
    sources.reduce((sum: number, s: { articles: number }) => sum + s.articles, 0),
    5,
  );

  const missing = await callTool(client, 'show_passage', { id: 'nope.txt#1' });
  assert.equal(missing.isError, true);
  assert.match(missing.text, /^There is no passage nope\.txt#1\./);
  const badDate = await callTool(client, 'ask', { question: 'Who met Shoygu?', since: '2020-13' });
  assert.equal(badDate.isError, true);
  assert.match(badDate.text, /"since" 2020-13 is not a date/);
}

test('over stdio (kabar mcp) the MCP client lists and calls every tool, each citing exact offsets', async () => {
  const client = new Client({ name: 'kabar-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, ...globals, 'mcp'],
    env,
    stderr: 'pipe',
  });
  await client.connect(transport);
  try {
    await exercise(client);
  } finally {
    await client.close();
  }
});

test('over Streamable HTTP (kabar serve at /mcp) the MCP client lists and calls every tool', async () => {
  const client = new Client({ name: 'kabar-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${serve.url}/mcp`)));
  try {
    await exercise(client);
  } finally {
    await client.close();
  }
});

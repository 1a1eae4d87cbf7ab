import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Document } from '@langchain/core/documents';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { createAgent, FakeToolCallingModel, ToolMessage } from 'langchain';
import { KabarRetriever, kabarEmbeddings, kabarSearchTool, type KabarPassageMetadata } from 'kabar';
import { runCli, tempCorpus } from '../helpers.js';

const sliceOf = (corpus: string, m: { file: string; start: number; end: number }) =>
  fs.readFileSync(path.join(corpus, m.file), 'utf8').slice(m.start, m.end);

test('KabarRetriever (import from "kabar") is a LangChain retriever: a chain retrieves, prompts a model and parses its reply', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const retriever = await KabarRetriever.open({
    corpus: tmp.corpus,
    index: tmp.index,
    embeddings: 'hashing',
    k: 3,
    filters: { lang: 'id' },
  });
  t.after(() => retriever.close());

  const docs = await retriever.invoke('Siapa yang bertemu Shoygu?');
  assert.equal(docs.length, 3);
  for (const d of docs) {
    assert.equal(d.pageContent, sliceOf(tmp.corpus, d.metadata));
    assert.equal(d.metadata.lang, 'id');
    assert.deepEqual(Object.keys(d.metadata).sort(), [
      'date',
      'end',
      'file',
      'id',
      'lang',
      'score',
      'source',
      'start',
      'title',
      'url',
    ]);
  }

  const prompts: string[] = [];
  const model = new FakeListChatModel({ responses: ['Amir Hatami [1]'] });
  const sources = (documents: Document<KabarPassageMetadata>[]) =>
    documents
      .map(
        (d, i) =>
          `[${i + 1}] ${d.metadata.title} (${d.metadata.file}:${d.metadata.start}-${d.metadata.end})\n${d.pageContent}`,
      )
      .join('\n\n');
  const chain = RunnableSequence.from([
    { context: retriever.pipe(sources), question: new RunnablePassthrough() },
    ChatPromptTemplate.fromMessages([
      ['system', 'Answer from these sources, citing them as [n]:\n\n{context}'],
      ['human', '{question}'],
    ]),
    (prompt: { toString(): string }) => {
      prompts.push(prompt.toString());
      return prompt;
    },
    model,
    new StringOutputParser(),
  ]);
  assert.equal(await chain.invoke('Siapa yang bertemu Shoygu?'), 'Amir Hatami [1]');
  assert.match(prompts[0], /Shoygu/);
  assert.ok(prompts[0].includes(docs[0].pageContent));
});

test("kabar export --format langchain-hnswlib writes a folder HNSWLib.load reads with kabar's embeddings", async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const out = path.join(tmp.dir, 'export');
  const exported = runCli([
    '--corpus',
    tmp.corpus,
    '--index',
    tmp.index,
    'export',
    '--format',
    'langchain-hnswlib',
    out,
  ]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /^Exported 30 passages \(hashing 256-dimension vectors\) to /);

  const store = await HNSWLib.load(out, await kabarEmbeddings({ embeddings: 'hashing' }));
  const found = await store.similaritySearch('Sergey Shoygu Amir Hatami', 3);
  assert.equal(found.length, 3);
  assert.ok(found.some((d) => /Shoygu/.test(d.pageContent)));
  for (const d of found) assert.equal(d.pageContent, sliceOf(tmp.corpus, d.metadata as KabarPassageMetadata));

  const unknown = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'export', '--format', 'parquet', out]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /langchain-hnswlib/);
});

test('kabarSearchTool: a LangChain agent (createAgent from langchain) calls kabar search and reads citable passages', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const retriever = await KabarRetriever.open({ corpus: tmp.corpus, index: tmp.index, embeddings: 'hashing', k: 2 });
  t.after(() => retriever.close());
  const model = new FakeToolCallingModel({
    toolCalls: [[{ name: 'search_articles', args: { query: 'Shoygu Hatami' }, id: 'call-1' }], []],
  });
  const agent = createAgent({ model, tools: [kabarSearchTool(retriever)] });
  const { messages } = await agent.invoke({ messages: [{ role: 'user', content: 'Siapa yang bertemu Shoygu?' }] });
  const reply = messages.find((m) => ToolMessage.isInstance(m));
  assert.ok(reply, 'the agent ran the tool');
  const hits = JSON.parse(String(reply.content)) as (KabarPassageMetadata & { quote: string })[];
  assert.equal(hits.length, 2);
  for (const hit of hits) assert.equal(hit.quote, sliceOf(tmp.corpus, hit));
  assert.ok(hits.some((h) => /Shoygu/.test(h.quote)));
});

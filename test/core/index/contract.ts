import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import type { ArticleInput, ScoredId, Store } from '../../../src/core/index/port.js';
import type { Manifest } from '../../../src/core/index/manifest.js';
import { FORMAT_VERSION } from '../../../src/core/index/manifest.js';
import type { Lang, Passage, Span } from '../../../src/core/types.js';

/** Dimensions of the vectors the contract writes; `makeStore` must accept them. */
export const CONTRACT_DIMENSIONS = 4;

/** A fresh, empty store for each test; `dispose` removes whatever it left behind. */
export type MakeStore = (dimensions: number) => Promise<{ store: Store; dispose?: () => Promise<void> }>;

const unit = (v: number[]): number[] => {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
};

/**
 * An article whose passages are its lines: each line one sentence, one passage. `terms` are the
 * lower-cased words (the contract does not depend on kabar's stemmer).
 */
export function articleInput(
  file: string,
  lines: { text: string; vector: number[] }[],
  meta: { lang?: Lang; source?: string | null; date?: string | null } = {},
): ArticleInput {
  const raw = lines.map((l) => l.text).join('\n');
  let offset = 0;
  const passages = lines.map((line, n) => {
    const start = offset;
    const end = start + line.text.length;
    offset = end + 1;
    const sentence: Span = { start, end, text: line.text };
    const passage: Passage = { id: `${file}#${n}`, file, start, end, text: line.text, sentences: [sentence] };
    return { passage, vector: unit(line.vector), terms: line.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [] };
  });
  return {
    meta: {
      file,
      title: lines[0]?.text ?? file,
      date: meta.date === undefined ? '2020-10-01' : meta.date,
      source: meta.source === undefined ? 'Antara' : meta.source,
      lang: meta.lang ?? 'id',
    },
    raw,
    version: { size: Buffer.byteLength(raw), mtimeMs: 1, hash: crypto.createHash('sha1').update(raw).digest('hex') },
    passages,
  };
}

export const manifestFor = (dimensions: number): Manifest => ({
  formatVersion: FORMAT_VERSION,
  kabarVersion: 'test',
  embedder: { provider: 'hashing', model: 'contract', dimensions, prefix: 'none' } as Manifest['embedder'],
  chunking: { maxChars: 500, maxSentences: 3 },
  corpusDir: '/nowhere',
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
});

const A = articleInput('a.txt', [
  { text: 'Lavrov bertemu Shoygu di Moskow', vector: [1, 0, 0, 0] },
  { text: 'Harga minyak naik tajam', vector: [0, 1, 0, 0] },
]);
const B = articleInput('dir/b.txt', [{ text: 'Shoygu visited Jakarta on Monday', vector: [0, 0, 1, 0] }], {
  lang: 'en',
  source: 'ARRAHMAHNEWS.COM',
  date: '2021-03-05',
});
const C = articleInput('c.txt', [{ text: 'Minyak dan gas di Moskow', vector: [0.9, 0.1, 0, 0] }], {
  date: null,
  source: null,
});

/** The behaviour every Store backend must have. */
export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    const withStore = (body: (store: Store) => Promise<void>) => async () => {
      const { store, dispose } = await makeStore(CONTRACT_DIMENSIONS);
      try {
        await body(store);
      } finally {
        await store.close();
        await dispose?.();
      }
    };
    const fill = (store: Store) =>
      store.write(async (tx) => {
        for (const a of [A, B, C]) await tx.upsert(a);
        await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
      });

    test(
      'an empty store holds nothing and finds nothing',
      withStore(async (store) => {
        assert.equal(await store.manifest(), null);
        assert.deepEqual(await store.counts(), { articles: 0, passages: 0 });
        assert.equal(await store.passage('a.txt#0'), undefined);
        assert.equal(await store.raw('a.txt'), undefined);
        assert.deepEqual(await store.dense([1, 0, 0, 0], 5), []);
        assert.deepEqual(await store.lexical([{ term: 'shoygu', weight: 1, fuzzy: 0 }], 5), []);
        assert.equal((await store.termStats(['shoygu'])).documentCount, 0);
      }),
    );

    test(
      'an article written in parts (later parts continuing it) holds every passage once; writing it whole again replaces them',
      withStore(async (store) => {
        const whole = articleInput('d.txt', [
          { text: 'Banjir melanda Semarang', vector: [1, 0, 0, 0] },
          { text: 'Warga mengungsi ke masjid', vector: [0, 1, 0, 0] },
          { text: 'Pompa air dikerahkan', vector: [0, 0, 1, 0] },
          { text: 'Hujan reda pada malam hari', vector: [0, 0, 0, 1] },
        ]);
        await store.write(async (tx) => {
          await tx.upsert({ ...whole, passages: whole.passages.slice(0, 2) });
          await tx.upsert({ ...whole, passages: whole.passages.slice(2), continues: true });
          await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
        });
        assert.deepEqual(await store.counts(), { articles: 1, passages: 4 });
        assert.deepEqual(
          (await store.article('d.txt'))?.passages,
          whole.passages.map((p) => p.passage),
        );
        assert.equal((await store.passage('d.txt#3'))?.passage.text, 'Hujan reda pada malam hari');
        const [hit] = await store.lexical([{ term: 'pompa', weight: 1, fuzzy: 0 }], 5);
        assert.equal(hit?.id, 'd.txt#2');
        assert.equal((await store.termStats(['pompa'])).documentCount, 4);
        await store.write(async (tx) => {
          await tx.upsert(whole);
          await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
        });
        assert.deepEqual(await store.counts(), { articles: 1, passages: 4 });
      }),
    );

    test(
      'a fuzzy query matches the terms of the last write, even one that changed no count or length',
      withStore(async (store) => {
        const named = (name: string) =>
          articleInput('a.txt', [{ text: `Lavrov bertemu ${name} di Moskow`, vector: [1, 0, 0, 0] }]);
        const write = (article: ArticleInput) =>
          store.write(async (tx) => {
            await tx.upsert(article);
            await tx.setManifest(manifestFor(CONTRACT_DIMENSIONS));
          });
        const fuzzy = async (term: string) =>
          (await store.lexical([{ term, weight: 1, fuzzy: 0.2 }], 5)).map((hit) => hit.id);
        await write(named('Shoygu'));
        assert.deepEqual(await fuzzy('shoygo'), ['a.txt#0']);
        await write(named('Shoigu'));
        assert.deepEqual(await store.counts(), { articles: 1, passages: 1 });
        assert.deepEqual(await fuzzy('shoygo'), []);
        assert.deepEqual(await fuzzy('shoigo'), ['a.txt#0']);
      }),
    );

    test(
      'articles, passages and raw text come back as written',
      withStore(async (store) => {
        await fill(store);
        assert.deepEqual(await store.counts(), { articles: 3, passages: 4 });
        assert.deepEqual((await store.manifest())?.embedder.dimensions, CONTRACT_DIMENSIONS);
        const found = await store.passage('a.txt#1');
        assert.deepEqual(found?.passage, A.passages[1].passage);
        assert.deepEqual(found?.article, A.meta);
        const article = await store.article('dir/b.txt');
        assert.deepEqual(
          article?.passages,
          B.passages.map((p) => p.passage),
        );
        assert.deepEqual(article?.version, B.version);
        assert.equal(article?.source, 'ARRAHMAHNEWS.COM');
        assert.equal(await store.raw('a.txt'), A.raw);
        const raw = (await store.raw('a.txt'))!;
        for (const p of A.passages) assert.equal(raw.slice(p.passage.start, p.passage.end), p.passage.text);
        const many = await store.passages(['a.txt#0', 'nope#3', 'c.txt#0']);
        assert.deepEqual([...many.keys()].sort(), ['a.txt#0', 'c.txt#0']);
        assert.deepEqual([...(await store.versions()).keys()].sort(), ['a.txt', 'c.txt', 'dir/b.txt']);
        assert.deepEqual([...(await store.versions(['dir/'])).keys()], ['dir/b.txt'], 'the articles of one folder');
        assert.deepEqual([...(await store.versions(['di', 'c.'])).keys()].sort(), ['c.txt', 'dir/b.txt']);
        assert.equal((await store.article('c.txt'))?.date, null);
      }),
    );

    test(
      'dense search ranks by cosine similarity and applies filters',
      withStore(async (store) => {
        await fill(store);
        const hits = await store.dense([1, 0, 0, 0], 2);
        assert.deepEqual(
          hits.map((h) => h.id),
          ['a.txt#0', 'c.txt#0'],
        );
        assert.ok(Math.abs(hits[0].score - 1) < 1e-4);
        assert.deepEqual(
          (await store.dense([1, 0, 0, 0], 5, { lang: 'en' })).map((h) => h.id),
          ['dir/b.txt#0'],
        );
        assert.deepEqual(
          (await store.dense([1, 0, 0, 0], 5, { since: '2021' })).map((h) => h.id),
          ['dir/b.txt#0'],
        );
        assert.deepEqual((await store.dense([1, 0, 0, 0], 5, { until: '2020-10' })).map((h) => h.id).sort(), [
          'a.txt#0',
          'a.txt#1',
        ]);
        assert.deepEqual(
          (await store.dense([1, 0, 0, 0], 5, { source: 'arrahmah news' })).map((h) => h.id),
          ['dir/b.txt#0'],
        );
      }),
    );

    test(
      'lexical search is BM25 over the given terms, weighted, fuzzy on request, filtered',
      withStore(async (store) => {
        await fill(store);
        const shoygu = await store.lexical([{ term: 'shoygu', weight: 1, fuzzy: 0 }], 5);
        assert.deepEqual(shoygu.map((h) => h.id).sort(), ['a.txt#0', 'dir/b.txt#0']);
        // the rarer term counts more: "lavrov" (1 passage) beats "moskow" (2 passages)
        const rare = await store.lexical(
          [
            { term: 'moskow', weight: 1, fuzzy: 0 },
            { term: 'lavrov', weight: 1, fuzzy: 0 },
          ],
          5,
        );
        assert.equal(rare[0].id, 'a.txt#0');
        assert.ok(rare[0].score > rare[1].score);
        // weights change the order
        const weighted = await store.lexical(
          [
            { term: 'minyak', weight: 3, fuzzy: 0 },
            { term: 'moskow', weight: 0.1, fuzzy: 0 },
          ],
          5,
        );
        assert.ok(['a.txt#1', 'c.txt#0'].includes(weighted[0].id));
        // the terms of one question word (its stem, its translations) count as one matched word
        const oil = { term: 'minyak', weight: 1, fuzzy: 0 };
        const moscow = { term: 'moskow', weight: 1, fuzzy: 0 };
        const apart = await store.lexical([oil, moscow], 5);
        const together = await store.lexical(
          [
            { ...oil, word: 0 },
            { ...moscow, word: 0 },
          ],
          5,
        );
        const scoreOf = (hits: ScoredId[], id: string) => hits.find((h) => h.id === id)!.score;
        assert.ok(Math.abs(2 * scoreOf(together, 'c.txt#0') - scoreOf(apart, 'c.txt#0')) < 1e-9);
        assert.ok(Math.abs(scoreOf(together, 'a.txt#1') - scoreOf(apart, 'a.txt#1')) < 1e-9);
        assert.equal((await store.lexical([{ term: 'shoigu', weight: 1, fuzzy: 0 }], 5)).length, 0);
        assert.deepEqual(
          (await store.lexical([{ term: 'shoigu', weight: 1, fuzzy: 0.2 }], 5)).map((h) => h.id).sort(),
          ['a.txt#0', 'dir/b.txt#0'],
        );
        assert.deepEqual(
          (await store.lexical([{ term: 'shoygu', weight: 1, fuzzy: 0 }], 5, { lang: 'en' })).map((h) => h.id),
          ['dir/b.txt#0'],
        );
        assert.deepEqual((await store.lexical([{ term: 'shoygu', weight: 1, fuzzy: 0 }], 1)).length, 1);
        assert.deepEqual(await store.lexical([], 5), []);
      }),
    );

    test(
      'term statistics count passages',
      withStore(async (store) => {
        await fill(store);
        const stats = await store.termStats(['moskow', 'shoygu', 'lavrov', 'absent']);
        assert.equal(stats.documentCount, 4);
        assert.deepEqual(
          ['moskow', 'shoygu', 'lavrov', 'absent'].map((t) => stats.documentFrequency(t)),
          [2, 2, 1, 0],
        );
      }),
    );

    test(
      'an upsert replaces the whole article; a delete removes it from every search',
      withStore(async (store) => {
        await fill(store);
        const edited = articleInput('a.txt', [{ text: 'Retno bertemu Wang Yi', vector: [0, 0, 0, 1] }]);
        await store.write(async (tx) => {
          await tx.upsert(edited);
          await tx.delete('dir/b.txt');
        });
        assert.deepEqual(await store.counts(), { articles: 2, passages: 2 });
        assert.equal(await store.passage('a.txt#1'), undefined);
        assert.equal(await store.raw('a.txt'), edited.raw);
        assert.equal(await store.raw('dir/b.txt'), undefined);
        assert.deepEqual(await store.lexical([{ term: 'shoygu', weight: 1, fuzzy: 0 }], 5), []);
        assert.equal((await store.termStats(['lavrov'])).documentFrequency('lavrov'), 0);
        assert.equal((await store.termStats(['retno'])).documentFrequency('retno'), 1);
        const dense = await store.dense([0, 0, 1, 0], 5);
        assert.ok(dense.every((h) => h.id !== 'dir/b.txt#0'));
        assert.equal((await store.dense([0, 0, 0, 1], 1))[0].id, 'a.txt#0');
      }),
    );

    test(
      'a failed write transaction leaves nothing behind',
      withStore(async (store) => {
        await fill(store);
        await assert.rejects(
          store.write(async (tx) => {
            await tx.delete('a.txt');
            await tx.upsert(articleInput('d.txt', [{ text: 'Sesuatu yang baru', vector: [0, 1, 1, 0] }]));
            throw new Error('boom');
          }),
          /boom/,
        );
        assert.deepEqual(await store.counts(), { articles: 3, passages: 4 });
        assert.ok(await store.passage('a.txt#0'));
        assert.equal(await store.passage('d.txt#0'), undefined);
        assert.equal((await store.lexical([{ term: 'sesuatu', weight: 1, fuzzy: 0 }], 5)).length, 0);
        assert.equal((await store.dense([0, 1, 1, 0], 1))[0]?.id === 'd.txt#0', false);
      }),
    );

    test(
      'a record of an archive keeps its id, origin, URL and metadata provenance',
      withStore(async (store) => {
        const record = articleInput('news.jsonl:a-1', [{ text: 'Harga beras naik di Surabaya', vector: [0, 0, 0, 1] }]);
        record.meta.origin = { file: 'news.jsonl', line: 7 };
        record.meta.url = 'https://example.org/beras';
        record.meta.provenance = { title: 'record', date: 'record', source: 'guessed', url: 'record', lang: 'absent' };
        await store.write((tx) => tx.upsert(record));
        assert.deepEqual((await store.passage('news.jsonl:a-1#0'))?.article, record.meta);
        const { version: _v, passages: _p, ...meta } = (await store.article('news.jsonl:a-1'))!;
        assert.deepEqual(meta, record.meta);
        assert.equal(await store.raw('news.jsonl:a-1'), record.raw);
        const skipped = [
          { file: 'news.jsonl', line: 3, reason: 'the line is not valid JSON' },
          { file: 'bad.bin', reason: 'binary file' },
        ];
        await store.write((tx) => tx.setSkipped(skipped));
        assert.deepEqual(await store.skipped(), skipped);
      }),
    );

    test(
      'records of one archive are separate articles: found, touched and deleted one by one',
      withStore(async (store) => {
        const first = articleInput('news.jsonl:a-1', [{ text: 'Harga beras naik di Surabaya', vector: [0, 0, 0, 1] }]);
        const second = articleInput('news.jsonl:a-2', [{ text: 'Banjir melanda Semarang', vector: [0, 1, 0, 1] }]);
        first.meta.origin = { file: 'news.jsonl', line: 1 };
        second.meta.origin = { file: 'news.jsonl', line: 2 };
        second.meta.url = 'https://example.org/banjir';
        await store.write(async (tx) => {
          await tx.upsert(first);
          await tx.upsert(second);
        });
        const [hit] = await store.lexical([{ term: 'banjir', weight: 1, fuzzy: 0 }], 5);
        assert.equal(hit.id, 'news.jsonl:a-2#0');
        assert.deepEqual((await store.passages([hit.id])).get(hit.id)?.article, second.meta);
        assert.deepEqual([...(await store.versions()).keys()].sort(), ['news.jsonl:a-1', 'news.jsonl:a-2']);
        await store.write((tx) => tx.touch('news.jsonl:a-2', { ...second.version, mtimeMs: 42 }));
        assert.deepEqual((await store.article('news.jsonl:a-2'))?.origin, { file: 'news.jsonl', line: 2 });
        await store.write((tx) => tx.delete('news.jsonl:a-1'));
        assert.deepEqual(
          [...(await store.versions()).entries()],
          [['news.jsonl:a-2', { ...second.version, mtimeMs: 42 }]],
        );
        assert.deepEqual(await store.counts(), { articles: 1, passages: 1 });
      }),
    );

    test(
      'every article touched in one transaction gets its new version, and an upsert after a touch wins',
      withStore(async (store) => {
        await fill(store);
        await store.write(async (tx) => {
          for (const [n, a] of [A, B, C].entries()) await tx.touch(a.meta.file, { ...a.version, mtimeMs: 100 + n });
          await tx.upsert({ ...C, version: { ...C.version, mtimeMs: 7 } });
        });
        const versions = await store.versions();
        assert.deepEqual(
          [A, B, C].map((a) => versions.get(a.meta.file)?.mtimeMs),
          [100, 101, 7],
        );
        assert.deepEqual(await store.counts(), {
          articles: 3,
          passages: [A, B, C].reduce((n, a) => n + a.passages.length, 0),
        });
      }),
    );

    test(
      'clear, touch and skipped',
      withStore(async (store) => {
        await fill(store);
        await store.write(async (tx) => {
          await tx.touch('a.txt', { ...A.version, mtimeMs: 42 });
          await tx.setSkipped([{ file: 'bad.bin', reason: 'binary file' }]);
        });
        assert.equal((await store.versions()).get('a.txt')?.mtimeMs, 42);
        assert.deepEqual(await store.skipped(), [{ file: 'bad.bin', reason: 'binary file' }]);
        await store.write((tx) => tx.clear());
        assert.deepEqual(await store.counts(), { articles: 0, passages: 0 });
        assert.deepEqual(await store.dense([1, 0, 0, 0], 5), []);
        assert.equal((await store.termStats(['moskow'])).documentCount, 0);
      }),
    );
  });
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapseDuplicates } from '../../../src/core/retrieve/duplicates.js';
import { cosine, storyFingerprint } from '../../../src/core/text/story-print.js';
import { conceptsOf, createAnalyzer, tokenize } from '../../../src/core/text/analyze.js';
import { isStopword } from '../../../src/core/text/stopwords.js';
import { seedsEngine } from '../../helpers.js';
import type { Hit, Lang } from '../../../src/core/types.js';

const analyzer = createAnalyzer();

/** The fingerprint's rule spelled out as a bag of strings, to check the packed form against. */
function referenceBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  const add = (key: string) => bag.set(key, (bag.get(key) ?? 0) + 1);
  for (const token of tokenize(text)) {
    if (isStopword(token.word)) continue;
    const concepts = conceptsOf(token.word, analyzer);
    if (concepts.length > 0) for (const c of concepts) add(`c${c}`);
    else if (token.capital || /\p{N}/u.test(token.word)) add(`n${token.word.slice(0, 5)}`);
    else add(`w${analyzer.stem(token.word, 'id')}`);
  }
  return bag;
}

function referenceCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, x] of a) {
    na += x * x;
    dot += x * (b.get(key) ?? 0);
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const texts = [
  'Menteri Luar Negeri Rusia Sergey Lavrov bertemu Menlu Iran di Moskow pada Senin (23/8).',
  'Russian Foreign Minister Sergey Lavrov met the Iranian foreign minister in Moscow on Monday.',
  'Harga cabai di pasar Surabaya naik 20 persen menjelang Lebaran.',
  'Lavrov, Lavrov dan Lavrov: tiga kali bertemu di Moskow, tiga kali!',
  'yang dan di ke',
  '',
];

test('the packed story fingerprint gives the cosine of its bag of names, numbers and concepts, exactly', () => {
  for (const a of texts) {
    for (const b of texts) {
      assert.equal(
        cosine(storyFingerprint(a, analyzer), storyFingerprint(b, analyzer)),
        referenceCosine(referenceBag(a), referenceBag(b)),
        `${a} / ${b}`,
      );
    }
  }
  assert.ok(
    cosine(storyFingerprint(texts[0], analyzer), storyFingerprint(texts[1], analyzer)) > 0.5,
    'one story in two languages',
  );
  assert.ok(cosine(storyFingerprint(texts[0], analyzer), storyFingerprint(texts[2], analyzer)) < 0.2, 'two stories');
});

const hit = (id: string, file: string, text: string, lang: Lang = 'id'): Hit =>
  ({
    passage: { id, file, start: 0, end: text.length, text, sentences: [{ start: 0, end: text.length, text }] },
    article: { file, title: file, date: null, source: null, lang },
    score: 1,
    why: {},
    related: [],
  }) as unknown as Hit;

test('a retelling in another file folds into the first hit, with its similarity; passages of one article never fold', () => {
  const hits = [
    hit('a.txt#0', 'a.txt', texts[0]),
    hit('b.txt#0', 'b.txt', texts[2]),
    hit('c.txt#0', 'c.txt', texts[1], 'en'),
    hit('a.txt#1', 'a.txt', texts[0]),
  ];
  const kept = collapseDuplicates(hits, analyzer, 0.5);
  assert.deepEqual(
    kept.map((h) => h.passage.id),
    ['a.txt#0', 'b.txt#0', 'a.txt#1'],
  );
  assert.deepEqual(kept[0].related, [
    {
      id: 'c.txt#0',
      file: 'c.txt',
      lang: 'en',
      similarity: referenceCosine(referenceBag(texts[0]), referenceBag(texts[1])),
    },
  ]);
});

test('fingerprints kept by the store are the ones made from the text, and folding with them gives the same hits', async (t) => {
  const engine = await seedsEngine(t);
  const { hits } = await engine.search('Lavrov Moskow', { k: 30 });
  const records = await engine.store.passages(hits.map((h) => h.passage.id));
  assert.ok(records.size > 0);
  for (const record of records.values()) {
    const made = storyFingerprint(record.passage.text, engine.analyzer);
    assert.deepEqual(
      record.print && { keys: [...record.print.keys], counts: [...record.print.counts], norm2: record.print.norm2 },
      { keys: [...made.keys], counts: [...made.counts], norm2: made.norm2 },
    );
  }
  const fresh = (list: Hit[]) => list.map((h) => ({ ...h, related: [] }));
  const known = new Map([...records].map(([id, r]) => [id, r.print!]));
  const summary = (list: Hit[]) => list.map((h) => [h.passage.id, h.related]);
  assert.deepEqual(
    summary(collapseDuplicates(fresh(hits), engine.analyzer, 0.3, known)),
    summary(collapseDuplicates(fresh(hits), engine.analyzer, 0.3)),
  );
});

test('folding gives what comparing each hit with every kept one in turn gives, at any threshold', () => {
  const reference = (hits: Hit[], threshold: number) => {
    const kept: { hit: Hit; print: ReturnType<typeof storyFingerprint> }[] = [];
    for (const h of hits) {
      const print = storyFingerprint(h.passage.text, analyzer);
      const twin = kept.find((k) => k.hit.passage.file !== h.passage.file && cosine(k.print, print) >= threshold);
      if (twin)
        twin.hit.related.push({
          id: h.passage.id,
          file: h.passage.file,
          lang: h.article.lang,
          similarity: cosine(twin.print, print),
        });
      else kept.push({ hit: h, print });
    }
    return kept.map((k) => [k.hit.passage.id, k.hit.related]);
  };
  const many = [
    ...texts,
    ...texts.map((t) => t.split(' ').reverse().join(' ')),
    'Moskow Lavrov Senin',
    'Lavrov Lavrov',
    '',
  ];
  const hits = () => many.map((text, i) => hit(`f${i % 7}.txt#${i}`, `f${i % 7}.txt`, text));
  for (const threshold of [0, 0.2, 0.5, 0.9, 1]) {
    assert.deepEqual(
      collapseDuplicates(hits(), analyzer, threshold).map((h) => [h.passage.id, h.related]),
      reference(hits(), threshold),
      `threshold ${threshold}`,
    );
  }
});

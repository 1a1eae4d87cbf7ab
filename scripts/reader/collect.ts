import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/core/config/config.js';
import { openEngine } from '../../src/core/engine.js';
import { readSentences, type SentenceCandidate } from '../../src/core/answer/read.js';
import { questionKind } from '../../src/core/question/kind.js';
import { questionStats, questionWords } from '../../src/core/question/coverage.js';
import type { Analyzer } from '../../src/core/text/analyze.js';
import type { PassageRecord, StoreReader } from '../../src/core/index/port.js';
import { loadQuestions, type EvalQuestion } from '../../src/core/eval/dataset.js';
import { readQuestion, type ReaderQuestion } from '../../src/core/answer/reader/question.js';
import { analyseQuery } from '../../src/core/question/query.js';
import { createHashingEmbedder } from '../../src/providers/embeddings/hashing.js';
import type { Hit, Lang, Span } from '../../src/core/types.js';
import { DEFAULT_K, DEFAULT_EXTRACTIVE } from '../../src/core/settings.js';

/** A labelled question set over its own corpus folder. */
export interface QuestionSet {
  name: string;
  corpus: string;
  questions: string;
  /** Read at most this many questions, a fixed sample chosen by a hash of their ids. */
  sample?: number;
}

/** A stable pseudo-random rank for an id (FNV-1a), for taking the same sample every run. */
const idRank = (id: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

const sampled = (questions: EvalQuestion[], n: number | undefined): EvalQuestion[] =>
  n === undefined || questions.length <= n
    ? questions
    : [...questions].sort((a, b) => idRank(a.id) - idRank(b.id) || (a.id < b.id ? -1 : 1)).slice(0, n);

/** A question with what retrieval found for it, ready to be read. */
export interface Retrieved {
  question: EvalQuestion;
  asked: ReaderQuestion;
  hits: Hit[];
  /** The sentences of the top DEFAULT_EXTRACTIVE.depth hits and their same-story twins, in rank order, each passage once. */
  sentences: ReadSentence[];
  /** The answerer's reading of those sentences (and adjacent pairs), best first: the first is the one it quotes. */
  candidates: SentenceCandidate[];
  analyzer: Analyzer;
}

/** A sentence of a retrieved passage with its article's file and language. */
export interface ReadSentence {
  sentence: Span;
  file: string;
  lang: Lang;
}

/** The passages of the top DEFAULT_EXTRACTIVE.depth hits and their same-story twins, in rank order. */
async function readPassages(
  store: Pick<StoreReader, 'passages'>,
  hits: Hit[],
): Promise<{ ids: string[]; records: Map<string, PassageRecord> }> {
  const ids = [
    ...new Set(
      hits.slice(0, DEFAULT_EXTRACTIVE.depth).flatMap((hit) => [hit.passage.id, ...hit.related.map((r) => r.id)]),
    ),
  ];
  return { ids, records: await store.passages(ids) };
}

const sentencesOf = ({ ids, records }: { ids: string[]; records: Map<string, PassageRecord> }): ReadSentence[] =>
  ids.flatMap((id) => {
    const found = records.get(id);
    return found
      ? found.passage.sentences.map((sentence) => ({ sentence, file: found.article.file, lang: found.article.lang }))
      : [];
  });

type CachedHit = Pick<Hit, 'score' | 'related'> & { id: string };

export const CACHE_DIR = path.join(os.tmpdir(), 'kabar-reader-train');

/**
 * Indexes the set's corpus with kabar's own engine (hashing embedder, default settings) and retrieves for
 * every question as `ask` does. Retrieval results are cached beside the index (keyed by the questions
 * file's size and time and the index's generation), since retrieval is most of a training run's time.
 */
export async function retrieve(set: QuestionSet, log: (message: string) => void): Promise<Retrieved[]> {
  const indexDir = path.join(CACHE_DIR, set.name);
  const config = loadConfig({}, { corpus: set.corpus, index: indexDir });
  // Retrieval only: the reader being trained is not used here.
  const engine = await openEngine({
    config,
    embedder: createHashingEmbedder(),
    createAnswerer: () => ({ name: 'none', answer: async function* () {} }),
  });
  const questions = sampled(loadQuestions(fs.readFileSync(set.questions, 'utf8'), set.questions).questions, set.sample);
  const stat = fs.statSync(set.questions);
  const key = JSON.stringify([stat.size, stat.mtimeMs, await engine.store.manifest()]);
  const cacheFile = path.join(indexDir, 'hits.json');
  let cached: Record<string, CachedHit[]> = {};
  try {
    const saved = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { key: string; hits: Record<string, CachedHit[]> };
    if (saved.key === key) cached = saved.hits;
  } catch {
    cached = {};
  }
  const out: Retrieved[] = [];
  let fresh = 0;
  for (const question of questions) {
    let hits: Hit[];
    const query = analyseQuery(question.question, engine.analyzer, question.filters);
    const known = cached[question.id];
    if (known) {
      const records = await engine.store.passages(known.map((h) => h.id));
      hits = known.flatMap(({ id, score, related }) => {
        const found = records.get(id);
        return found ? [{ passage: found.passage, article: found.article, score, why: {}, related }] : [];
      });
    } else {
      hits = (await engine.search(question.question, { k: DEFAULT_K, filters: question.filters })).hits;
      cached[question.id] = hits.map((h) => ({ id: h.passage.id, score: h.score, related: h.related }));
      if (++fresh % 500 === 0) log(`  ${set.name}: ${out.length + 1}/${questions.length}`);
    }
    const stats = await questionStats(query, engine.analyzer, engine.store);
    const words = questionWords(query, engine.analyzer, stats);
    const passages = await readPassages(engine.store, hits);
    out.push({
      question,
      asked: readQuestion(question.question, query, words),
      hits,
      sentences: sentencesOf(passages),
      candidates: readSentences(
        { words, kind: questionKind(question.question), lang: query.lang },
        hits,
        passages.records,
        engine.analyzer,
        DEFAULT_EXTRACTIVE,
      ),
      analyzer: engine.analyzer,
    });
  }
  if (fresh > 0) fs.writeFileSync(cacheFile, JSON.stringify({ key, hits: cached }));
  return out;
}

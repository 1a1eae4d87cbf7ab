import { cosine, storyFingerprint } from '../retrieve/duplicates.js';
import type { StoreReader } from '../index/port.js';
import type { Analyzer } from '../text/analyze.js';
import { coverage, questionStats, questionWords } from '../retrieve/coverage.js';
import type { Answer, ArticleMeta, Citation, Hit, ShortAnswer, Span } from '../types.js';
import type { Answerer } from './answerer.js';
import { hasAnswerShape, questionKind } from './question-kind.js';
import { abstention } from './abstention.js';
import { spanSource } from '../sources/location.js';
import { readQuestion } from './reader/question.js';
import { renderShort } from './reader/render.js';
import { shortAnswer } from './reader/short.js';
import { shippedWeights, type ReaderWeights } from './reader/weights.js';

export interface ExtractiveOptions {
  /** How many top hits (with their same-story twins) are read for answer sentences. */
  depth: number;
  /** Below this share of the question's (IDF-weighted) content found in one sentence, abstain… */
  minCoverage: number;
  /** …unless the sentence holds at least this share and this much evidence (summed IDF of the words found). */
  paraphrase: { minCoverage: number; minEvidence: number };
  /** Coverage is multiplied by this when a sentence lacks the kind of fact the question asks for. */
  shapelessFactor: number;
  /** Two adjacent sentences are quoted together when they cover this much more of the question than one. */
  pairCost: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { depth: 5, minCoverage: 0.65, paraphrase: { minCoverage: 0.4, minEvidence: 18 }, shapelessFactor: 0.8, pairCost: 0.2 };

interface Candidate {
  sentence: Span;
  passageId: string;
  article: ArticleMeta;
  rank: number;
  coverage: number;
  evidence: number;
  score: number;
}

/**
 * The offline answerer: quotes the sentence that covers most of the question's content (weighted by
 * rarity, across languages through the lexicon), cites it and its translation when the same story is
 * in the other language, and abstains when no sentence covers enough of the question. Inside the
 * quoted sentence, the learned short-answer model picks the answer itself (a name, number, date,
 * place or phrase), shown first; for why/how questions, or when no span is likely enough, the
 * sentence is the answer.
 */
export function createExtractiveAnswerer(
  store: Pick<StoreReader, 'passages' | 'termStats'>,
  analyzer: Analyzer,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
  weights: ReaderWeights = shippedWeights(),
): Answerer {
  return {
    name: 'extractive',
    async *answer({ question, query, hits }) {
      const started = performance.now();
      const words = questionWords(query, analyzer, await questionStats(query, analyzer, store));
      const read = hits.slice(0, options.depth);
      const records = await store.passages(read.flatMap((hit) => [hit.passage.id, ...hit.related.map((r) => r.id)]));
      const kind = questionKind(question);
      const asked = new Set(words.map((w) => w.word));

      const candidates: Candidate[] = [];
      const seen = new Set<string>();
      const consider = (passageId: string, rank: number) => {
        if (seen.has(passageId)) return;
        seen.add(passageId);
        const found = records.get(passageId);
        if (!found) return;
        const { passage } = found;
        // Two adjacent sentences compete too, at a cost, for answers that run over a full stop.
        const spans = passage.sentences.flatMap((sentence, i) => {
          const next = passage.sentences[i + 1];
          if (!next) return [{ sentence, cost: 0 }];
          const pair = { start: sentence.start, end: next.end, text: passage.text.slice(sentence.start - passage.start, next.end - passage.start) };
          return [{ sentence, cost: 0 }, { sentence: pair, cost: options.pairCost }];
        });
        for (const { sentence, cost } of spans) {
          // A sentence without the kind of fact asked for (a number for "how many"...) answers less.
          const shaped = hasAnswerShape(kind, sentence.text, asked);
          const { share, evidence } = coverage(words, sentence.text, found.article.lang, analyzer);
          const covered = share * (shaped ? 1 : options.shapelessFactor);
          const language = found.article.lang === query.lang ? 0.03 : 0;
          candidates.push({ sentence, passageId, article: found.article, rank, coverage: covered - cost, evidence, score: covered - cost + language + 0.05 / (rank + 1) });
        }
      };
      read.forEach((hit, rank) => {
        consider(hit.passage.id, rank);
        for (const twin of hit.related) consider(twin.id, rank);
      });
      candidates.sort((a, b) => b.score - a.score);
      const best = candidates[0];

      let answer: string;
      let citations: Citation[] = [];
      let short: ShortAnswer | null = null;
      const { minCoverage, paraphrase } = options;
      const answers = (c: Candidate) => c.coverage >= minCoverage || (c.coverage >= paraphrase.minCoverage && c.evidence >= paraphrase.minEvidence);
      const abstained = !best || !answers(best);
      if (abstained) {
        answer = abstention(question, query.lang);
      } else {
        const cite = (c: Candidate, n: number): Citation => ({
          n,
          id: c.passageId,
          file: c.article.file,
          title: c.article.title,
          source: c.article.source,
          date: c.article.date,
          lang: c.article.lang,
          start: c.sentence.start,
          end: c.sentence.end,
          text: c.sentence.text,
          ...spanSource(c.article),
        });
        citations = [cite(best, 1)];
        const twin = translationOf(best, hits, candidates, analyzer);
        if (twin) citations.push(cite(twin, 2));
        const span = shortAnswer(readQuestion(question, query, words), best.sentence, best.article.lang, analyzer, weights);
        if (span) short = { ...citations[0], start: span.start, end: span.end, text: span.text, shown: renderShort(span.text, best.article.lang, query.lang) };
        const text = short ? short.shown : best.sentence.text.trim().replace(/\s+/g, ' ');
        answer = `${text} ${citations.map((c) => `[${c.n}]`).join('')}`;
      }
      yield { type: 'token', text: answer };
      const answerMs = performance.now() - started;
      const result: Answer = {
        question,
        resolvedQuestion: query.text,
        answer,
        abstained,
        citations,
        hits,
        warnings: [],
        confidence: best ? Math.min(1, best.coverage) : 0,
        short,
        support: abstained ? null : citations[0],
        timingsMs: { retrieve: 0, answer: answerMs, total: answerMs },
      };
      yield { type: 'done', answer: result };
    },
  };
}

/** The sentence telling the same thing in the best sentence's same-story twin, if there is one. */
function translationOf(best: Candidate, hits: Hit[], candidates: Candidate[], analyzer: Analyzer): Candidate | undefined {
  const hit = hits.find((h) => h.passage.id === best.passageId || h.related.some((r) => r.id === best.passageId));
  if (!hit) return undefined;
  const twins = new Set([hit.passage.id, ...hit.related.map((r) => r.id)]);
  const print = storyFingerprint(best.sentence.text, analyzer);
  let match: Candidate | undefined;
  let similarity = 0.5;
  for (const c of candidates) {
    if (!twins.has(c.passageId) || c.article.file === best.article.file) continue;
    const s = cosine(print, storyFingerprint(c.sentence.text, analyzer));
    if (s > similarity) {
      similarity = s;
      match = c;
    }
  }
  return match;
}

import { cosine, storyFingerprint } from '../retrieve/duplicates.js';
import type { CorpusView } from '../index/view.js';
import { metaOf } from '../index/view.js';
import { tokenize, type Analyzer } from '../text/analyze.js';
import type { Query } from '../retrieve/query.js';
import type { Answer, ArticleMeta, Citation, Hit, Lang, Span } from '../types.js';
import type { Answerer } from './answerer.js';
import { hasAnswerShape, questionKind } from './question-kind.js';

export interface ExtractiveOptions {
  /** How many top hits (with their same-story twins) are read for answer sentences. */
  depth: number;
  /** Below this share of the question's (IDF-weighted) content found in one sentence, abstain. */
  minCoverage: number;
  /** Coverage is multiplied by this when a sentence lacks the kind of fact the question asks for. */
  shapelessFactor: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = { depth: 5, minCoverage: 0.6, shapelessFactor: 0.8 };

interface Candidate {
  sentence: Span;
  passageId: string;
  article: ArticleMeta;
  rank: number;
  coverage: number;
  score: number;
}

/** Document frequencies for weighting question words: rare words matter more. */
export interface TermStats {
  documentCount: number;
  documentFrequency(term: string): number;
}

export function abstention(question: string, lang: Lang): string {
  return lang === 'id'
    ? `Artikel-artikel ini tidak menyebutkannya: tidak ada kalimat yang menjawab "${question}".`
    : `The articles don't say: no sentence in them answers "${question}".`;
}

/** The words of a question, each with the stems that count as a match and a weight. */
function questionWords(query: Query, analyzer: Analyzer, stats: TermStats) {
  const other: Lang = query.lang === 'id' ? 'en' : 'id';
  return query.words.map((word) => {
    const forms = new Set([analyzer.stem(word.word, query.lang), analyzer.stem(word.word, other)]);
    for (const concept of analyzer.lexicon.concepts(analyzer.stem(word.word, query.lang), query.lang)) {
      for (const stem of analyzer.lexicon.stems(concept, other)) forms.add(stem);
      for (const stem of analyzer.lexicon.stems(concept, query.lang)) forms.add(stem);
    }
    const df = Math.max(...[...forms].map((f) => stats.documentFrequency(f)));
    const weight = Math.log(1 + stats.documentCount / (1 + df));
    return { word: word.word, name: word.capital && word.word.length >= 5, forms, weight };
  });
}

/** One edit apart, for names spelled two ways (Sergey/Sergei, Zakharova/Zakhorava). */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a.length < 5) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/**
 * The offline answerer: quotes the sentence that covers most of the question's content (weighted by
 * rarity, across languages through the lexicon), cites it and its translation when the same story is
 * in the other language, and abstains when no sentence covers enough of the question.
 */
export function createExtractiveAnswerer(view: CorpusView, analyzer: Analyzer, stats: TermStats, options: ExtractiveOptions = DEFAULT_EXTRACTIVE): Answerer {
  return {
    name: 'extractive',
    async *answer({ question, query, hits }) {
      const started = performance.now();
      const words = questionWords(query, analyzer, stats);
      const total = words.reduce((sum, w) => sum + w.weight, 0);
      const kind = questionKind(question);
      const asked = new Set(words.map((w) => w.word));

      const candidates: Candidate[] = [];
      const seen = new Set<string>();
      const consider = (passageId: string, rank: number) => {
        if (seen.has(passageId)) return;
        seen.add(passageId);
        const found = view.passage(passageId);
        if (!found) return;
        for (const sentence of found.passage.sentences) {
          const tokens = tokenize(sentence.text);
          const stems = new Set(tokens.map((t) => analyzer.stem(t.word, found.article.lang)));
          const surface = tokens.map((t) => t.word);
          let matched = 0;
          for (const w of words) {
            if ([...w.forms].some((f) => stems.has(f)) || (w.name && surface.some((s) => nearlyEqual(s, w.word)))) matched += w.weight;
          }
          // A sentence without the kind of fact asked for (a number for "how many"...) answers less.
          const shaped = kind === 'other' || hasAnswerShape(kind, sentence.text, asked);
          const coverage = (total > 0 ? matched / total : 0) * (shaped ? 1 : options.shapelessFactor);
          const language = found.article.lang === query.lang ? 0.03 : 0;
          candidates.push({ sentence, passageId, article: metaOf(found.article), rank, coverage, score: coverage + language + 0.05 / (rank + 1) });
        }
      };
      hits.slice(0, options.depth).forEach((hit, rank) => {
        consider(hit.passage.id, rank);
        for (const twin of hit.related) consider(twin.id, rank);
      });
      candidates.sort((a, b) => b.score - a.score);
      const best = candidates[0];

      let answer: string;
      let citations: Citation[] = [];
      const abstained = !best || best.coverage < options.minCoverage;
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
        });
        citations = [cite(best, 1)];
        const twin = translationOf(best, hits, candidates, analyzer);
        if (twin) citations.push(cite(twin, 2));
        answer = `${best.sentence.text.trim()} ${citations.map((c) => `[${c.n}]`).join('')}`;
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

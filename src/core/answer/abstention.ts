import type { Answer, ArticleSpan, Hit, Lang } from '../types.js';
import { spanSource } from '../sources/location.js';

/** What an answerer says when the articles do not answer the question, in the question's language. */
export function abstention(question: string, lang: Lang): string {
  return lang === 'id'
    ? `Artikel-artikel ini tidak menyebutkannya: tidak ada kalimat yang menjawab "${question}".`
    : `The articles don't say: no sentence in them answers "${question}".`;
}

/** How much of the closest passage an abstention quotes. */
const CLOSEST_CHARS = 160;

const spanOfHit = (hit: Hit): ArticleSpan => ({
  id: hit.passage.id,
  file: hit.passage.file,
  title: hit.article.title,
  source: hit.article.source,
  date: hit.article.date,
  lang: hit.article.lang,
  start: hit.passage.start,
  end: hit.passage.end,
  text: hit.passage.text,
  ...spanSource(hit.article),
});

function closestSentence(closest: ArticleSpan, lang: Lang): string {
  const text = closest.text.replace(/\s+/g, ' ').trim();
  const quoted = text.length > CLOSEST_CHARS ? `${text.slice(0, CLOSEST_CHARS).replace(/\s+\S*$/, '')}…` : text;
  return lang === 'id'
    ? ` Bagian yang paling dekat adalah ${closest.id}: "${quoted}"`
    : ` The closest passage is ${closest.id}: "${quoted}"`;
}

/**
 * Settles an answer's abstention for every answerer alike: an answer less sure than `minConfidence` becomes
 * an abstention, and an abstention names the passage that came closest (the one it would have quoted, else
 * the best retrieved), so the reader can judge it.
 */
export function settleAbstention(answer: Answer, lang: Lang, minConfidence = 0): Answer {
  const doubtful = !answer.abstained && answer.confidence !== undefined && answer.confidence < minConfidence;
  if (!answer.abstained && !doubtful) return answer;
  const closest = answer.support ?? (answer.hits[0] ? spanOfHit(answer.hits[0]) : null);
  const said = doubtful ? abstention(answer.resolvedQuestion, lang) : answer.answer;
  return {
    ...answer,
    answer: closest ? `${said}${closestSentence(closest, lang)}` : said,
    abstained: true,
    citations: doubtful ? [] : answer.citations,
    short: doubtful ? null : answer.short,
    support: doubtful ? null : answer.support,
    closest,
  };
}

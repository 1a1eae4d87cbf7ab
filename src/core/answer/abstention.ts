import type { Lang } from '../types.js';

/** What an answerer says when the articles do not answer the question, in the question's language. */
export function abstention(question: string, lang: Lang): string {
  return lang === 'id'
    ? `Artikel-artikel ini tidak menyebutkannya: tidak ada kalimat yang menjawab "${question}".`
    : `The articles don't say: no sentence in them answers "${question}".`;
}

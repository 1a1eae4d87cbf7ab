/** What a question asks for, which tells the answerer what a good sentence must contain. */
export type QuestionKind = 'who' | 'when' | 'count' | 'where' | 'other';

const PATTERNS: [QuestionKind, RegExp][] = [
  ['count', /\b(how many|how much|how often|berapa)\b/i],
  ['when', /\b(when|what date|which day|what day|kapan|tanggal berapa|hari apa)\b/i],
  ['who', /\b(who|whom|whose|siapa)\b/i],
  ['where', /\b(where|di ?mana|ke ?mana|dari mana)\b/i],
];

export function questionKind(question: string): QuestionKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(question)) return kind;
  return 'other';
}

const NUMBER = /\b(\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|puluh|ratus|ribu|juta|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million|once|twice)\b/i;
const DATE = /\b(\d{1,2}\/\d{1,2}|\d{4}|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|january|february|march|may|june|july|august|october|december|senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday|kemarin|yesterday)\b/i;

/** Whether a sentence holds the kind of fact asked for, beyond what the question itself says: a number, a date, a name. */
export function hasAnswerShape(kind: QuestionKind, sentence: string, questionWords: Set<string>): boolean {
  const fresh = (pattern: RegExp) => (sentence.match(new RegExp(pattern.source, 'gi')) ?? []).some((w) => !questionWords.has(w.toLowerCase()));
  switch (kind) {
    case 'count':
      return fresh(NUMBER);
    case 'when':
      return fresh(DATE);
    case 'who':
    case 'where':
      return (sentence.match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? []).some((w) => !questionWords.has(w.toLowerCase()));
    default:
      return false;
  }
}

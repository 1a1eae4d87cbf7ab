import type { Passage, Span } from '../../types.js';

/** Brackets and quotes a span may open and must then close: the opener, and its closer. */
const PAIRS: [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['"', '"'],
  ['“', '”'],
];

const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * The model's span made a whole answer: the model reads words, not punctuation, so its span may stop
 * before the bracket it opened ("Badan Tenaga Atom Internasional (IAEA" → "… (IAEA)"), and may run over
 * a full stop into the next sentence ("AS. Michael Shifter" → "Michael Shifter"). A span over several
 * sentences keeps its longest part in one sentence; an opened bracket or quote is closed when the
 * passage closes it right after the span. Offsets stay those of the article.
 */
export function tidySpan(passage: Pick<Passage, 'start' | 'text' | 'sentences'>, span: Span): Span {
  const at = (start: number, end: number): Span => ({
    start,
    end,
    text: passage.text.slice(start - passage.start, end - passage.start),
  });
  // The span's part in each sentence it touches, without the space and the full stop around it.
  const parts = passage.sentences
    .map((s) => at(Math.max(s.start, span.start), Math.min(s.end, span.end)))
    .filter((p) => /[\p{L}\p{N}]/u.test(p.text))
    .map((p) => {
      const lead = p.text.length - p.text.trimStart().length;
      const trail = p.text.length - p.text.replace(/[\s.!?]+$/u, '').length;
      return at(p.start + lead, p.end - trail);
    });
  let tidy = parts.length > 1 ? parts.reduce((a, b) => (b.text.length > a.text.length ? b : a)) : span;
  for (const [open, close] of PAIRS) {
    const next = passage.text[tidy.end - passage.start];
    const unclosed =
      open === close ? count(tidy.text, open) % 2 === 1 : count(tidy.text, open) > count(tidy.text, close);
    if (unclosed && next === close) tidy = at(tidy.start, tidy.end + 1);
  }
  return tidy;
}

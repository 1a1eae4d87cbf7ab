import { WORD } from '../text/analyze.js';
import type { Span } from '../types.js';
import { CONJUNCTIONS } from './coordination.js';
import type { PoolSentence } from './pool.js';

/** A sentence as a list question reads it: `read` is the text read, `parts` the pooled sentences it spans. */
export interface ListReading {
  read: Span;
  parts: PoolSentence[];
}

/** The most words a sentence may have to be the rest of a list broken off by full stops: an item and its conjunction. */
const FRAGMENT_WORDS = 7;
/** A conjunction that joins a list's last item. */
const CONJUNCTION = new RegExp(`(?:^|[\\s,])(?:${CONJUNCTIONS})\\s`, 'iu');
const words = (text: string) => (text.match(WORD) ?? []).length;

/**
 * Every pooled sentence as a list reads it. A list some copies of an article break with full stops
 * where the commas were ("adalah Stadion Rajamangal. Stadion Universitas Thammasa. dan Stadion Chonburi.",
 * "adalah Wisnu Baroto, Gusrizal. Sumpeno, dan Chisca Mirawati.") is read whole: the sentence, then the
 * short sentences after it in its passage up to the first one holding a conjunction, each full stop
 * between them read as a comma. Offsets stay those of the article, so every item is cut from one part.
 */
export function listReadings(pool: PoolSentence[]): ListReading[] {
  return pool.map((first, i) => {
    const parts = [first];
    for (let j = i + 1; j < pool.length; j++) {
      const next = pool[j];
      const previous = parts[parts.length - 1].sentence;
      if (next.passageId !== first.passageId || next.sentence.start < previous.end) break;
      if (words(next.sentence.text) > FRAGMENT_WORDS || !previous.text.endsWith('.')) break;
      parts.push(next);
      if (CONJUNCTION.test(next.sentence.text)) {
        let text = '';
        for (const [k, part] of parts.entries()) {
          const own = k < parts.length - 1 ? `${part.sentence.text.slice(0, -1)},` : part.sentence.text;
          text += ' '.repeat(part.sentence.start - first.sentence.start - text.length) + own;
        }
        return { read: { start: first.sentence.start, end: next.sentence.end, text }, parts };
      }
    }
    return { read: first.sentence, parts: [first] };
  });
}

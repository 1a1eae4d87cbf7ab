import { readable } from '../../present/text.js';
import type { Segment } from '../../present/wrap.js';
import { Wrapped, type Look } from './Wrapped.js';

/** Answer text with its [n] markers coloured; markers of unverified citations are dimmed. `left`: columns the enclosing boxes take. */
export function AnswerText({
  text,
  unverified = [],
  left = 0,
}: {
  text: string;
  unverified?: number[];
  left?: number;
}) {
  const parts: Segment<Look>[] = readable(text)
    .split(/(\[\d+\])/g)
    .filter(Boolean)
    .map((part) => {
      const marker = /^\[(\d+)\]$/.exec(part);
      return { text: part, style: marker ? (unverified.includes(Number(marker[1])) ? 'dim' : 'accent') : 'plain' };
    });
  return <Wrapped segments={parts} left={left} />;
}

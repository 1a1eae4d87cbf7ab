import { readable } from '../../present/text.js';
import { useTheme } from '../theme.js';
import type { Segment } from '../state/wrap.js';
import { Wrapped, type Look } from './Wrapped.js';

/** Answer text with its [n] markers coloured; markers of unverified citations are dimmed. */
export function AnswerText({ text, unverified = [], indent = 0 }: { text: string; unverified?: number[]; indent?: number }) {
  const theme = useTheme();
  const segments: Segment<Look>[] = readable(text)
    .split(/(\[\d+\])/g)
    .filter(Boolean)
    .map((part) => {
      const marker = /^\[(\d+)\]$/.exec(part);
      return { text: part, style: marker ? (unverified.includes(Number(marker[1])) ? 'dim' : 'accent') : 'plain' };
    });
  return <Wrapped segments={segments} indent={indent} palette={theme} />;
}

import { Box, Text } from 'ink';
import type { Answer } from '../../core/index.js';
import { readable } from '../../present/text.js';
import { AnswerText } from './AnswerText.js';

/** Columns of the margin: a date (`YYYY-MM-DD`) and a space, or a bullet. */
const DATE_MARGIN = 11;
const BULLET_MARGIN = 2;

/**
 * A list, timeline or brief: one row per line with its markers, the line's date in the margin (a
 * bullet for a list item), so `/open N` finds each citation by the number shown beside its line.
 */
export function ItemList({ answer, left = 0 }: { answer: Answer; left?: number }) {
  const items = answer.items ?? [];
  const dated = answer.kind !== 'list' && items.some((item) => item.date);
  const margin = dated ? DATE_MARGIN : BULLET_MARGIN;
  const unverified = answer.citations.filter((c) => c.verified === false).map((c) => c.n);
  return (
    <Box flexDirection="column">
      {items.map((item, i) => (
        <Box key={i}>
          <Box width={margin} flexShrink={0}>
            <Text dimColor>{dated ? readable(item.date ?? '') : '•'}</Text>
          </Box>
          <Box flexGrow={1}>
            <AnswerText
              text={`${item.text} ${item.citations.map((c) => `[${c.n}]`).join('')}`}
              unverified={unverified}
              left={left + margin}
            />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

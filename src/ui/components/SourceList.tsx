import { Box, Text } from 'ink';
import type { Citation } from '../../core/index.js';
import { byline, oneLine, type SpanParts } from '../../present/text.js';
import { useTheme } from '../theme.js';
import { Highlighted } from './Highlighted.js';
import { Wrapped, segments } from './Wrapped.js';

export interface Source {
  citation: Citation;
  window: SpanParts;
}

/** Columns of the `[n]` gutter; the source's lines all start after it. */
const GUTTER = 5;

/** The numbered sources of an answer: outlet, date, title, and the cited words in their passage. */
export function SourceList({ sources }: { sources: Source[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      {sources.map(({ citation: c, window }) => (
        <Box key={c.n} flexDirection="row">
          <Box width={GUTTER} flexShrink={0}>
            <Text color={c.verified === false ? undefined : theme.accent} dimColor={c.verified === false}>
              [{c.n}]
            </Text>
          </Box>
          <Box flexDirection="column" flexGrow={1}>
            <Wrapped
              left={GUTTER}
              segments={segments(
                [`${byline(c)} · `, 'dim'],
                [oneLine(c.title), 'bold'],
                [c.verified === false ? ' · not verified' : '', 'warn'],
              )}
            />
            <Highlighted {...window} dimRest left={GUTTER} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

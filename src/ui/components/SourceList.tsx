import { Box, Text } from 'ink';
import type { Citation } from '../../core/types.js';
import { byline, oneLine, type SpanParts } from '../../present/text.js';
import { useTheme } from '../theme.js';
import { Highlighted } from './Highlighted.js';

export interface Source {
  citation: Citation;
  window: SpanParts;
}

/** The numbered sources of an answer: outlet, date, title, and the cited words in their passage. */
export function SourceList({ sources }: { sources: Source[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      {sources.map(({ citation: c, window }) => (
        <Box key={c.n} flexDirection="row">
          <Box width={5} flexShrink={0}>
            <Text color={c.verified === false ? undefined : theme.accent} dimColor={c.verified === false}>
              [{c.n}]
            </Text>
          </Box>
          <Box flexDirection="column" flexGrow={1}>
            <Text>
              <Text dimColor>{byline(c)} · </Text>
              <Text bold>{oneLine(c.title)}</Text>
              {c.verified === false ? <Text color={theme.warn}> · not verified</Text> : null}
            </Text>
            <Highlighted {...window} dimRest indent={5} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

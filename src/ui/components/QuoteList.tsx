import { Box, Text } from 'ink';
import type { QuoteMatch } from '../state/conversation-reducer.js';
import { byline, oneLine } from '../../present/text.js';
import { useTheme } from '../theme.js';

/** `/cite`: where a quote occurs, earliest first as the lookup ranks them. */
export function QuoteList({ quote, matches }: { quote: string; matches: QuoteMatch[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        Where “<Text bold>{oneLine(quote)}</Text>” comes from:
      </Text>
      {matches.map((m, i) => (
        <Box key={`${m.id}:${m.start}`} flexDirection="column" marginLeft={2}>
          <Text>
            <Text color={theme.accent}>{i + 1}.</Text> {oneLine(m.file)}:{m.line} <Text dimColor>· {m.kind} · {byline(m)} · chars {m.start}–{m.end}</Text>
            {m.earliest ? <Text color={theme.warn}> · earliest</Text> : null}
          </Text>
          <Text dimColor>   {oneLine(m.text).trim()}</Text>
        </Box>
      ))}
    </Box>
  );
}

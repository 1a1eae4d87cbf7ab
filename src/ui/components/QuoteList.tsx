import { Box, Text } from 'ink';
import type { QuoteMatch } from '../state/conversation-reducer.js';
import { useTheme } from '../theme.js';

/** `/cite`: where a quote occurs, earliest first as the lookup ranks them. */
export function QuoteList({ quote, matches }: { quote: string; matches: QuoteMatch[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        Where “<Text bold>{quote}</Text>” comes from:
      </Text>
      {matches.map((m, i) => (
        <Box key={`${m.id}:${m.start}`} flexDirection="column" marginLeft={2}>
          <Text>
            <Text color={theme.accent}>{i + 1}.</Text> {m.file}:{m.line} <Text dimColor>· {m.kind} · {[m.source ?? 'unknown outlet', m.date ?? 'undated', m.lang].join(' · ')} · chars {m.start}–{m.end}</Text>
            {m.earliest ? <Text color={theme.warn}> · earliest</Text> : null}
          </Text>
          <Text dimColor>   {m.text.replace(/\s+/g, ' ').trim()}</Text>
        </Box>
      ))}
    </Box>
  );
}

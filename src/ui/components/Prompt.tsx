import { Box, Text } from 'ink';
import { oneLine } from '../../present/text.js';
import { useTheme } from '../theme.js';

/** The input line with a block cursor; a hint instead while an answer is produced. */
export function Prompt({ value, cursor, busy }: { value: string; cursor: number; busy: boolean }) {
  const theme = useTheme();
  const at = oneLine(value.slice(cursor, cursor + 1)) || ' ';
  return (
    <Box marginTop={1} flexDirection="column">
      <Text>
        <Text color={theme.accent} bold>
          {busy ? '… ' : '› '}
        </Text>
        {oneLine(value.slice(0, cursor))}
        <Text inverse>{at}</Text>
        {oneLine(value.slice(cursor + 1))}
      </Text>
      <Text dimColor>{busy ? 'Ctrl+C stops the answer' : '/help for commands · Ctrl+C or /quit to leave'}</Text>
    </Box>
  );
}

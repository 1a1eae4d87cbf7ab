import { Box, Text } from 'ink';
import { oneLine } from '../../present/text.js';
import { useTheme } from '../theme.js';

/** A slash command as it was typed, echoed above what it shows. */
export function CommandEcho({ line }: { line: string }) {
  const theme = useTheme();
  return (
    <Box marginTop={1}>
      <Text color={theme.accent}>›{' '}</Text>
      <Text>{oneLine(line)}</Text>
    </Box>
  );
}

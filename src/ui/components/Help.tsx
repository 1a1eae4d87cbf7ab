import { Box, Text } from 'ink';
import { COMMAND_HELP } from '../state/commands.js';
import { useTheme } from '../theme.js';

export function Help() {
  const theme = useTheme();
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>Ask a question in Indonesian or English; follow-ups may refer back (“When was that?”). Up/down recall earlier lines.</Text>
      {COMMAND_HELP.map(([command, what]) => (
        <Text key={command}>
          {'  '}
          <Text color={theme.accent}>{command}</Text> <Text dimColor>{what}</Text>
        </Text>
      ))}
    </Box>
  );
}

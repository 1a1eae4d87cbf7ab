import { Box, Text } from 'ink';
import { COMMAND_HELP } from '../state/commands.js';
import { useTheme } from '../theme.js';

export function Help() {
  const theme = useTheme();
  const width = Math.max(...COMMAND_HELP.map(([command]) => command.length));
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        Ask a question in Indonesian or English; follow-ups may refer back (“When was that?”). Up/down recall earlier
        lines.
      </Text>
      {COMMAND_HELP.map(([command, what]) => (
        <Box key={command}>
          <Box width={width + 4} flexShrink={0} paddingLeft={2}>
            <Text color={theme.accent}>{command}</Text>
          </Box>
          <Text dimColor>{what}</Text>
        </Box>
      ))}
    </Box>
  );
}

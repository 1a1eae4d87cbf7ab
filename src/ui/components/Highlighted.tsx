import { Text } from 'ink';
import { useTheme } from '../theme.js';

/** Text with one span highlighted, the rest plain or dimmed. */
export function Highlighted({ before, cited, after, dimRest = false }: { before: string; cited: string; after: string; dimRest?: boolean }) {
  const theme = useTheme();
  return (
    <Text>
      <Text dimColor={dimRest}>{before}</Text>
      <Text bold color={theme.highlight} underline={!theme.color}>
        {cited}
      </Text>
      <Text dimColor={dimRest}>{after}</Text>
    </Text>
  );
}

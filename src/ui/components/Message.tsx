import { Text } from 'ink';
import { useTheme } from '../theme.js';

export function Message({ level, text }: { level: 'info' | 'warn' | 'error'; text: string }) {
  const theme = useTheme();
  if (level === 'error') return <Text color={theme.error}>{theme.color ? '' : 'error: '}{text}</Text>;
  if (level === 'warn') return <Text color={theme.warn}>{theme.color ? '' : 'warning: '}{text}</Text>;
  return <Text dimColor>{text}</Text>;
}

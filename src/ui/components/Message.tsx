import { Text } from 'ink';
import { terminalSafe } from '../../present/terminal-safe.js';
import { useTheme } from '../theme.js';

/** A line of the chat's own; `text` may name files or quote articles, so it is made safe. */
export function Message({ level, text: raw }: { level: 'info' | 'warn' | 'error'; text: string }) {
  const theme = useTheme();
  const text = terminalSafe(raw);
  if (level === 'error') return <Text color={theme.error}>{theme.color ? '' : 'error: '}{text}</Text>;
  if (level === 'warn') return <Text color={theme.warn}>{theme.color ? '' : 'warning: '}{text}</Text>;
  return <Text dimColor>{text}</Text>;
}

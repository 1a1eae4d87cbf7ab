import { Text } from 'ink';
import { useTheme } from '../theme.js';

/** Single line breaks (from the articles' hard-wrapped lines) become spaces; blank lines stay paragraph breaks. */
export const readable = (text: string): string =>
  text
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

/** Answer text with its [n] markers coloured; markers of unverified citations are dimmed. */
export function AnswerText({ text, unverified = [] }: { text: string; unverified?: number[] }) {
  const theme = useTheme();
  const parts = readable(text).split(/(\[\d+\])/g);
  return (
    <Text>
      {parts.map((part, i) => {
        const marker = /^\[(\d+)\]$/.exec(part);
        if (!marker) return part;
        return unverified.includes(Number(marker[1])) ? (
          <Text key={i} dimColor>
            {part}
          </Text>
        ) : (
          <Text key={i} color={theme.accent} bold={!theme.color}>
            {part}
          </Text>
        );
      })}
    </Text>
  );
}

import { Box, Text, useStdout } from 'ink';
import { wrapSegments, type Segment } from '../../present/wrap.js';
import { useTheme, type Theme } from '../theme.js';

export type Look = 'plain' | 'dim' | 'accent' | 'highlight' | 'bold' | 'warn' | 'error';

const lookProps = (look: Look, theme: Theme) => ({
  dimColor: look === 'dim',
  bold: look === 'highlight' || look === 'bold' || (look === 'accent' && !theme.color),
  underline: look === 'highlight' && !theme.color,
  color:
    look === 'accent'
      ? theme.accent
      : look === 'highlight'
        ? theme.highlight
        : look === 'warn'
          ? theme.warn
          : look === 'error'
            ? theme.error
            : undefined,
});

/**
 * Styled runs word-wrapped (by the one wrap rule in `present/wrap.ts`) to the terminal width minus
 * `left`, the columns the enclosing boxes take; continuation lines are indented by `hang` columns.
 * Each line is drawn as one Ink line, so Ink never breaks a word itself.
 */
export function Wrapped({ segments, left = 0, hang = 0 }: { segments: Segment<Look>[]; left?: number; hang?: number }) {
  const theme = useTheme();
  const { stdout } = useStdout();
  const lines = wrapSegments(segments, (stdout?.columns || 80) - left, hang);
  return (
    <Box flexDirection="column">
      {lines.map((runs, i) => (
        <Text key={i} wrap="truncate-end">
          {i > 0 && hang > 0 ? ' '.repeat(hang) : ''}
          {runs.length === 0
            ? ' '
            : runs.map((r, j) => (
                <Text key={j} {...lookProps(r.style, theme)}>
                  {r.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}

/** Segments without empty runs, for building a line from optional parts. */
export const segments = (...parts: [string, Look][]): Segment<Look>[] =>
  parts.filter(([text]) => text).map(([text, style]) => ({ text, style }));

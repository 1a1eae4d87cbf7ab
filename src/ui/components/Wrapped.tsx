import { Box, Text, useStdout } from 'ink';
import { wrapSegments, type Segment } from '../state/wrap.js';

export type Look = 'plain' | 'dim' | 'accent' | 'highlight' | 'bold';

export interface Palette {
  accent?: string;
  highlight?: string;
  color: boolean;
}

/** Styled runs word-wrapped to the terminal width minus `indent` columns (Ink's own wrapping can overrun). */
export function Wrapped({ segments, indent = 0, palette }: { segments: Segment<Look>[]; indent?: number; palette: Palette }) {
  const { stdout } = useStdout();
  const width = (stdout?.columns || 80) - indent;
  const lines = wrapSegments(segments, width);
  return (
    <Box flexDirection="column">
      {lines.map((runs, i) => (
        <Text key={i} wrap="truncate-end">
          {runs.length === 0
            ? ' '
            : runs.map((r, j) => (
                <Text
                  key={j}
                  dimColor={r.style === 'dim'}
                  bold={r.style === 'highlight' || r.style === 'bold' || (r.style === 'accent' && !palette.color)}
                  underline={r.style === 'highlight' && !palette.color}
                  color={r.style === 'accent' ? palette.accent : r.style === 'highlight' ? palette.highlight : undefined}
                >
                  {r.text}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}

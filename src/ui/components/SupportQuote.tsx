import { Box } from 'ink';
import type { Answer } from '../../core/types.js';
import { supportQuote } from '../../present/support.js';
import type { Segment } from '../state/wrap.js';
import { useTheme } from '../theme.js';
import { Wrapped, type Look } from './Wrapped.js';

const INDENT = 2;

/** Under a short answer: the sentence that supports it, quoted, the short answer highlighted, and its marker. Nothing otherwise. */
export function SupportQuote({ answer }: { answer: Answer }) {
  const theme = useTheme();
  const quote = supportQuote(answer);
  if (!quote) return null;
  const { before, cited, after } = quote.parts;
  const segments = ([
    { text: `"${before}`, style: 'plain' },
    { text: cited, style: 'highlight' },
    { text: `${after}"`, style: 'plain' },
    { text: quote.n === null ? '' : ` [${quote.n}]`, style: 'accent' },
  ] as Segment<Look>[]).filter((s) => s.text);
  return (
    <Box marginLeft={INDENT}>
      <Wrapped segments={segments} indent={INDENT} palette={theme} />
    </Box>
  );
}

import { Box } from 'ink';
import type { Answer } from '../../core/index.js';
import { supportQuote } from '../../present/support.js';
import { Wrapped, segments } from './Wrapped.js';

const INDENT = 2;

/** Under a short answer: the sentence that supports it, quoted, the short answer highlighted, and its marker. Nothing otherwise. */
export function SupportQuote({ answer, left = 0 }: { answer: Answer; left?: number }) {
  const quote = supportQuote(answer);
  if (!quote) return null;
  const { before, cited, after } = quote.parts;
  return (
    <Box marginLeft={INDENT}>
      <Wrapped
        left={left + INDENT}
        hang={1}
        segments={segments(
          [`"${before}`, 'plain'],
          [cited, 'highlight'],
          [`${after}"`, 'plain'],
          [quote.n === null ? '' : ` [${quote.n}]`, 'accent'],
        )}
      />
    </Box>
  );
}

import { Box } from 'ink';
import type { PassageContext, Citation } from '../../core/index.js';
import { byline, contextParts, oneLine } from '../../present/text.js';
import { useTheme } from '../theme.js';
import { Highlighted } from './Highlighted.js';
import { Message } from './Message.js';
import { Wrapped, segments } from './Wrapped.js';

/** Columns the round border and its padding take on each side. */
const FRAME = 2;

/** `/open N`: the passage with `span` (the short answer, or the cited span) highlighted, the sentences around it, and the article. */
export function PassageView({
  n,
  context,
  citation,
  span,
}: {
  n: number;
  context: PassageContext;
  citation: Citation;
  span: { start: number; end: number };
}) {
  const theme = useTheme();
  const parts = contextParts(context, span.start, span.end);
  const left = FRAME * 2;
  const answerNote =
    span.start !== citation.start || span.end !== citation.end ? ` · answer ${span.start}–${span.end}` : '';
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Wrapped
        left={left}
        hang={`[${n}] `.length}
        segments={segments([`[${n}] `, 'accent'], [oneLine(context.title), 'bold'])}
      />
      <Wrapped
        left={left}
        hang={2}
        segments={segments([
          `${byline(context)} · ${oneLine(context.file)} · passage ${oneLine(context.id)} · chars ${citation.start}–${citation.end}${answerNote}`,
          'dim',
        ])}
      />
      {citation.verified === false ? (
        <Message level="warn" left={left} text="Not verified: the passage may not support the claim." />
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {parts.above ? <Wrapped left={left} segments={segments([parts.above, 'dim'])} /> : null}
        <Highlighted left={left} before={parts.before} cited={parts.cited} after={parts.after} />
        {parts.below ? <Wrapped left={left} segments={segments([parts.below, 'dim'])} /> : null}
      </Box>
    </Box>
  );
}

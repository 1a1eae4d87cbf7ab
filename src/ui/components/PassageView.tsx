import { Box, Text } from 'ink';
import type { PassageContext } from '../../core/index/context.js';
import type { Citation } from '../../core/types.js';
import { byline, contextParts, oneLine } from '../../present/text.js';
import { useTheme } from '../theme.js';
import { Highlighted } from './Highlighted.js';

/** `/open N`: the passage with `span` (the short answer, or the cited span) highlighted, the sentences around it, and the article. */
export function PassageView({ n, context, citation, span }: { n: number; context: PassageContext; citation: Citation; span: { start: number; end: number } }) {
  const theme = useTheme();
  const parts = contextParts(context, span.start, span.end);
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text>
        <Text color={theme.accent}>[{n}]</Text> <Text bold>{oneLine(context.title)}</Text>
      </Text>
      <Text dimColor>
        {byline(context)} · {oneLine(context.file)} · passage {oneLine(context.id)} · chars {citation.start}–{citation.end}
        {span.start !== citation.start || span.end !== citation.end ? ` · answer ${span.start}–${span.end}` : ''}
      </Text>
      {citation.verified === false ? <Text color={theme.warn}>Not verified: the passage may not support the claim.</Text> : null}
      <Box marginTop={1} flexDirection="column">
        {parts.above ? <Text dimColor>{parts.above}</Text> : null}
        <Highlighted indent={4} before={parts.before} cited={parts.cited} after={parts.after} />
        {parts.below ? <Text dimColor>{parts.below}</Text> : null}
      </Box>
    </Box>
  );
}

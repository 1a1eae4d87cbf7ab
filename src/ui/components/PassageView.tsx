import { Box, Text } from 'ink';
import type { PassageContext } from '../../core/index/context.js';
import type { Citation } from '../../core/types.js';
import { useTheme } from '../theme.js';
import { Highlighted } from './Highlighted.js';

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `/open N`: the passage with the cited span highlighted, the sentences around it, and the article. */
export function PassageView({ n, context, citation }: { n: number; context: PassageContext; citation: Citation }) {
  const theme = useTheme();
  const from = Math.max(0, citation.start - context.start);
  const to = Math.min(context.text.length, citation.end - context.start);
  return (
    <Box flexDirection="column" marginTop={1} borderStyle="round" borderColor={theme.accent} paddingX={1}>
      <Text>
        <Text color={theme.accent}>[{n}]</Text> <Text bold>{context.title}</Text>
      </Text>
      <Text dimColor>
        {[context.source ?? 'unknown outlet', context.date ?? 'undated', context.lang].join(' · ')} · {context.file} · passage {context.id} · chars{' '}
        {citation.start}–{citation.end}
      </Text>
      {citation.verified === false ? <Text color={theme.warn}>Not verified: the passage may not support the claim.</Text> : null}
      <Box marginTop={1} flexDirection="column">
        {context.before.length ? <Text dimColor>{flat(context.before.map((s) => s.text).join(' '))}</Text> : null}
        <Highlighted indent={4} before={flat(context.text.slice(0, from)) + (from > 0 ? ' ' : '')} cited={flat(context.text.slice(from, to))} after={(to < context.text.length ? ' ' : '') + flat(context.text.slice(to))} />
        {context.after.length ? <Text dimColor>{flat(context.after.map((s) => s.text).join(' '))}</Text> : null}
      </Box>
    </Box>
  );
}

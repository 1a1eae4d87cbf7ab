import { Box, Text } from 'ink';
import { describeFilters, hasFilters } from '../../core/retrieve/filter.js';
import type { TurnItem } from '../state/conversation-reducer.js';
import { oneLine } from '../../present/text.js';
import { terminalSafe } from '../../present/terminal-safe.js';
import { useTheme } from '../theme.js';
import { AnswerText } from './AnswerText.js';
import { SourceList, type Source } from './SourceList.js';
import { SupportQuote } from './SupportQuote.js';

/** One question and its answer, live or finished. */
export function TurnView({ turn, sources, live = false }: { turn: TurnItem; sources: Source[]; live?: boolean }) {
  const theme = useTheme();
  const unverified = sources.filter((s) => s.citation.verified === false).map((s) => s.citation.n);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>
        <Text color={theme.accent} bold>
          ›{' '}
        </Text>
        <Text bold>{oneLine(turn.question)}</Text>
      </Text>
      {turn.resolved ? <Text dimColor>  searching for: {oneLine(turn.resolved)}</Text> : null}
      {hasFilters(turn.filters) ? <Text dimColor>  filters: {oneLine(describeFilters(turn.filters))}</Text> : null}
      <Box marginTop={turn.text || live ? 1 : 0} flexDirection="column">
        {turn.text ? <AnswerText text={turn.text} unverified={unverified} /> : live ? <Text dimColor>Searching…</Text> : null}
        {turn.answer ? <SupportQuote answer={turn.answer} /> : null}
        {turn.error ? <Text color={theme.error}>{theme.color ? '' : 'error: '}{terminalSafe(turn.error)}</Text> : null}
        {turn.cancelled ? <Text dimColor>(stopped)</Text> : null}
      </Box>
      {turn.answer?.unsupported?.length ? (
        <Text color={theme.warn}>
          {theme.color ? '' : 'warning: '}No passage is cited for: {turn.answer.unsupported.map((s) => `“${oneLine(s)}”`).join(' ')}
        </Text>
      ) : null}
      {sources.length ? <SourceList sources={sources} /> : null}
      {unverified.length ? <Text dimColor>Dimmed markers: the cited passage may not support the claim.</Text> : null}
    </Box>
  );
}

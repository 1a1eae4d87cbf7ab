import { Box, Text } from 'ink';
import { describeFilters, hasFilters } from '../../core/index.js';
import type { TurnItem } from '../state/conversation-reducer.js';
import { oneLine } from '../../present/text.js';
import { AnswerText } from './AnswerText.js';
import { ItemList } from './ItemList.js';
import { Echo } from './CommandEcho.js';
import { Message } from './Message.js';
import { SourceList, type Source } from './SourceList.js';
import { SupportQuote } from './SupportQuote.js';
import { Wrapped, segments } from './Wrapped.js';

/** Columns the answer is indented by, under the `› ` of the question. */
const ANSWER = 2;

/** A dim `  label: value` line whose continuation lines are indented under the label. */
const Detail = ({ label, value }: { label: string; value: string }) => (
  <Wrapped hang={ANSWER * 2} segments={segments([`  ${label}: ${oneLine(value)}`, 'dim'])} />
);

/** One question and its answer, live or finished. */
export function TurnView({ turn, sources, live = false }: { turn: TurnItem; sources: Source[]; live?: boolean }) {
  const unverified = sources.filter((s) => s.citation.verified === false).map((s) => s.citation.n);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Echo line={turn.question} />
      {turn.resolved ? <Detail label="searching for" value={turn.resolved} /> : null}
      {hasFilters(turn.filters) ? <Detail label="filters" value={describeFilters(turn.filters)} /> : null}
      <Box marginTop={turn.text || live ? 1 : 0} marginLeft={ANSWER} flexDirection="column">
        {turn.answer?.items?.length ? (
          <ItemList answer={turn.answer} left={ANSWER} />
        ) : turn.text ? (
          <AnswerText text={turn.text} unverified={unverified} left={ANSWER} />
        ) : live ? (
          <Text dimColor>Searching…</Text>
        ) : null}
        {turn.answer ? <SupportQuote answer={turn.answer} left={ANSWER} /> : null}
        {turn.error ? <Message level="error" text={turn.error} left={ANSWER} /> : null}
        {turn.cancelled ? <Text dimColor>(stopped)</Text> : null}
      </Box>
      {turn.answer?.unsupported?.length ? (
        <Message
          level="warn"
          text={`No passage is cited for: ${turn.answer.unsupported.map((s) => `“${oneLine(s)}”`).join(' ')}`}
        />
      ) : null}
      {sources.length ? <SourceList sources={sources} /> : null}
      {unverified.length ? (
        <Message level="info" text="Dimmed markers: the cited passage may not support the claim." />
      ) : null}
    </Box>
  );
}

import { Box } from 'ink';
import type { QuoteMatch } from '../state/conversation-reducer.js';
import { byline, oneLine } from '../../present/text.js';
import { Wrapped, segments } from './Wrapped.js';

const MARGIN = 2;

/** `/cite`: where a quote occurs, earliest first as the lookup ranks them. */
export function QuoteList({ quote, matches }: { quote: string; matches: QuoteMatch[] }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Wrapped
        hang={MARGIN}
        segments={segments(['Where “', 'plain'], [oneLine(quote), 'bold'], ['” comes from:', 'plain'])}
      />
      {matches.map((m, i) => {
        const rank = `${i + 1}. `;
        return (
          <Box key={`${m.id}:${m.start}`} flexDirection="column" marginLeft={MARGIN}>
            <Wrapped
              left={MARGIN}
              hang={rank.length}
              segments={segments(
                [rank, 'accent'],
                [`${oneLine(m.file)}:${m.line}`, 'plain'],
                [` · ${m.kind} · ${byline(m)} · chars ${m.start}–${m.end}`, 'dim'],
                [m.earliest ? ' · earliest' : '', 'warn'],
              )}
            />
            <Box marginLeft={rank.length}>
              <Wrapped left={MARGIN + rank.length} segments={segments([oneLine(m.text).trim(), 'dim'])} />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}

import { Wrapped, segments } from './Wrapped.js';

/** Text with one span highlighted, the rest plain or dimmed, wrapped to the terminal minus `left` columns. */
export function Highlighted({
  before,
  cited,
  after,
  dimRest = false,
  left = 0,
}: {
  before: string;
  cited: string;
  after: string;
  dimRest?: boolean;
  left?: number;
}) {
  const rest = dimRest ? 'dim' : 'plain';
  return <Wrapped left={left} segments={segments([before, rest], [cited, 'highlight'], [after, rest])} />;
}

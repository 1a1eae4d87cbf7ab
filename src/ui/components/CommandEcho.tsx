import { Box } from 'ink';
import { oneLine } from '../../present/text.js';
import { Wrapped, segments } from './Wrapped.js';

/** A line the user typed (a question or a slash command), echoed as `› line`, continuation lines under its text. */
export function Echo({ line }: { line: string }) {
  return <Wrapped hang={2} segments={segments(['› ', 'accent'], [oneLine(line), 'bold'])} />;
}

/** A slash command as it was typed, echoed above what it shows. */
export function CommandEcho({ line }: { line: string }) {
  return (
    <Box marginTop={1}>
      <Echo line={line} />
    </Box>
  );
}

import { styleText } from 'node:util';

type Format = Parameters<typeof styleText>[0];

/** Colours for a stream (none when it is not a terminal or NO_COLOR is set) and the width to wrap to (only on a terminal). */
export interface Style {
  /** Columns of the terminal; undefined when the stream is piped or redirected, where lines are never wrapped. */
  width?: number;
  bold(text: string): string;
  dim(text: string): string;
  accent(text: string): string;
  highlight(text: string): string;
  warn(text: string): string;
  error(text: string): string;
}

export function createStyle(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Style {
  const color = Boolean(stream.isTTY) && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  const paint = (format: Format) => (text: string) => (color ? styleText(format, text) : text);
  return {
    width: stream.isTTY && stream.columns ? stream.columns : undefined,
    bold: paint('bold'),
    dim: paint('dim'),
    accent: paint('cyan'),
    highlight: paint(['bold', 'yellow']),
    warn: paint('yellow'),
    error: paint('red'),
  };
}

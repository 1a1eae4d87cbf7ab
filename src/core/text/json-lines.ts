/** One non-blank line of JSON Lines text: its parsed value, or the parser's message when it is not JSON. */
export type JsonLine = { line: number; value: unknown; error?: undefined } | { line: number; error: string };

/**
 * Reads JSON Lines (NDJSON) text one line at a time: a byte-order mark and blank lines are skipped, and
 * each line is parsed on its own, so one bad line costs only itself. `line` is 1-based.
 */
export function* jsonLines(text: string): Generator<JsonLine> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 0;
  for (let start = 0; start <= body.length; line++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const content = body.slice(start, end);
    start = end + 1;
    if (content.trim() === '') continue;
    try {
      yield { line: line + 1, value: JSON.parse(content) };
    } catch (error) {
      yield { line: line + 1, error: (error as Error).message };
    }
  }
}

/** Whether a parsed JSON value is an object (not null, not an array): a record. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

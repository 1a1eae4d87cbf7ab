/** The console methods a library may write to the terminal with. */
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

let depth = 0;
let saved: Pick<Console, (typeof METHODS)[number]> | undefined;

/**
 * Silences `console.*` until the returned function is called: a client library that prints a server's
 * reply itself (the OpenAI client logs a stream line that is not JSON, with the raw bytes and whatever
 * credentials the server echoed) must not reach the terminal; kabar says what failed in its own words.
 * Nested and overlapping calls are counted, so the console comes back when the last one ends.
 */
export function silenceConsole(): () => void {
  if (depth++ === 0) {
    saved = Object.fromEntries(METHODS.map((m) => [m, console[m]])) as typeof saved;
    for (const m of METHODS) console[m] = () => {};
  }
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (--depth === 0 && saved) Object.assign(console, saved);
  };
}

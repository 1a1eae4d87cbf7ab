import React from 'react';
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../src/ui/App.js';
import { memoryHistory } from '../../src/ui/state/input-history.js';

void React;

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** Waits until the last frame passes `test`, or fails after `ms`. */
export async function waitFor(
  frame: () => string | undefined,
  test: (text: string) => boolean,
  ms = 2000,
): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const text = frame() ?? '';
    if (test(text)) return text;
    if (Date.now() > until) throw new Error(`timed out; last frame:\n${text}`);
    await tick(10);
  }
}

/** Renders the chat; `columns` sets the terminal width the chat sees once it has opened (ink-testing-library's is 100). */
export function renderApp(props: Partial<AppProps> & Pick<AppProps, 'open'>, columns?: number) {
  const app = render(<App history={memoryHistory()} theme={{ color: false }} {...props} />);
  if (columns) Object.defineProperty(app.stdout, 'columns', { get: () => columns });
  const all = () => app.frames.join('\n');
  return {
    ...app,
    /** Everything rendered so far (Static items appear once, in earlier frames). */
    all,
    async type(line: string) {
      for (const ch of line) {
        app.stdin.write(ch);
      }
      await tick();
      app.stdin.write('\r');
      await tick();
    },
    waitFor: (test: (text: string) => boolean, ms?: number) => waitFor(all, test, ms),
  };
}

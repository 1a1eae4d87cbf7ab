import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The tmux binary, or null when it is not installed (the terminal tests are then skipped). */
export const TMUX =
  ['/usr/bin/tmux', '/usr/local/bin/tmux'].find((p) => fs.existsSync(p)) ??
  (spawnSync('tmux', ['-V']).status === 0 ? 'tmux' : null);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A detached tmux session running `command` in a 100×40 terminal: read its screen, type into it, kill it. */
export function tmuxSession(name: string, command: string) {
  const run = (...args: string[]) => execFileSync(TMUX!, args, { encoding: 'utf8' });
  run('new-session', '-d', '-s', name, '-x', '100', '-y', '40', command);
  const screen = () => run('capture-pane', '-p', '-J', '-t', name, '-S', '-200');
  return {
    screen,
    /** Waits until the screen passes `test`, or fails after `ms` showing the screen. */
    async waitFor(test: (text: string) => boolean, ms: number): Promise<string> {
      const until = Date.now() + ms;
      for (;;) {
        const text = screen();
        if (test(text)) return text;
        if (Date.now() > until) throw new Error(`timed out; screen:\n${text}`);
        await sleep(50);
      }
    },
    /** Types `line` and presses Enter. */
    type(line: string) {
      run('send-keys', '-t', name, '-l', line);
      run('send-keys', '-t', name, 'Enter');
    },
    kill: () => void spawnSync(TMUX!, ['kill-session', '-t', name]),
  };
}

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.js');
const tmux = ['/usr/bin/tmux', '/usr/local/bin/tmux'].find((p) => fs.existsSync(p)) ?? (spawnSync('tmux', ['-V']).status === 0 ? 'tmux' : null);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('kabar chat in a real terminal: header, a question with sources, quit', { skip: tmux ? false : 'tmux is not installed', timeout: 15_000 }, async () => {
  assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run npx tsc -p . first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-chat-'));
  fs.cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  const session = `kabar-e2e-${process.pid}`;
  const run = (...args: string[]) => execFileSync(tmux!, args, { encoding: 'utf8' });
  const screen = () => run('capture-pane', '-p', '-J', '-t', session, '-S', '-200');
  const waitFor = async (test: (text: string) => boolean, ms: number) => {
    const until = Date.now() + ms;
    for (;;) {
      const text = screen();
      if (test(text)) return text;
      if (Date.now() > until) throw new Error(`timed out; screen:\n${text}`);
      await sleep(50);
    }
  };
  const command = `cd ${JSON.stringify(dir)} && CI=true NO_COLOR=1 node ${JSON.stringify(cli)} chat --corpus seeds --index idx; echo "EXIT=$?"; sleep 10`;
  run('new-session', '-d', '-s', session, '-x', '100', '-y', '40', command);
  try {
    await waitFor((t) => t.includes('/help for commands'), 8000);
    assert.match(screen(), /kabar · seeds · 5 articles/);
    run('send-keys', '-t', session, '-l', 'Who met Shoygu?');
    run('send-keys', '-t', session, 'Enter');
    const answered = await waitFor((t) => /\[1\]\s+IslamTimes/.test(t) && /›\s*$/m.test(t.split('Who met Shoygu?')[1] ?? ''), 5000);
    assert.match(answered, /Shoygu/);
    run('send-keys', '-t', session, '-l', '/quit');
    run('send-keys', '-t', session, 'Enter');
    await waitFor((t) => t.includes('EXIT=0'), 3000);
    assert.match(fs.readFileSync(path.join(dir, 'idx', 'history.jsonl'), 'utf8'), /"Who met Shoygu\?"/);
  } finally {
    spawnSync(tmux!, ['kill-session', '-t', session]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TMUX, tmuxSession } from './tmux.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.js');

test(
  'kabar chat in a real terminal: header, a question with sources, quit',
  { skip: TMUX ? false : 'tmux is not installed', timeout: 15_000 },
  async () => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: run npx tsc -p . first');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-chat-'));
    fs.cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    const command = `cd ${JSON.stringify(dir)} && CI=true NO_COLOR=1 node ${JSON.stringify(cli)} chat --corpus seeds --index idx; echo "EXIT=$?"; sleep 10`;
    const term = tmuxSession(`kabar-e2e-${process.pid}`, command);
    try {
      await term.waitFor((t) => t.includes('/help for commands'), 8000);
      assert.match(term.screen(), /kabar · seeds · 5 articles/);
      term.type('Who met Shoygu?');
      const answered = await term.waitFor(
        (t) => /\[1\]\s+IslamTimes/.test(t) && /›\s*$/m.test(t.split('Who met Shoygu?')[1] ?? ''),
        5000,
      );
      assert.match(answered, /Shoygu/);
      term.type('/quit');
      await term.waitFor((t) => t.includes('EXIT=0'), 3000);
      assert.match(fs.readFileSync(path.join(dir, 'idx', 'history.jsonl'), 'utf8'), /"Who met Shoygu\?"/);
    } finally {
      term.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
);

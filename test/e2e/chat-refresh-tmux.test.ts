import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, liveProcess, runCli, storeDir, tempCorpus } from '../helpers.js';
import { TMUX, tmuxSession } from './tmux.js';

test(
  'the chat started while another process refreshes the index says so and answers from the committed index',
  { skip: TMUX ? false : 'tmux is not installed', timeout: 40_000 },
  async (t) => {
    const tmp = tempCorpus();
    t.after(tmp.cleanup);
    const writer = await liveProcess(t, 60);
    assert.equal(runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'index']).code, 0);
    // A running writer holds the index: the lock names a live process; the corpus has an article it has not committed yet.
    fs.writeFileSync(
      path.join(storeDir(tmp.index), 'write.lock'),
      JSON.stringify({ pid: writer.pid, host: os.hostname(), since: Date.now() - 5000, processStart: null }),
    );
    fs.writeFileSync(
      path.join(tmp.corpus, 'widodo.txt'),
      'date 2021-05 ANTARA- Presiden Widodo mengunjungi Surabaya pada hari Senin untuk meresmikan jembatan Suramadu yang baru.',
    );

    const command = `cd ${JSON.stringify(tmp.dir)} && NO_COLOR=1 KABAR_LLM=none KABAR_EMBEDDINGS=hashing node ${JSON.stringify(CLI)} chat --corpus corpus --index index; echo "EXIT=$?"; sleep 10`;
    const chat = tmuxSession(`kabar-refresh-${process.pid}`, command);
    t.after(chat.kill);
    const opened = await chat.waitFor((s) => s.includes('/help for commands'), 20_000);
    assert.match(opened, /being refreshed by another process; answering from the index as it was/);
    assert.match(opened, new RegExp(`pid ${writer.pid}`));
    assert.match(
      opened,
      /kabar · corpus · 5 articles/,
      'the header counts the committed articles, not the one being added',
    );

    chat.type('Who met Shoygu?');
    const answered = await chat.waitFor(
      (s) => /\[1\]\s+IslamTimes/.test(s) && /›\s*$/m.test(s.split('Who met Shoygu?')[1] ?? ''),
      15_000,
    );
    assert.match(answered.split('Who met Shoygu?')[1], /Shoygu/);
    const asked = '› Siapa meresmikan jembatan Suramadu di Surabaya?';
    chat.type(asked.slice(2));
    const after = (s: string) => (s.includes(asked) ? s.slice(s.indexOf(asked) + asked.length) : '');
    const uncommitted = after(await chat.waitFor((s) => /^›\s*$/m.test(after(s)), 15_000));
    assert.match(uncommitted, /tidak menyebutkannya/, 'abstains: the uncommitted article is not seen');
    assert.doesNotMatch(uncommitted, /widodo\.txt|Widodo/);
    chat.type('/quit');
    await chat.waitFor((s) => s.includes('EXIT=0'), 5000);
  },
);

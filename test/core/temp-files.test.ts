import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { removeOrphanTemps } from '../../src/core/temp-files.js';
import { fileHistory } from '../../src/ui/state/input-history.js';
import { liveProcess, ROOT, runCli, tempCorpus } from '../helpers.js';

/** The id of a process that has ended (a killed writer). */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

test("temporary files of killed writers are removed; a running writer's and other files stay", async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const live = await liveProcess(t, 30);
  const file = path.join(tmp.dir, 'report.md');
  const dead = deadPid();
  const names = [`report.md.${dead}.tmp`, `report.md.${live.pid}.tmp`, `other.md.${dead}.tmp`, 'report.md.notes.tmp'];
  for (const name of names) fs.writeFileSync(path.join(tmp.dir, name), 'partial');
  removeOrphanTemps(file);
  assert.deepEqual(
    names.filter((n) => fs.existsSync(path.join(tmp.dir, n))),
    names.slice(1),
  );
});

test('eval --out and the chat history clean the temporary files a killed process left in the index root', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  fs.mkdirSync(tmp.index, { recursive: true });
  const dead = deadPid();
  const report = path.join(tmp.index, 'report.md');
  const history = path.join(tmp.index, 'history.jsonl');
  fs.writeFileSync(`${report}.${dead}.tmp`, '# half a rep');
  fs.writeFileSync(`${history}.${dead}.tmp`, '"half a li');

  const r = runCli([
    '--corpus',
    tmp.corpus,
    '--index',
    tmp.index,
    'eval',
    '--out',
    report,
    path.join(ROOT, 'eval', 'seeds.jsonl'),
  ]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.ok(fs.existsSync(report), 'the report was written');
  assert.equal(fs.existsSync(`${report}.${dead}.tmp`), false, "the killed eval's temporary report is gone");

  fileHistory(tmp.index).load();
  assert.equal(fs.existsSync(`${history}.${dead}.tmp`), false, "the killed chat's temporary history is gone");
  assert.deepEqual(
    fs.readdirSync(tmp.index).filter((f) => f.endsWith('.tmp')),
    [],
  );
});

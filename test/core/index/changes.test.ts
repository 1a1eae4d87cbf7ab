import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { scanCorpus } from '../../../src/core/corpus/scan.js';
import { findChanges } from '../../../src/core/index/changes.js';
import type { ArticleVersion } from '../../../src/core/index/port.js';
import { watchCorpus } from '../../../src/core/index/watch.js';
import { SOURCE_FIXTURES } from '../sources/fixtures.js';

const record = (n: number) =>
  `${JSON.stringify({ id: `r${n}`, title: `Record ${n}`, text: `Story number ${n} happened on a Monday.` })}\n`;

/** What the store would hold after processing `changes` on top of `known`. */
function apply(
  known: Map<string, ArticleVersion>,
  changes: Awaited<ReturnType<typeof findChanges>>,
): Map<string, ArticleVersion> {
  const next = new Map(known);
  for (const id of changes.removed) next.delete(id);
  for (const t of changes.touched) next.set(t.id, t.version);
  for (const w of changes.work) next.set(w.source.id, w.version);
  return next;
}

test('a file that now yields nothing but problems keeps what was indexed from it until it reads again', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-changes-'));
  try {
    const feed = path.join(dir, 'berita.rss');
    const good = fs.readFileSync(path.join(SOURCE_FIXTURES, 'feed.rss'), 'utf8');
    fs.writeFileSync(feed, good);
    const first = await findChanges(scanCorpus(dir), new Map(), []);
    const known = apply(new Map(), first);
    assert.equal(known.size, 2);
    fs.writeFileSync(feed, good.slice(0, good.indexOf('</channel>') - 20));
    const cut = await findChanges(scanCorpus(dir), known, first.skipped);
    assert.deepEqual([cut.work.length, cut.removed.length, cut.unchanged], [0, 0, 2]);
    assert.match(cut.skipped.map((s) => s.reason).join('\n'), /not well-formed XML/);
    fs.writeFileSync(feed, good.replace('38 kilometer', '40 kilometer'));
    const fixed = await findChanges(scanCorpus(dir), known, cut.skipped);
    assert.deepEqual(
      fixed.work.map((w) => w.source.id),
      ['berita.rss:tol-2024'],
    );
    assert.equal(fixed.changed, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a grown archive processes only its new records; unchanged files are not read', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-changes-'));
  try {
    const archive = path.join(dir, 'archive.jsonl');
    fs.writeFileSync(archive, Array.from({ length: 50 }, (_, i) => record(i)).join('') + '{broken\n');
    fs.writeFileSync(path.join(dir, 'note.md'), '---\ntitle: A note\n---\nThe note says something short.\n');
    let known = new Map<string, ArticleVersion>();
    const first = await findChanges(scanCorpus(dir), known, []);
    assert.equal(first.work.length, 51);
    assert.deepEqual(
      first.skipped.map((s) => [s.file, s.line]),
      [['archive.jsonl', 51]],
    );
    assert.match(first.skipped[0].reason, /^the line is not valid JSON/);
    known = apply(known, first);

    const again = await findChanges(scanCorpus(dir), known, first.skipped);
    assert.deepEqual([again.work.length, again.unchanged, again.removed.length, again.touched.length], [0, 51, 0, 0]);
    assert.deepEqual(again.skipped, first.skipped, 'warnings of an unread file are carried over');

    fs.appendFileSync(archive, Array.from({ length: 3 }, (_, i) => record(50 + i)).join(''));
    const grown = await findChanges(scanCorpus(dir), known, again.skipped);
    assert.deepEqual(
      grown.work.map((w) => w.source.id),
      ['archive.jsonl:r50', 'archive.jsonl:r51', 'archive.jsonl:r52'],
    );
    assert.equal(grown.changed, 0);
    assert.equal(grown.unchanged, 51);
    assert.equal(grown.touched.length, 50, "unchanged records record the file's new size");
    known = apply(known, grown);

    fs.writeFileSync(archive, [record(1).replace('Monday', 'Tuesday'), record(2)].join(''));
    fs.rmSync(path.join(dir, 'note.md'));
    const shrunk = await findChanges(scanCorpus(dir), known, grown.skipped);
    assert.deepEqual(
      shrunk.work.map((w) => w.source.id),
      ['archive.jsonl:r1', 'archive.jsonl:r2'],
      'r2 moved to line 2',
    );
    assert.equal(shrunk.changed, 2);
    assert.equal(shrunk.removed.length, 52);
    assert.ok(shrunk.removed.includes('note.md'));
    assert.deepEqual(shrunk.skipped, []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the corpus may be one archive or feed file, or a folder of any mix', async () => {
  const one = scanCorpus(path.join(SOURCE_FIXTURES, 'feed.rss'));
  assert.deepEqual(
    one.map((f) => f.file),
    ['feed.rss'],
  );
  const all = scanCorpus(SOURCE_FIXTURES).map((f) => f.file);
  for (const name of ['archive.csv', 'archive.jsonl', 'feed.atom', 'front-matter.md', 'page.html', 'dateline.txt'])
    assert.ok(all.includes(name), name);
  const changes = await findChanges(scanCorpus(SOURCE_FIXTURES), new Map(), []);
  assert.ok(changes.work.length >= 14);
  assert.ok(changes.skipped.some((s) => s.file === 'no-body.html'));
  assert.throws(() => scanCorpus(path.join(SOURCE_FIXTURES, '..', 'chat-server.ts')), /not a kind of file kabar reads/);
});

test('watching: changes are debounced into one refresh, and refreshes never overlap', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-watch-'));
  const controller = new AbortController();
  let refreshes = 0;
  let active = 0;
  let overlapped = false;
  const refresh = async () => {
    active++;
    overlapped ||= active > 1;
    refreshes++;
    await new Promise((r) => setTimeout(r, 150));
    active--;
  };
  const watching = watchCorpus(dir, refresh, { debounceMs: 100, signal: controller.signal });
  try {
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(dir, `a${i}.txt`), 'Some article text here.');
    fs.writeFileSync(path.join(dir, 'ignored.png'), 'not an article');
    await new Promise((r) => setTimeout(r, 900));
    assert.equal(refreshes, 1);
    fs.appendFileSync(path.join(dir, 'a0.txt'), ' More.');
    await new Promise((r) => setTimeout(r, 900));
    assert.equal(refreshes, 2);
    assert.equal(overlapped, false);
  } finally {
    controller.abort();
    await watching;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('watching a corpus of more files than the system lets a program watch: told once, then listed every pollMs, and a change refreshes', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-watch-'));
  fs.writeFileSync(path.join(dir, 'a.txt'), 'Some article text here.');
  const controller = new AbortController();
  const warnings: string[] = [];
  let refreshes = 0;
  // A watcher that fails as chokidar does when inotify's limit is reached, before it is ready.
  const failing = () => {
    const listeners = new Map<string, ((error?: unknown) => void)[]>();
    const on = (event: string, listener: (error?: unknown) => void) =>
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    setTimeout(() => {
      const error = Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), {
        code: 'ENOSPC',
      });
      for (let i = 0; i < 2; i++) for (const listener of listeners.get('error') ?? []) listener(error);
    }, 10);
    return { on, once: on, close: async () => {} };
  };
  let ready = false;
  const watching = watchCorpus(dir, async () => void refreshes++, {
    debounceMs: 50,
    pollMs: 200,
    signal: controller.signal,
    watch: failing,
    onWarning: (message) => warnings.push(message),
    onReady: () => (ready = true),
  });
  // Listing runs on a worker thread, which takes a while to start on a busy machine.
  const until = async (done: () => boolean) => {
    for (const deadline = Date.now() + 10_000; !done() && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 50));
  };
  try {
    await until(() => ready);
    assert.equal(ready, true);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /every 0 s.*fs\.inotify\.max_user_watches/);
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(refreshes, 0, 'an unchanged listing does not refresh');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Another article text here.');
    await until(() => refreshes > 0);
    assert.equal(refreshes, 1);
  } finally {
    controller.abort();
    await watching;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

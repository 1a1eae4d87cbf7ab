import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { CLI, ROOT, runCli, runCliAsync, storeDir, tempCorpus } from '../helpers.js';
import { openaiEnv, pieces, purposeOf, startChatServer, type ChatServer } from '../fixtures/chat-server.js';
import { admin, scratchDatabase, SKIP_SERVER_TESTS } from '../core/index/postgres/pg-server.js';

// Issue #25: every fault has a way out. Each test is one numbered case, run on the built CLI.

test('case 1: a feed declaring entities is a named skip; index, ask, search and show still work', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  const feed = (doctype: string) =>
    `<?xml version="1.0"?><!DOCTYPE r [${doctype}]><rss version="2.0"><channel><item><guid>1</guid>` +
    `<description>t &x;</description></item></channel></rss>`;
  fs.writeFileSync(path.join(tmp.corpus, 'external.rss'), feed('<!ENTITY x SYSTEM "file:///etc/passwd">'));
  fs.writeFileSync(path.join(tmp.corpus, 'internal.rss'), feed(`<!ENTITY x "${'a'.repeat(12_000)}">`));

  const index = runCli([...base, 'index']);
  assert.equal(index.code, 0, index.stderr);
  assert.match(index.stderr, /external\.rss line 1: the feed declares XML entities, which kabar does not read/);
  assert.match(index.stderr, /internal\.rss line 1: the feed declares XML entities/);
  assert.doesNotMatch(index.stderr + index.stdout, /root:/);
  for (const command of [
    ['ask', 'Who did Sergey Lavrov meet in China?'],
    ['search', 'Lavrov'],
  ]) {
    const run = runCli([...base, ...command]);
    assert.equal(run.code, 0, run.stderr);
  }
  const hit = JSON.parse(runCli([...base, 'search', '--json', 'Lavrov']).stdout).hits[0];
  const show = runCli([...base, 'show', hit.id]);
  assert.equal(show.code, 0, show.stderr);
});

/** Applies `damage` to a freshly built index of the seeds; returns the CLI's base arguments and the store folder. */
function damagedIndex(t: { after: (fn: () => void) => void }, damage: (store: string) => void) {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  assert.equal(runCli([...base, 'index']).code, 0);
  const store = storeDir(tmp.index);
  damage(store);
  return { base, store };
}

const inDatabase = (sql: string) => (store: string) => {
  const db = new Database(path.join(store, 'kabar.db'));
  db.exec(sql);
  db.close();
};

const QUESTION = 'Who did Sergey Lavrov meet in China?';

test('case 3: a damaged database is rebuilt with a warning, and kabar index --rebuild always works', async (t) => {
  const damages: [string, (store: string) => void, RegExp][] = [
    ['manifest not JSON', inDatabase("UPDATE meta SET value = '{x' WHERE key = 'manifest'"), /it is unreadable/],
    ['passages dropped', inDatabase('DROP TABLE passages'), /its table passages is missing/],
    ['postings dropped', inDatabase('DROP TABLE postings'), /its table postings is missing/],
    ['checkpoints dropped', inDatabase('DROP TABLE checkpoints'), /its table checkpoints is missing/],
  ];
  for (const [name, damage, said] of damages) {
    await t.test(name, (t) => {
      const { base } = damagedIndex(t, damage);
      const ask = runCli([...base, 'ask', QUESTION]);
      assert.equal(ask.code, 0, ask.stderr);
      assert.match(ask.stderr, said);
      assert.match(ask.stdout, /Abdollahian/);
      const again = damagedIndex(t, damage);
      const rebuild = runCli([...again.base, 'index', '--rebuild']);
      assert.equal(rebuild.code, 0, rebuild.stderr);
      assert.equal(runCli([...again.base, 'ask', QUESTION]).code, 0);
    });
  }
  await t.test('the write lock is a folder', (t) => {
    const { base } = damagedIndex(t, (store) => fs.mkdirSync(path.join(store, 'write.lock')));
    const rebuild = runCli([...base, 'index', '--rebuild']);
    assert.equal(rebuild.code, 0, rebuild.stderr);
    assert.match(rebuild.stderr, /the index lock must be a file/);
  });
  await t.test('the embedder folder is a file', (t) => {
    const { base } = damagedIndex(t, (store) => {
      fs.rmSync(store, { recursive: true });
      fs.writeFileSync(store, 'x');
    });
    const ask = runCli([...base, 'ask', QUESTION]);
    assert.equal(ask.code, 2);
    assert.match(ask.stderr, /^kabar: The index folder .* is a file, not a folder\. Run kabar index --rebuild/);
    const rebuild = runCli([...base, 'index', '--rebuild']);
    assert.equal(rebuild.code, 0, rebuild.stderr);
    assert.equal(runCli([...base, 'ask', QUESTION]).code, 0);
  });
});

test('case 4: a damaged or missing vector graph is warned, and saved again by the next kabar index', async (t) => {
  const graphFile = (store: string) =>
    path.join(
      store,
      fs.readdirSync(store).find((f) => /^vectors-\d+\.hnsw$/.test(f))!,
    );
  const damages: [string, (store: string) => void, RegExp][] = [
    [
      'damaged',
      (store) => {
        const fd = fs.openSync(graphFile(store), 'r+');
        fs.writeSync(fd, 'garbage', 200);
        fs.closeSync(fd);
      },
      /vectors-\d+\.hnsw is damaged/,
    ],
    ['missing', (store) => fs.rmSync(graphFile(store)), /vectors-\d+\.hnsw is missing/],
  ];
  for (const [name, damage, said] of damages) {
    await t.test(name, (t) => {
      const { base, store } = damagedIndex(t, damage);
      const index = runCli([...base, 'index']);
      assert.equal(index.code, 0, index.stderr);
      assert.match(index.stderr, said);
      assert.match(index.stderr, /Saved the vector graph again/);
      assert.ok(fs.existsSync(graphFile(store)));
      const search = runCli([...base, 'search', 'Lavrov']);
      assert.equal(search.code, 0, search.stderr);
      assert.equal(search.stderr, '', 'repaired: no warning any more');
    });
  }
  await t.test('a reader warns about a missing graph file', (t) => {
    const { base } = damagedIndex(t, (store) => fs.rmSync(graphFile(store)));
    const search = runCli([...base, 'search', 'Lavrov']);
    assert.equal(search.code, 0, search.stderr);
    assert.match(search.stderr, /The vector graph vectors-\d+\.hnsw is missing/);
  });
});

/** Makes `dirs` read-only (recursively); root writes anyway, so as root the CLI runs as the user nobody. */
function readOnlyRunner(dirs: string[]) {
  for (const dir of dirs) spawnSync('chmod', ['-R', 'a-w', dir]);
  const root = process.getuid?.() === 0;
  return (args: string[]) => {
    const command = root
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args]
      : [process.execPath, CLI, ...args];
    const result = spawnSync(command[0], command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', KABAR_LLM: 'none', KABAR_EMBEDDINGS: 'hashing' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

const hasSetpriv = spawnSync('setpriv', ['--help']).status === 0;

test(
  'case 7: a read-only index answers ask, search, show, cite and eval with a warning; config says what it can do',
  {
    skip: process.getuid?.() === 0 && !hasSetpriv ? 'running as root without setpriv' : false,
  },
  (t) => {
    const tmp = tempCorpus();
    t.after(() => {
      spawnSync('chmod', ['-R', 'u+w', tmp.dir]);
      tmp.cleanup();
    });
    fs.chmodSync(tmp.dir, 0o755);
    const base = ['--corpus', tmp.corpus, '--index', tmp.index];
    assert.equal(runCli([...base, 'index']).code, 0);
    const id = JSON.parse(runCli([...base, 'search', '--json', 'Lavrov']).stdout).hits[0].id as string;
    const questions = path.join(tmp.dir, 'questions.jsonl');
    fs.writeFileSync(questions, JSON.stringify({ question: QUESTION, answers: ['Hossein Amir Abdollahian'] }) + '\n');
    fs.writeFileSync(path.join(tmp.corpus, 'new.txt'), 'Sebuah artikel baru yang belum diindeks.');
    const run = readOnlyRunner([tmp.index, tmp.corpus]);

    for (const command of [
      ['ask', QUESTION],
      ['search', 'Lavrov'],
      ['show', id],
      ['cite', 'Lavrov bertemu dengan timpalannya dari Iran'],
      ['eval', questions],
    ]) {
      const result = run([...base, ...command]);
      assert.equal(result.code, 0, `${command[0]}: ${result.stderr}`);
      assert.match(result.stderr, /is read-only: answering from it as it is, which may be out of date\./, command[0]);
    }
    const index = run([...base, 'index']);
    assert.equal(index.code, 2);
    assert.match(
      index.stderr,
      /^kabar: The index in .* cannot be written \(the folder is read-only\)\. Make it writable/m,
    );
    const config = run([...base, 'config']);
    assert.match(config.stdout, /read-only: commands answer from it as it is, kabar index cannot update it/);

    const elsewhere = ['--corpus', tmp.corpus, '--index', path.join(tmp.index, 'new', 'place')];
    const create = run([...elsewhere, 'search', 'Lavrov']);
    assert.equal(create.code, 2);
    assert.match(create.stderr, /^kabar: The index folder .* cannot be created: .* is not writable\./);
    assert.match(run([...elsewhere, 'config']).stdout, /FAIL\s+index\s+The index folder .* cannot be created/);
  },
);

test('case 9: a lock with an impossible pid or from another host long ago names kabar index --break-lock, which clears it', async (t) => {
  const hour = 3600_000;
  const locks: [string, object, RegExp][] = [
    ['pid 0', { pid: 0, host: os.hostname(), since: Date.now() - 5000 }, /No process can have pid 0/],
    ['pid -1', { pid: -1, host: os.hostname(), since: Date.now() - 5000 }, /No process can have pid -1/],
    [
      'another host, days ago',
      { pid: 4242, host: 'elsewhere.example', since: Date.now() - 499_051 * hour },
      /kabar cannot see processes on elsewhere\.example: if no kabar index runs there/,
    ],
  ];
  for (const [name, owner, said] of locks) {
    await t.test(name, (t) => {
      const { base, store } = damagedIndex(t, (store) =>
        fs.writeFileSync(path.join(store, 'write.lock'), JSON.stringify({ ...owner, processStart: null })),
      );
      fs.writeFileSync(path.join(base[1], 'new.txt'), 'Sebuah artikel baru tentang banjir di Jakarta.');
      const index = runCli([...base, 'index']);
      assert.equal(index.code, 2, index.stderr);
      assert.match(index.stderr, said);
      assert.match(index.stderr, /clear the lock with kabar index --break-lock\.$/m);
      const broken = runCli([...base, 'index', '--break-lock']);
      assert.equal(broken.code, 0, broken.stderr);
      assert.match(broken.stderr, /Removed the index lock in .* \(held by pid -?\d+ on [\w.]+\)\./);
      assert.match(broken.stdout, /1 added/);
      assert.equal(fs.existsSync(path.join(store, 'write.lock')), false);
    });
  }
  await t.test('a lock from another host a minute ago: wait', (t) => {
    const { base, store } = damagedIndex(t, (store) =>
      fs.writeFileSync(
        path.join(store, 'write.lock'),
        JSON.stringify({ pid: 4242, host: 'elsewhere.example', since: Date.now() - 60_000, processStart: null }),
      ),
    );
    fs.writeFileSync(path.join(base[1], 'new.txt'), 'Sebuah artikel baru tentang banjir di Jakarta.');
    const index = runCli([...base, 'index']);
    assert.equal(index.code, 2);
    assert.match(index.stderr, /Wait for it to finish/);
    assert.ok(fs.existsSync(path.join(store, 'write.lock')));
  });
});

/** ESC, BEL and the other controls that can start or end a terminal escape sequence. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('case 8: a YAML warning and an eval report never carry raw escape bytes', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  fs.writeFileSync(
    path.join(tmp.corpus, 'tagged.md'),
    '---\ntitle: !weird "Judul \u001b[31mmerah\u0007"\n---\nBanjir besar melanda kota Semarang pada hari Senin.\n',
  );
  for (const flags of [['-q'], []]) {
    const index = runCli([...base, ...flags, 'index']);
    assert.equal(index.code, 0, index.stderr);
    assert.doesNotMatch(index.stderr, RAW_CONTROL);
    assert.doesNotMatch(index.stderr, /YAMLWarning/);
  }
  const questions = path.join(tmp.dir, 'questions.jsonl');
  fs.writeFileSync(
    questions,
    JSON.stringify({
      question: 'Siapa \u001b]0;x\u0007 bertemu Lavrov di \u001b[31mChina?',
      answers: ['Wang Yi'],
      sources: ['a\u001b[2Jb.txt'],
    }) + '\n',
  );
  const report = path.join(tmp.dir, 'report.md');
  const evaluation = runCli([...base, 'eval', questions, '--out', report]);
  assert.equal(evaluation.code, 0, evaluation.stderr);
  const written = fs.readFileSync(report, 'utf8');
  assert.doesNotMatch(written, RAW_CONTROL);
  assert.match(written, /Siapa ␛\]0;x␇ bertemu Lavrov/);
});

const KEY = 'sk-kabar-secret-0123456789';

/** The environment that points kabar at the scripted OpenAI-compatible `server`, with the key above. */
const openaiAt = (server: ChatServer) => openaiEnv(server, KEY, 10_000);

/** Asks the question through `server` on a fresh copy of the seeds. */
async function askThrough(server: ChatServer, args: string[]) {
  const tmp = tempCorpus();
  try {
    return await runCliAsync(['--corpus', tmp.corpus, '--index', tmp.index, 'ask', ...args, QUESTION], {
      env: openaiAt(server),
    });
  } finally {
    tmp.cleanup();
  }
}

test('case 2: a malformed stream line is one sentence, and no library or model prints the key or raw bytes', async (t) => {
  const malformed = await startChatServer((request) =>
    purposeOf(request) === 'answer'
      ? { chunks: ['Hossein '], raw: [`data: {\u001b]0;x\u0007 Authorization: Bearer ${KEY}`] }
      : { chunks: [`id: ${QUESTION}\nen: ${QUESTION}`] },
  );
  t.after(() => malformed.close());
  const broken = await askThrough(malformed, []);
  assert.equal(broken.code, 2, broken.stderr);
  assert.match(broken.stderr, /^kabar: The chat server at .* sent a stream line that is not JSON\./m);
  for (const output of [broken.stdout, broken.stderr]) {
    assert.doesNotMatch(output, RAW_CONTROL);
    assert.ok(!output.includes(KEY), output);
    assert.doesNotMatch(output, /Could not parse message/);
  }

  const echo = await startChatServer((request) =>
    purposeOf(request) === 'answer'
      ? { chunks: pieces(`Lavrov met Hossein Amir Abdollahian [1]. Your key is ${KEY} [1].`) }
      : { chunks: [`id: ${QUESTION}\nen: ${QUESTION}`] },
  );
  t.after(() => echo.close());
  for (const flags of [[], ['--json']]) {
    const answer = await askThrough(echo, flags);
    assert.equal(answer.code, 0, answer.stderr);
    assert.ok(!(answer.stdout + answer.stderr).includes(KEY), answer.stdout);
    assert.match(answer.stdout, /\[redacted\]/);
  }
});

test('case 11: an article, a model reply, a quote and a question over their size limits are each one clear sentence', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const base = ['--corpus', tmp.corpus, '--index', tmp.index];
  fs.writeFileSync(path.join(tmp.corpus, 'huge.txt'), 'Banjir melanda kota. '.repeat(1_200_000));
  const index = runCli([...base, 'index']);
  assert.equal(index.code, 0, index.stderr);
  assert.match(
    index.stderr,
    /Skipped huge\.txt: the article's text is 25,200,000 characters, over kabar's limit of 25,000,000/,
  );

  const question = runCli([...base, 'ask', `Siapa ${'yang '.repeat(600)}bertemu Lavrov?`]);
  assert.equal(question.code, 2);
  assert.match(
    question.stderr,
    /^kabar: The question is 3,021 characters long; kabar takes questions of up to 2,000\./,
  );

  const quote = runCli([...base, 'cite', 'Lavrov bertemu. '.repeat(700)]);
  assert.equal(quote.code, 2);
  assert.match(
    quote.stderr,
    /^kabar: The quote is 11,199 characters long; kabar cite looks up quotes of up to 10,000\./,
  );

  const flood = await startChatServer((request) =>
    purposeOf(request) === 'answer'
      ? { chunks: Array.from({ length: 120 }, () => 'kata '.repeat(200)) }
      : { chunks: [`id: ${QUESTION}\nen: ${QUESTION}`] },
  );
  t.after(() => flood.close());
  const reply = await runCliAsync([...base, 'ask', QUESTION], { env: openaiAt(flood) });
  assert.equal(reply.code, 2, reply.stderr);
  assert.match(reply.stderr, /passed kabar's limit of 100,000 characters and was cut off there\./);

  const failing = await startChatServer(() => ({ status: 500, error: 'upstream exploded' }));
  t.after(() => failing.close());
  const config = await runCliAsync([...base, 'config'], { env: openaiAt(failing) });
  assert.equal(config.code, 1);
  assert.match(config.stdout, /FAIL\s+OpenAI server\s+.* answers but is failing \(HTTP 500\)/);
});

/** Mounts a small tmpfs at `dir` (root only); false when the system does not allow it. */
function mountSmall(dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]).status === 0;
}

const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-mount-'));
  const ok = mountSmall(probe);
  if (ok) spawnSync('umount', [probe]);
  fs.rmSync(probe, { recursive: true, force: true });
  return ok;
})();

test(
  'case 10: a disk that fills after the commit: the message says what was saved, no partial graph file, the next index finishes',
  {
    skip: canMount ? false : 'needs root to mount a small tmpfs',
  },
  (t) => {
    const tmp = tempCorpus();
    const disk = path.join(tmp.dir, 'disk');
    t.after(() => {
      spawnSync('umount', [disk]);
      tmp.cleanup();
    });
    const base = ['--corpus', tmp.corpus, '--index', path.join(disk, 'index')];
    const graphFiles = (store: string) => fs.readdirSync(store).filter((f) => /vectors-\d+\.hnsw/.test(f));
    // The room the commit needs but the graph does not get is found by trying: a fresh index each time.
    for (let free = 40; free <= 400; free += 8) {
      spawnSync('umount', [disk]);
      assert.ok(mountSmall(disk));
      fs.rmSync(path.join(tmp.corpus, 'new.txt'), { force: true });
      assert.equal(runCli([...base, 'index']).code, 0);
      const store = storeDir(path.join(disk, 'index'));
      for (const file of graphFiles(store)) fs.rmSync(path.join(store, file));
      fs.writeFileSync(path.join(tmp.corpus, 'new.txt'), 'Banjir rob merendam Muara Angke pada hari Selasa.');
      const available = Number(
        spawnSync('df', ['-k', '--output=avail', disk], { encoding: 'utf8' }).stdout.split('\n')[1],
      );
      fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, available - free) * 1024));
      const full = runCli([...base, 'index']);
      if (!/could not be saved/.test(full.stderr)) {
        assert.ok(full.code === 0 || /No space left/.test(full.stderr), full.stderr);
        continue;
      }
      assert.equal(full.code, 2);
      assert.match(
        full.stderr,
        /^kabar: The index in .* is up to date, but its vector graph could not be saved: no space left on the device\. Free space and run kabar index/m,
      );
      assert.deepEqual(graphFiles(store), [], 'no partial graph file');
      const search = runCli([...base, 'search', 'Muara Angke']);
      assert.equal(search.code, 0, search.stderr);
      assert.match(search.stdout, /new\.txt/, 'the articles were committed');
      fs.rmSync(path.join(disk, 'filler'));
      const next = runCli([...base, 'index']);
      assert.equal(next.code, 0, next.stderr);
      // The next command to find room saves it: the search, or this index.
      assert.match(search.stderr + next.stderr, /Saved the vector graph again/);
      assert.match(next.stdout, /0 added/);
      assert.equal(graphFiles(store).length, 1);
      return;
    }
    assert.fail('no free space between 40 and 400 KB let the commit through and failed the graph');
  },
);

/** Two corpora: the seeds, and three articles of their own. */
function twoCorpora(t: { after: (fn: () => void) => void }) {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const other = path.join(tmp.dir, 'other');
  fs.mkdirSync(other);
  for (const n of [1, 2, 3])
    fs.writeFileSync(
      path.join(other, `other-${n}.txt`),
      `Banjir rob nomor ${n} merendam Muara Angke pada hari Selasa.`,
    );
  return { first: tmp.corpus, other, index: tmp.index };
}

const articlesIn = (corpus: string, index: string): number =>
  JSON.parse(runCli(['--corpus', corpus, '--index', index, 'info', '--json']).stdout).indexes[0].counts.articles;

test('case 6 (local store): an index mirrors one corpus; a writer with another refuses in one sentence instead of deleting', async (t) => {
  await t.test('one after the other', (t) => {
    const { first, other, index } = twoCorpora(t);
    assert.equal(runCli(['--corpus', first, '--index', index, 'index']).code, 0);
    for (const command of [['index'], ['ask', QUESTION]]) {
      const refused = runCli(['--corpus', other, '--index', index, ...command]);
      assert.equal(refused.code, 2, refused.stderr);
      assert.match(
        refused.stderr,
        /^kabar: This index mirrors the corpus .*corpus, not .*other\. Use another --index .* or run kabar index --rebuild/m,
      );
    }
    assert.equal(articlesIn(first, index), 5, 'the first corpus keeps its articles');
    const rebuilt = runCli(['--corpus', other, '--index', index, 'index', '--rebuild']);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    assert.equal(articlesIn(other, index), 3);
  });
  await t.test('two writers at once', async (t) => {
    const { first, other, index } = twoCorpora(t);
    const [a, b] = await Promise.all([
      runCliAsync(['--corpus', first, '--index', index, 'index']),
      runCliAsync(['--corpus', other, '--index', index, 'index']),
    ]);
    const codes = [a.code, b.code].sort();
    assert.deepEqual(codes, [0, 2], `${a.stderr}\n${b.stderr}`);
    const winner = a.code === 0 ? first : other;
    assert.equal(articlesIn(winner, index), winner === first ? 5 : 3, 'one corpus, whole');
  });
});

test(
  'case 6 (PostgreSQL): a server index mirrors one corpus; writers with another, one after the other or at once, are refused',
  { skip: SKIP_SERVER_TESTS },
  async (t) => {
    const db = await scratchDatabase();
    t.after(() => db.drop());
    const { first, other, index } = twoCorpora(t);
    const held = (url: string, corpus: string) =>
      JSON.parse(runCli(['--corpus', corpus, '--index', index, 'info', '--json'], { env: { KABAR_STORE: url } }).stdout)
        .indexes[0].counts.articles as number;

    const on = { KABAR_STORE: db.url };
    assert.equal(runCli(['--corpus', first, '--index', index, 'index'], { env: on }).code, 0);
    const refused = runCli(['--corpus', other, '--index', index, 'index'], { env: on });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /^kabar: This index mirrors the corpus .*corpus, not .*other\./m);
    assert.equal(held(db.url, first), 5);

    // At once on an empty server index: whichever commits first, the other is refused and nothing is mixed.
    for (let run = 0; run < 3; run++) {
      const empty = await scratchDatabase();
      t.after(() => empty.drop());
      const env = { KABAR_STORE: empty.url };
      const results = await Promise.all([
        runCliAsync(['--corpus', first, '--index', index, 'index'], { env }),
        runCliAsync(['--corpus', other, '--index', index, 'index'], { env }),
      ]);
      assert.deepEqual(results.map((r) => r.code).sort(), [0, 2], results.map((r) => r.stderr).join('\n'));
      assert.match(results.find((r) => r.code === 2)!.stderr, /This index mirrors the corpus/);
      const winner = results[0].code === 0 ? first : other;
      assert.equal(held(empty.url, winner), winner === first ? 5 : 3, 'one corpus, whole');
    }
  },
);

test(
  'case 5 (PostgreSQL): a dropped table, index schema or registry is one sentence, and kabar index --rebuild repairs it',
  {
    skip: SKIP_SERVER_TESTS,
  },
  async (t) => {
    const drops: [string, RegExp][] = [
      ['DROP TABLE kabar_1.passages', /its table kabar_1\.passages is missing/],
      ['DROP SCHEMA kabar_1 CASCADE', /its schema kabar_1 is missing/],
      ['DROP TABLE kabar.indexes', /kabar's registry table kabar\.indexes is missing/],
    ];
    for (const [drop, said] of drops) {
      await t.test(drop, async (t) => {
        const db = await scratchDatabase();
        t.after(() => db.drop());
        const tmp = tempCorpus();
        t.after(tmp.cleanup);
        const kabar = (args: string[]) =>
          runCli(['--corpus', tmp.corpus, '--index', tmp.index, ...args], { env: { KABAR_STORE: db.url } });
        assert.equal(kabar(['index']).code, 0);
        await admin(drop, [], db.url);
        for (const command of [['ask', QUESTION], ['search', 'Lavrov'], ['index']]) {
          const damaged = kabar(command);
          assert.equal(damaged.code, 2, damaged.stderr);
          assert.match(damaged.stderr, said);
          assert.match(
            damaged.stderr,
            /^kabar: The index .* on the PostgreSQL server is damaged: .* Run kabar index --rebuild/m,
          );
        }
        const rebuilt = kabar(['index', '--rebuild']);
        assert.equal(rebuilt.code, 0, rebuilt.stderr);
        assert.match(rebuilt.stderr, /Discarding/);
        const ask = kabar(['ask', QUESTION]);
        assert.equal(ask.code, 0, ask.stderr);
        assert.match(ask.stdout, /Abdollahian/);
      });
    }
  },
);

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { listCorpus, listCorpusOffThread } from '../../../src/core/corpus/listing.js';
import { isUserError } from '../../../src/core/errors.js';
import { tempCorpus } from '../../helpers.js';

test('a listing made on a worker thread is the one made here: digest, files and skips', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  fs.mkdirSync(path.join(tmp.corpus, 'sub'));
  fs.writeFileSync(path.join(tmp.corpus, 'sub', 'b.md'), '# B\n\nDua.');
  fs.symlinkSync(path.join(tmp.corpus, 'sub', 'b.md'), path.join(tmp.corpus, 'link.txt'));
  const here = listCorpus(tmp.corpus);
  const there = await listCorpusOffThread(tmp.corpus);
  assert.equal(there.digest, here.digest);
  assert.deepEqual(there.files(), here.files());
  assert.deepEqual(there.skips, here.skips);
  assert.equal(here.skips.length, 1, 'the symbolic link');
  assert.ok(here.files().some((f) => f.file === 'sub/b.md'));
});

test('a missing or empty corpus is the same user error from the worker', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const empty = path.join(tmp.corpus, 'empty');
  fs.mkdirSync(empty);
  for (const dir of [path.join(tmp.corpus, 'nothing-here'), empty]) {
    let expected: unknown;
    try {
      listCorpus(dir);
    } catch (error) {
      expected = error;
    }
    await assert.rejects(listCorpusOffThread(dir), (error) => {
      assert.ok(isUserError(error) && isUserError(expected));
      assert.deepEqual([error.code, error.message, error.hint], [expected.code, expected.message, expected.hint]);
      return true;
    });
  }
});

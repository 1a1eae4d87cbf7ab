import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine, type EngineOptions } from '../../../src/core/engine.js';
import { collectAnswer } from '../../../src/core/answer/collect.js';
import { describeError, UserError } from '../../../src/core/errors.js';
import { openLocalStore } from '../../../src/core/index/local/sqlite-store.js';
import type { Store, StoreTransaction } from '../../../src/core/index/port.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import { tempCorpus } from '../../helpers.js';

/**
 * The local store, with a device that fills up while it saves: the first article written is written,
 * the second fails the way a full disk fails (`code`: ENOSPC from the file system, SQLITE_FULL from SQLite).
 */
const fillingUp =
  (code: string): NonNullable<EngineOptions['openStore']> =>
  async (dir, options) => {
    const store = await openLocalStore(dir, options);
    let written = 0;
    const failing = (tx: StoreTransaction): StoreTransaction => ({
      upsert: async (article) => {
        if (++written > 1) throw Object.assign(new Error(`${code}: no space left on device, write`), { code });
        await tx.upsert(article);
      },
      delete: (id) => tx.delete(id),
      clear: () => tx.clear(),
      touch: (id, version) => tx.touch(id, version),
      setSkipped: (skipped) => tx.setSkipped(skipped),
      setManifest: (manifest) => tx.setManifest(manifest),
    });
    return new Proxy(store, {
      get(target, key) {
        if (key === 'write')
          return (work: (tx: StoreTransaction) => Promise<unknown>) => target.write((tx) => work(failing(tx)));
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
  };

for (const code of ['ENOSPC', 'SQLITE_FULL']) {
  test(`a disk that fills up while saving (${code}): one sentence and exit 2 for index; readers answer from the index as it was`, async (t) => {
    const tmp = tempCorpus();
    t.after(tmp.cleanup);
    const config = loadConfig({}, { corpus: tmp.corpus, index: tmp.index });
    const open = (extra: Partial<EngineOptions> = {}) =>
      openEngine({ config, embedder: createHashingEmbedder(), ...extra });
    await (await open({ writer: true })).close();
    for (const name of ['widodo.txt', 'surabaya.txt']) {
      fs.writeFileSync(
        path.join(tmp.corpus, name),
        'date 2021-05 ANTARA- Presiden Widodo mengunjungi Surabaya pada hari Senin untuk meresmikan jembatan. '.repeat(
          20,
        ),
      );
    }

    await assert.rejects(open({ writer: true, openStore: fillingUp(code) }), (error: unknown) => {
      assert.ok(error instanceof UserError, `a UserError, not ${String(error)}`);
      assert.equal(error.code, 'DISK_FULL');
      assert.equal(error.exitCode, 2);
      assert.match(
        describeError(error),
        /^No space left on the device holding the index \(.*\); free space or use --index DIR\.$/,
      );
      return true;
    });
    const store = fs
      .readdirSync(tmp.index)
      .map((d) => path.join(tmp.index, d))
      .find((d) => fs.statSync(d).isDirectory())!;
    assert.deepEqual(
      fs.readdirSync(store).filter((f) => f === 'write.lock' || f.endsWith('.tmp')),
      [],
      'no lock or temporary file is left',
    );

    const warnings: string[] = [];
    const reader = await open({ openStore: fillingUp(code), onWarning: (w) => warnings.push(w) });
    t.after(() => reader.close());
    assert.match(
      warnings.join('\n'),
      /No space left on the device holding the index .* Answering from the index as it was\./,
    );
    assert.equal(
      (await reader.store.counts()).articles,
      5,
      'nothing of the failed save is visible: it was rolled back whole',
    );
    assert.equal(
      (await reader.search('Widodo Surabaya jembatan')).hits.some((h) => h.passage.file.startsWith('widodo')),
      false,
    );
    const answer = await collectAnswer(reader.ask('Who met Shoygu?'));
    assert.match(answer.support?.text ?? '', /Shoygu/, 'answered from the sentence that names him');

    const freed = await open({ writer: true });
    t.after(() => freed.close());
    assert.equal(freed.refresh.articles, 7, 'with space again, the next index saves everything');
  });
}

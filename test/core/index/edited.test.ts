import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../../src/core/config/config.js';
import { openEngine } from '../../../src/core/engine.js';
import { passageContext } from '../../../src/core/index/context.js';
import { createHashingEmbedder } from '../../../src/providers/embeddings/hashing.js';
import { tempCorpus } from '../../helpers.js';

test('an article edited with the same size and modification time is re-read before its text is shown', async (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const open = () =>
    openEngine({ config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }), embedder: createHashingEmbedder() });
  const file = path.join(tmp.corpus, '002_aa04c277c35a0562.txt');
  const when = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, when, when);
  await (await open()).close();
  const before = fs.readFileSync(file, 'utf8');
  const edited = before.replace('Lavrov', 'Lavrof'); // same length
  assert.notEqual(edited, before);
  fs.writeFileSync(file, edited);
  fs.utimesSync(file, when, when);
  const engine = await open();
  assert.equal(engine.refresh.changed, 0, 'size and time did not change: refresh cannot tell');
  const found = (await engine.store.lexical([{ term: 'lavrov', weight: 1, fuzzy: 0 }], 50)).find((h) =>
    h.id.startsWith('002_'),
  )!;
  const shown = await passageContext(engine, found.id);
  assert.equal(shown.text, edited.slice(shown.start, shown.end), 'show prints the file as it is now');
  const { hits } = await engine.search('Lavrof Abdollahian');
  for (const h of hits.filter((x) => x.passage.file === '002_aa04c277c35a0562.txt'))
    assert.equal(h.passage.text, edited.slice(h.passage.start, h.passage.end));
  await engine.close();
});

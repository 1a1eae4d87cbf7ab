import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../../../helpers.js';

test('kabar doctor checks that the neural reader model loads when it is the chosen reader', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const chosen = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'doctor'], { env: { KABAR_READER: 'neural' } });
  assert.match(chosen.stdout, /ok\s+reader model\s+.*reader\.onnx loads/);
  const other = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'doctor'], { env: { KABAR_READER: 'features' } });
  assert.doesNotMatch(other.stdout, /reader model/);
  const wrong = runCli(['--corpus', tmp.corpus, '--index', tmp.index, 'doctor'], { env: { KABAR_READER: 'bert' } });
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /KABAR_READER=bert is not a known choice/);
});

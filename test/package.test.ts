import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

test(
  'npm reads the project configuration without an "Unknown project config" warning',
  { skip: spawnSync('npm', ['--version']).status === 0 ? false : 'npm is not on the PATH' },
  () => {
    const result = spawnSync('npm', ['pkg', 'get', 'name'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /Unknown project config/);
  },
);

test("the install skips onnxruntime-node's CUDA download and still builds the native modules", () => {
  const { allowScripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    allowScripts: Record<string, boolean>;
  };
  assert.equal(allowScripts['onnxruntime-node'], false);
  assert.equal(allowScripts['better-sqlite3'], true);
  assert.equal(allowScripts['hnswlib-node'], true);
  assert.match(
    fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8'),
    /ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm install/,
    'older npm, which ignores allowScripts, is told too',
  );
});

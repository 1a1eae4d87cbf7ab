import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, ROOT, runCli } from '../helpers.js';

/** The packages the CLI imports for `args`. */
function importsOf(args: string[]): string[] {
  const result = spawnSync(
    process.execPath,
    ['--import', path.join(ROOT, 'test/fixtures/record-imports.mjs'), CLI, ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  assert.equal(result.status, 0, result.stderr);
  return [...result.stderr.matchAll(/^import: (.+)$/gm)].map((m) => m[1]);
}

const HEAVY = /^(@langchain\/|langchain|ink|react|hnswlib-node|minisearch|@huggingface\/)/;

test('--version and every --help load no model, index or UI library', () => {
  for (const args of [
    ['--version'],
    ['--help'],
    ['ask', '--help'],
    ['chat', '--help'],
    ['eval', '--help'],
    ['search', '--help'],
    ['cite', '--help'],
  ]) {
    const heavy = importsOf(args).filter((name) => HEAVY.test(name));
    assert.deepEqual(heavy, [], `kabar ${args.join(' ')}`);
  }
});

test('subcommand help lists the global flags and examples; no "(default: [])"', () => {
  for (const name of ['ask', 'search', 'show', 'cite', 'eval', 'index', 'info', 'chat']) {
    const { code, stdout } = runCli([name, '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Global Options:[\s\S]*--corpus <path>[\s\S]*--index <dir>[\s\S]*--embeddings <name>/, name);
    assert.match(stdout, /Examples:\n {2}\$ kabar /, name);
    assert.doesNotMatch(stdout, /\(default: \[\]\)/, name);
  }
});

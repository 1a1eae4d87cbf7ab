import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS = path.join(ROOT, 'seeds');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** A temp folder with a copy of the seed articles in `corpus/` and room for an index in `index/`. */
export function tempCorpus(): { dir: string; corpus: string; index: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-test-'));
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(SEEDS, corpus, { recursive: true });
  return {
    dir,
    corpus,
    index: path.join(dir, 'index'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** An engine (hashing embedder) over a temp copy of the seed articles, closed and removed after the test. */
export async function seedsEngine(t: { after: (fn: () => unknown) => void }) {
  const { loadConfig } = await import('../src/core/config/config.js');
  const { openEngine } = await import('../src/core/engine.js');
  const { createHashingEmbedder } = await import('../src/providers/embeddings/hashing.js');
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const engine = await openEngine({
    config: loadConfig({}, { corpus: tmp.corpus, index: tmp.index }),
    embedder: createHashingEmbedder(),
  });
  t.after(() => engine.close());
  return engine;
}

/** The environment every CLI run in the tests starts from: no colours, no model, the hashing embedder. */
const cliEnv = (env: Record<string, string> = {}) => ({
  ...process.env,
  NO_COLOR: '1',
  KABAR_LLM: 'none',
  KABAR_EMBEDDINGS: 'hashing',
  ...env,
});

/**
 * Runs the built CLI without blocking this process (where a scripted server may answer it) and returns
 * its exit code and output.
 */
export function runCliAsync(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: cliEnv(options.env),
      timeout: options.timeout,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the built CLI and returns its exit code and output. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    input: options.input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The store folder kabar made inside an index folder. */
export const storeDir = (index: string): string =>
  fs
    .readdirSync(index)
    .map((d) => path.join(index, d))
    .find((d) => fs.statSync(d).isDirectory())!;

/** A running process that does nothing, standing in for another kabar writer; killed when the test ends. */
export async function liveProcess(t: { after: (fn: () => void) => void }, seconds: number): Promise<ChildProcess> {
  const child = spawn('sleep', [String(seconds)]);
  t.after(() => child.kill());
  await new Promise((resolve) => child.once('spawn', resolve));
  return child;
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const USAGE = pathToFileURL(path.join(ROOT, 'bench', 'usage.mjs')).href;

export interface NodeRun {
  code: number | null;
  ms: number;
  /** Peak resident set size of the process, in bytes (0 when it was killed before reporting). */
  rss: number;
  /** CPU time of the process, user + system (the machine may be shared: wall time alone misleads). */
  cpuMs: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (offline embedder and answerer) and measures its wall time and peak memory. */
export const runCli = (args: string[], nodeOptions: string[] = []): Promise<NodeRun> =>
  runNode([...nodeOptions, CLI, ...args]);

/** Runs a bench script under tsx. */
export const runScript = (script: string, args: string[], nodeOptions: string[] = []): Promise<NodeRun> =>
  runNode([...nodeOptions, '--import', 'tsx', path.join(ROOT, 'bench', script), ...args]);

/** Runs node with `args`, measuring wall time and peak memory. */
function runNode(args: string[]): Promise<NodeRun> {
  const usageFile = path.join(os.tmpdir(), `kabar-bench-usage-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      KABAR_EMBEDDINGS: 'hashing',
      KABAR_LLM: 'none',
      NO_COLOR: '1',
      KABAR_BENCH_USAGE: usageFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let usage = { rss: 0, cpuMs: 0 };
      try {
        usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as typeof usage;
        fs.rmSync(usageFile);
      } catch {
        // killed before it could report (e.g. out of memory)
      }
      resolve({ code, ms, ...usage, stdout, stderr });
    });
  });
}

/** Bytes under a folder. */
export function diskSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const median = (values: number[]): number => percentile(values, 50);

/**
 * Rebuilds the shipped neural reader (data/reader/) from the bench's training splits and the corpora:
 *
 *   npm run train:reader [-- --bench ../shared/bench --corpora ../shared/corpora --out data/reader --no-synthetic]
 *
 * 1. featurize.ts: retrieval for every training and dev question, featurized by the runtime featurizer;
 * 2. synthetic.ts: template questions from the corpora's news (held-out articles skipped), added to the
 *    training sets (--no-synthetic leaves them out, for the ablation);
 * 3. train.py with Debian's /usr/bin/python3 (python3-torch, libopenblas0-pthread, python3-onnx):
 *    one model per seed, exported to ONNX as one (their logits averaged), with the PyTorch-vs-ONNX
 *    parity fixture;
 * 4. calibrate.ts: the no-answer threshold, chosen on the dev splits, written into config.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The interpreter Debian's python3-torch serves (another python3 may come first on PATH). */
const PYTHON = '/usr/bin/python3';
const TRAIN_SETS = ['facqa-train', 'idkmrc-train'];
const synthetic = !process.argv.includes('--no-synthetic');
const SYNTHETIC_ARTICLES_PER_FILE = '400';

const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return path.resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback);
};

function run(command: string, args: string[]) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0)
    throw new Error(`${path.basename(args[args.length > 2 ? 2 : 0])} failed (exit ${result.status}).`);
}

const bench = flag('bench', path.join(ROOT, '../shared/bench'));
const corpora = flag('corpora', path.join(ROOT, '../shared/corpora'));
const out = flag('out', path.join(ROOT, 'data/reader'));
if (!fs.existsSync(PYTHON))
  throw new Error(`${PYTHON} is missing: apt-get install python3-torch libopenblas0-pthread python3-onnx`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-neural-'));
const started = Date.now();
const tsx = ['--import', 'tsx'];
run(process.execPath, [...tsx, 'scripts/reader/neural/featurize.ts', work, bench]);
if (synthetic)
  run(process.execPath, [...tsx, 'scripts/reader/neural/synthetic.ts', work, corpora, SYNTHETIC_ARTICLES_PER_FILE]);
run(PYTHON, [
  'scripts/reader/neural/train.py',
  work,
  out,
  '--sets',
  [...TRAIN_SETS, ...(synthetic ? ['synthetic'] : [])].join(','),
]);
run(process.execPath, [...tsx, 'scripts/reader/neural/calibrate.ts', out, bench]);
fs.rmSync(work, { recursive: true, force: true });
console.log(`data/reader rebuilt in ${((Date.now() - started) / 60000).toFixed(0)} min`);

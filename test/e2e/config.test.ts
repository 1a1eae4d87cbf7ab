import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempCorpus } from '../helpers.js';

interface Shown {
  settings: { name: string; value: string; from: string }[];
  checks: { name: string; ok: boolean; detail: string }[];
}
const setting = (shown: Shown, name: string) => shown.settings.find((s) => s.name === name)!;

test('kabar config: every setting with where it came from (flag, environment, .env in which folder, user config, default), and passing checks exit 0', (t) => {
  const tmp = tempCorpus();
  t.after(tmp.cleanup);
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-config-'));
  t.after(() => fs.rmSync(cwd, { recursive: true, force: true }));
  fs.mkdirSync(path.join(cwd, 'xdg', 'kabar'), { recursive: true });
  fs.writeFileSync(path.join(cwd, 'xdg', 'kabar', 'config'), 'KABAR_LLM_TIMEOUT_MS=9000\nKABAR_INDEX=from-user\n');
  fs.writeFileSync(path.join(cwd, '.env'), 'KABAR_INDEX=from-dotenv\nOPENAI_API_KEY=sk-secret-123456\n');
  const env = { XDG_CONFIG_HOME: path.join(cwd, 'xdg'), KABAR_CORPUS: '', KABAR_INDEX: '' };
  const r = runCli(['--corpus', tmp.corpus, 'config', '--json'], { cwd, env });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const shown = JSON.parse(r.stdout) as Shown;
  assert.deepEqual(setting(shown, 'corpus'), {
    name: 'corpus',
    variable: 'KABAR_CORPUS',
    value: tmp.corpus,
    from: 'flag --corpus',
  });
  assert.equal(setting(shown, 'embeddings').from, 'environment');
  assert.equal(setting(shown, 'index').value, path.join(cwd, 'from-dotenv'));
  assert.match(setting(shown, 'index').from, /^\.env in .*kabar-config-/);
  assert.deepEqual(
    [setting(shown, 'answer timeout').value, setting(shown, 'answer timeout').from.startsWith('user config ')],
    ['9000 ms', true],
  );
  assert.equal(setting(shown, 'Ollama server').from, 'default');
  assert.equal(setting(shown, 'OpenAI key').value, 'set (not shown)');
  assert.doesNotMatch(r.stdout, /sk-secret/);
  assert.deepEqual(
    shown.checks.map((c) => [c.name, c.ok]),
    [
      ['corpus', true],
      ['index', true],
      ['reader model', true],
    ],
  );
  assert.match(shown.checks[0].detail, /5 article files/);

  const text = runCli(['--corpus', tmp.corpus, 'doctor'], { cwd, env });
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^corpus +KABAR_CORPUS +\S+ +flag --corpus$/m);
  assert.match(text.stdout, /^ok +corpus +/m);
});

test('kabar config: a missing corpus, a models folder without the model, and an unreachable server fail their checks and exit 1', async (t) => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-config-'));
  t.after(() => fs.rmSync(cwd, { recursive: true, force: true }));
  fs.mkdirSync(path.join(cwd, 'models'));
  // A port nothing listens on: take one from the system, then close it.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  const env = {
    KABAR_EMBEDDINGS: 'transformers',
    KABAR_MODELS_DIR: path.join(cwd, 'models'),
    KABAR_LLM: 'ollama',
    OLLAMA_HOST: `http://127.0.0.1:${port}`,
  };
  const r = runCli(['--corpus', path.join(cwd, 'nowhere'), 'config', '--json'], { cwd, env });
  assert.equal(r.code, 1, r.stderr);
  const { checks } = JSON.parse(r.stdout) as Shown;
  const failed = Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.name, c.detail]));
  assert.match(failed.corpus, /nowhere/);
  assert.match(failed['models folder'], /multilingual-e5-small lacks config\.json/);
  assert.match(failed['Ollama server'], /cannot be reached \(ECONNREFUSED\)/);
  assert.equal(checks.find((c) => c.name === 'index')?.ok, true);
});

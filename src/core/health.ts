import fs from 'node:fs';
import path from 'node:path';
import { scanCorpus } from './corpus/scan.js';
import type { Config } from './config/config.js';
import { describeError } from './errors.js';
import { loadReaderModel, MODEL_DIR, MODEL_FILE } from './answer/neural/model.js';

/** One thing `kabar config` checks, and what it found. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** How long a server may take to answer a check. */
const SERVER_CHECK_MS = 3000;

const attempt = async (name: string, run: () => Promise<string> | string): Promise<Check> => {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: describeError(error) };
  }
};

const writable = (dir: string): boolean => {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Answers any HTTP request at `url` within the time limit: a reply of any status means the server is there. */
async function reachable(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(SERVER_CHECK_MS) }).catch(
    (error: unknown) => {
      const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new Error(`${url} cannot be reached (${reason}).`);
    },
  );
  if (response.status === 401 || response.status === 403)
    throw new Error(`${url} answers but refuses the key (HTTP ${response.status}).`);
  if (response.status >= 500) throw new Error(`${url} answers but is failing (HTTP ${response.status}).`);
  return `${url} answers (HTTP ${response.status})`;
}

export interface HealthDeps {
  /** The indexes in the index folder (local store) or on the server, as `kabar info` lists them. */
  inspect(): Promise<{ manifest: unknown; counts: { articles: number } }[]>;
  /** The transformers model's folder under the models folder, and the files it lacks. */
  modelFiles(modelsDir: string, model: string | undefined): { folder: string; missing: string[] };
  /** Checks the index folder can be used (not a file). */
  checkIndexDir(dir: string): void;
}

/** Checks that what the settings name is there: the corpus, the index, the models folder and any configured server. */
export async function checkHealth(config: Config, deps: HealthDeps): Promise<Check[]> {
  const checks: Promise<Check>[] = [
    attempt('corpus', () => `${config.corpusDir}: ${plural(scanCorpus(config.corpusDir).length, 'article file')}`),
    attempt(config.store.kind === 'postgres' ? 'index server' : 'index', async () => {
      if (config.store.kind === 'local') deps.checkIndexDir(config.indexDir);
      const indexes = await deps.inspect();
      const built = indexes.filter((i) => i.manifest);
      if (config.store.kind === 'local' && !fs.existsSync(config.indexDir))
        return `${config.indexDir} will be created by the first command`;
      const most = Math.max(0, ...built.map((i) => i.counts.articles));
      const found =
        built.length === 0
          ? 'no index yet: any command builds it'
          : built.length === 1
            ? `1 index built, holding ${plural(most, 'article')}`
            : `${plural(built.length, 'index')} built; the largest holds ${plural(most, 'article')}`;
      if (config.store.kind === 'local' && !writable(config.indexDir)) {
        if (!built.length) throw new Error(`${config.indexDir} is read-only and holds no index.`);
        return `${found}; read-only: commands answer from it as it is, kabar index cannot update it`;
      }
      return found;
    }),
  ];
  const { modelsDir, provider, model } = config.embeddings;
  if (modelsDir) {
    checks.push(
      attempt('models folder', () => {
        if (!fs.statSync(modelsDir, { throwIfNoEntry: false })?.isDirectory())
          throw new Error(`${modelsDir} is not a folder.`);
        if (provider !== 'transformers') return `${modelsDir} (used by the transformers embeddings only)`;
        const { folder, missing } = deps.modelFiles(modelsDir, model);
        if (missing.length) throw new Error(`${folder} lacks ${missing.join(', ')}.`);
        return `${folder} holds the model files`;
      }),
    );
  }
  if (config.reader === 'neural') {
    checks.push(
      attempt('reader model', async () => {
        const { config: reader } = await loadReaderModel();
        const file = path.join(MODEL_DIR, MODEL_FILE);
        return `${file} loads (${(fs.statSync(file).size / 1e6).toFixed(1)} MB; answers above a margin of ${reader.threshold})`;
      }),
    );
  }
  const uses = (name: 'openai' | 'ollama') => provider === name || config.llm.provider === name;
  if (uses('openai')) {
    const base = (config.openai.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
    checks.push(
      attempt('OpenAI server', () =>
        reachable(`${base}/models`, config.openai.apiKey ? { Authorization: `Bearer ${config.openai.apiKey}` } : {}),
      ),
    );
  }
  if (uses('ollama'))
    checks.push(attempt('Ollama server', () => reachable(`${config.ollama.host.replace(/\/+$/, '')}/api/tags`)));
  return Promise.all(checks);
}

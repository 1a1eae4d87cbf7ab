import { withoutPassword, type Config, type ConfigFlags } from './config.js';

/** One setting as `kabar config` shows it: its value in force and where that came from. */
export interface Setting {
  name: string;
  variable: string;
  value: string;
  /** `flag --corpus`, `environment`, `.env in ~/news`, `user config ~/.config/kabar/config`, or `default`. */
  from: string;
}

const store = (config: Config): string => (config.store.kind === 'local' ? 'local' : withoutPassword(config.store.url));

/** Every setting kabar reads, from the config in force, the flags given and the origin of each variable. */
export function describeSettings(config: Config, flags: ConfigFlags, origin: ReadonlyMap<string, string>): Setting[] {
  const rows: [name: string, variable: string, value: string | undefined, flag?: keyof ConfigFlags][] = [
    ['corpus', 'KABAR_CORPUS', config.corpusDir, 'corpus'],
    ['index', 'KABAR_INDEX', config.indexDir, 'index'],
    ['store', 'KABAR_STORE', store(config), 'store'],
    [
      'store replica',
      'KABAR_STORE_READ',
      config.store.kind === 'postgres' && config.store.readUrl ? withoutPassword(config.store.readUrl) : undefined,
    ],
    ['refresh', 'KABAR_REFRESH', config.refresh],
    ['embeddings', 'KABAR_EMBEDDINGS', config.embeddings.provider, 'embeddings'],
    ['embeddings model', 'KABAR_EMBEDDINGS_MODEL', config.embeddings.model],
    ['models folder', 'KABAR_MODELS_DIR', config.embeddings.modelsDir],
    ['offline reader', 'KABAR_READER', config.reader],
    ['answers', 'KABAR_LLM', config.llm.provider],
    ['answer model', 'KABAR_LLM_MODEL', config.llm.model],
    ['answer timeout', 'KABAR_LLM_TIMEOUT_MS', `${config.llm.timeoutMs} ms`],
    ['OpenAI key', 'OPENAI_API_KEY', config.openai.apiKey ? 'set (not shown)' : undefined],
    ['OpenAI server', 'OPENAI_BASE_URL', config.openai.baseUrl && withoutPassword(config.openai.baseUrl)],
    ['Ollama server', 'OLLAMA_HOST', config.ollama.host],
  ];
  return rows.map(([name, variable, value, flag]) => ({
    name,
    variable,
    value: value ?? '(not set)',
    from: flag && flags[flag] !== undefined ? `flag --${flag}` : (origin.get(variable) ?? 'default'),
  }));
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { parseFieldMap } from '../sources/fields.js';
import type { FieldMap } from '../sources/types.js';

export const EMBEDDING_PROVIDERS = ['hashing', 'transformers', 'openai', 'ollama'] as const;
export type EmbeddingProvider = (typeof EMBEDDING_PROVIDERS)[number];

export const LLM_PROVIDERS = ['none', 'openai', 'ollama', 'gguf'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** The offline reader: the neural model deciding with the rules-and-features reader (default), or the rules-and-features reader alone. */
export const READERS = ['neural', 'features'] as const;
export type ReaderKind = (typeof READERS)[number];

/**
 * How commands other than `kabar index` check the corpus for changes before answering: `auto` lists every
 * file of a small corpus and only the folders whose modification time moved of a large one
 * (`FOLDER_CHECK_FROM_FILES`); `always` lists every file; `never` answers from the index as it is.
 */
export const REFRESH_POLICIES = ['auto', 'always', 'never'] as const;
export type RefreshPolicy = (typeof REFRESH_POLICIES)[number];

/** Where the index lives: the local store under `indexDir`, or a PostgreSQL server (reads optionally from a replica). */
export type StoreConfig = { kind: 'local' } | { kind: 'postgres'; url: string; readUrl?: string };

export interface Config {
  /** A folder of articles, or one archive or feed file. */
  corpusDir: string;
  /** Which record field holds which part of an article in JSONL and CSV archives (`text` → `body`). */
  fields: FieldMap;
  indexDir: string;
  store: StoreConfig;
  refresh: RefreshPolicy;
  embeddings: {
    provider: EmbeddingProvider;
    /** Model name for neural providers; undefined means the provider's default. */
    model?: string;
    /** Local folder holding model files (transformers), so nothing is downloaded. */
    modelsDir?: string;
  };
  /** The offline answerer, and the fallback of a generative one. */
  reader: ReaderKind;
  llm: {
    provider: LlmProvider;
    model?: string;
    timeoutMs: number;
  };
  openai: { apiKey?: string; baseUrl?: string };
  ollama: { host: string };
  debug: boolean;
}

/** Command-line flags that override the environment. */
export interface ConfigFlags {
  corpus?: string;
  /** `--field text=body`, repeatable. */
  field?: string[];
  index?: string;
  embeddings?: string;
  store?: string;
}

type Env = Record<string, string | undefined>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value && value.trim() !== '' ? value.trim() : undefined;

function oneOf<T extends string>(value: string, allowed: readonly T[], variable: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError('BAD_CONFIG', `${variable}=${value} is not a known choice.`, {
    hint: `Set ${variable} to one of: ${allowed.join(', ')}.`,
  });
}

function positiveInt(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n > 0) return n;
  throw new UserError('BAD_CONFIG', `${variable}=${value} is not a positive whole number.`, {
    hint: `Set ${variable} to a number of milliseconds, e.g. ${fallback}.`,
  });
}

const isPostgresUrl = (url: string): boolean => {
  if (!/^postgres(ql)?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
};

/** A URL as it may be shown: without its password. */
export const withoutPassword = (url: string): string =>
  url.replace(/^([a-z][\w+.-]*:\/\/[^:@/]*):[^@/]*@/i, '$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');

/** `local` or a postgres:// URL (KABAR_STORE or --store), and an optional replica for reads (KABAR_STORE_READ). */
export function parseStore(value: string | undefined, readUrl: string | undefined): StoreConfig {
  if (value === undefined || value === 'local') {
    if (readUrl !== undefined) {
      throw new UserError('BAD_CONFIG', 'KABAR_STORE_READ is set but the index is local.', {
        hint: "Set KABAR_STORE (or --store) to the primary server's postgres:// URL, or unset KABAR_STORE_READ.",
      });
    }
    return { kind: 'local' };
  }
  for (const [url, name] of [
    [value, 'KABAR_STORE (or --store)'],
    [readUrl, 'KABAR_STORE_READ'],
  ] as const) {
    if (url !== undefined && !isPostgresUrl(url)) {
      throw new UserError(
        'BAD_CONFIG',
        `${name} is ${withoutPassword(url)}, which is neither local nor a postgres:// URL.`,
        {
          hint: 'Use local, or postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
        },
      );
    }
  }
  return readUrl === undefined ? { kind: 'postgres', url: value } : { kind: 'postgres', url: value, readUrl };
}

/** The articles shipped with kabar: the corpus when none is configured and the working folder has no `seeds`. */
export const BUNDLED_CORPUS = fileURLToPath(new URL('../../../seeds', import.meta.url));

/** `seeds` in the working folder when there is one, otherwise the articles shipped with kabar. */
export const defaultCorpus = (cwd: string): string =>
  fs.existsSync(path.join(cwd, 'seeds')) ? path.join(cwd, 'seeds') : BUNDLED_CORPUS;

/**
 * Builds the configuration from environment variables (already merged with `.env` files by the caller)
 * and command-line flags; flags win. Relative paths resolve against `cwd`.
 */
export function loadConfig(env: Env, flags: ConfigFlags = {}, cwd = process.cwd()): Config {
  const corpus = flags.corpus ?? nonEmpty(env.KABAR_CORPUS) ?? defaultCorpus(cwd);
  const index = flags.index ?? nonEmpty(env.KABAR_INDEX) ?? '.kabar';
  const modelsDir = nonEmpty(env.KABAR_MODELS_DIR);
  return {
    corpusDir: path.resolve(cwd, corpus),
    fields: {
      ...parseFieldMap([env.KABAR_FIELDS ?? ''], 'KABAR_FIELDS'),
      ...parseFieldMap(flags.field ?? [], '--field'),
    },
    indexDir: path.resolve(cwd, index),
    store: parseStore(flags.store ?? nonEmpty(env.KABAR_STORE), nonEmpty(env.KABAR_STORE_READ)),
    refresh: oneOf(nonEmpty(env.KABAR_REFRESH) ?? 'auto', REFRESH_POLICIES, 'KABAR_REFRESH'),
    embeddings: {
      provider: oneOf(
        flags.embeddings ?? nonEmpty(env.KABAR_EMBEDDINGS) ?? 'hashing',
        EMBEDDING_PROVIDERS,
        'KABAR_EMBEDDINGS',
      ),
      model: nonEmpty(env.KABAR_EMBEDDINGS_MODEL),
      modelsDir: modelsDir && path.resolve(cwd, modelsDir),
    },
    reader: oneOf(nonEmpty(env.KABAR_READER) ?? 'neural', READERS, 'KABAR_READER'),
    llm: {
      provider: oneOf(nonEmpty(env.KABAR_LLM) ?? 'none', LLM_PROVIDERS, 'KABAR_LLM'),
      model: nonEmpty(env.KABAR_LLM_MODEL),
      timeoutMs: positiveInt(nonEmpty(env.KABAR_LLM_TIMEOUT_MS), 60_000, 'KABAR_LLM_TIMEOUT_MS'),
    },
    openai: { apiKey: nonEmpty(env.OPENAI_API_KEY), baseUrl: nonEmpty(env.OPENAI_BASE_URL) },
    ollama: { host: nonEmpty(env.OLLAMA_HOST) ?? 'http://127.0.0.1:11434' },
    debug: env.KABAR_DEBUG === '1',
  };
}

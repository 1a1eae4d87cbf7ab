import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'dotenv';

type Env = Record<string, string | undefined>;

/** Where a group of settings comes from, highest precedence first: the environment, `.env` here, the user's file. */
export interface ConfigLayer {
  /** Says where, e.g. `environment`, `.env in /home/me/news`, `user config ~/.config/kabar/config`. */
  label: string;
  values: Record<string, string>;
}

/** Settings that name a file or folder: relative values in a file are relative to that file's folder. */
const PATH_VARIABLES = ['KABAR_CORPUS', 'KABAR_INDEX', 'KABAR_MODELS_DIR'];

/** The user-level settings file: `$XDG_CONFIG_HOME/kabar/config`, by default `~/.config/kabar/config`. */
export function userConfigFile(env: Env, home = os.homedir()): string {
  const base =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(base, 'kabar', 'config');
}

function fileLayer(file: string, label: string): ConfigLayer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const values = parse(text);
  for (const name of PATH_VARIABLES) {
    if (values[name]?.trim()) values[name] = path.resolve(path.dirname(file), values[name].trim());
  }
  return { label, values };
}

/** The environment, then `.env` in `cwd`, then the user config file; files that do not exist are left out. */
export function configLayers(env: Env, cwd = process.cwd(), home = os.homedir()): ConfigLayer[] {
  const shown = (file: string) => (file.startsWith(`${home}${path.sep}`) ? `~${file.slice(home.length)}` : file);
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) environment[name] = value;
  const local = path.join(cwd, '.env');
  const user = userConfigFile(env, home);
  return [
    { label: 'environment', values: environment },
    fileLayer(local, `.env in ${shown(cwd)}`),
    fileLayer(user, `user config ${shown(user)}`),
  ].filter((layer): layer is ConfigLayer => layer !== null);
}

/** One environment from the layers, the first layer to set a variable (to something other than blank) winning, and where each variable came from. */
export function mergeLayers(layers: ConfigLayer[]): { env: Env; origin: Map<string, string> } {
  const env: Env = {};
  const origin = new Map<string, string>();
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer.values)) {
      if (name in env || value.trim() === '') continue;
      env[name] = value;
      origin.set(name, layer.label);
    }
  }
  return { env, origin };
}

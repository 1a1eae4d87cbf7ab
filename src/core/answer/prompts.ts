import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** A prompt template: a system message and a user message with `{{name}}` slots. */
export interface PromptTemplate {
  system: string;
  user: string;
}

export interface Prompts {
  answer: PromptTemplate;
  condense: PromptTemplate;
  translate: PromptTemplate;
}

export const PROMPT_FILES = { answer: 'answer.txt', condense: 'condense.txt', translate: 'translate.txt' } as const;

/**
 * The `prompts/` folder of the package: found by walking up from this module, so it is the same
 * folder whether kabar runs from src/ (tsx) or dist/ (built), and editing it needs no rebuild.
 */
export function defaultPromptsDir(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'prompts');
    if (existsSync(path.join(candidate, PROMPT_FILES.answer))) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(from, '..', '..', '..', 'prompts');
}

export function parseTemplate(text: string, file: string): PromptTemplate {
  const match = /^\[\[system\]\]\s*\n([\s\S]*?)^\[\[user\]\]\s*\n([\s\S]*)$/m.exec(text.replace(/\r\n/g, '\n'));
  if (!match) {
    throw new UserError('BAD_CONFIG', `The prompt template ${file} has no [[system]] and [[user]] sections.`, {
      hint: 'Start the file with a line [[system]], then the system text, then a line [[user]] and the user text.',
    });
  }
  return { system: match[1].trim(), user: match[2].trim() };
}

/** Reads the templates at run time. */
export async function loadPrompts(dir = defaultPromptsDir()): Promise<Prompts> {
  const read = async (file: string) => {
    const full = path.join(dir, file);
    try {
      return parseTemplate(await readFile(full, 'utf8'), full);
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError('BAD_CONFIG', `Could not read the prompt template ${full}.`, {
        hint: 'Restore the prompts/ folder of the kabar package (answer.txt, condense.txt, translate.txt).',
        cause: error,
      });
    }
  };
  return {
    answer: await read(PROMPT_FILES.answer),
    condense: await read(PROMPT_FILES.condense),
    translate: await read(PROMPT_FILES.translate),
  };
}

/** Fills `{{name}}` slots in one pass, so a value containing `{{…}}` is never expanded again. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? values[name] : whole));
}

import { articleFromRecord, detectFields, isWarning, uniqueById } from './fields.js';
import type { SourceArticle, SourceOptions, SourceRead, SourceWarning } from './types.js';

/** A JSON Lines / NDJSON archive: one article per line; a line that is not a JSON object is warned and skipped. */
export function readJsonl(file: string, content: string, options: SourceOptions = {}): SourceRead {
  const articles: SourceArticle[] = [];
  const warnings: SourceWarning[] = [];
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      warnings.push({ file, line, message: `the line is not valid JSON (${(error as Error).message})` });
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      warnings.push({ file, line, message: 'the line is not a JSON object' });
      return;
    }
    const fields = detectFields(Object.keys(record), options.fields);
    const result = articleFromRecord(record as Record<string, unknown>, fields, { file, line });
    if (isWarning(result)) warnings.push(result);
    else articles.push(result);
  });
  return { articles: uniqueById(articles, warnings), warnings };
}

import { isJsonObject, jsonLines } from '../text/json-lines.js';
import { articleFromRecord, detectFields, isWarning, uniqueById } from './fields.js';
import type { SourceArticle, SourceOptions, SourceRead, SourceWarning } from './types.js';

/** A JSON Lines / NDJSON archive: one article per line; a line that is not a JSON object is warned and skipped. */
export function readJsonl(file: string, content: string, options: SourceOptions = {}): SourceRead {
  const articles: SourceArticle[] = [];
  const warnings: SourceWarning[] = [];
  for (const row of jsonLines(content)) {
    const { line } = row;
    if (row.error !== undefined) {
      warnings.push({ file, line, message: `the line is not valid JSON (${row.error})` });
      continue;
    }
    if (!isJsonObject(row.value)) {
      warnings.push({ file, line, message: 'the line is not a JSON object' });
      continue;
    }
    const fields = detectFields(Object.keys(row.value), options.fields);
    const result = articleFromRecord(row.value, fields, { file, line });
    if (isWarning(result)) warnings.push(result);
    else articles.push(result);
  }
  return { articles: uniqueById(articles, warnings), warnings };
}

import { readCsvRecords } from './csv-records.js';
import { articleFromRecord, detectFields, isWarning, uniqueById } from './fields.js';
import type { SourceArticle, SourceOptions, SourceRead, SourceWarning } from './types.js';

/** A CSV archive with a header row: one article per record; a broken record is warned and skipped. */
export function readCsv(file: string, content: string, options: SourceOptions = {}): SourceRead {
  const { records, problems } = readCsvRecords(content);
  const warnings: SourceWarning[] = problems.map((p) => ({
    file,
    line: p.line,
    message: `the record is broken (${p.message})`,
  }));
  const [header, ...rows] = records;
  if (!header) return { articles: [], warnings: [...warnings, { file, message: 'the file has no header row' }] };
  const names = header.fields.map((name) => name.trim());
  const fields = detectFields(names, options.fields);
  if (!fields.text) {
    return {
      articles: [],
      warnings: [
        ...warnings,
        {
          file,
          line: header.line,
          message: `no column holds the article text (columns: ${names.join(', ')}); map one with --field text=NAME`,
        },
      ],
    };
  }
  const articles: SourceArticle[] = [];
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      warnings.push({
        file,
        line: row.line,
        message: `the record has ${row.fields.length} fields where the header has ${names.length}`,
      });
      continue;
    }
    const record = Object.fromEntries(names.map((name, i) => [name, row.fields[i]]));
    const result = articleFromRecord(record, fields, { file, line: row.line });
    if (isWarning(result)) warnings.push(result);
    else articles.push(result);
  }
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { articles: uniqueById(articles, warnings), warnings };
}

/** One CSV record: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** A record that could not be read: the line it starts on and why. Reading resumes on the next line. */
export interface CsvProblem {
  line: number;
  message: string;
}

const DELIMITERS = [',', ';', '\t'];
const BROKEN_QUOTE = 'a quoted field is not closed properly';

/** The delimiter the header line uses most: comma, semicolon or tab. */
function delimiterOf(content: string): string {
  const header = content.slice(0, content.indexOf('\n') === -1 ? content.length : content.indexOf('\n'));
  const counts = DELIMITERS.map((d) => header.split(d).length);
  return DELIMITERS[counts.indexOf(Math.max(...counts))];
}

/**
 * Reads RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks; a quote inside an
 * unquoted field is kept as it is. A quoted field that never closes, or text right after a closing quote,
 * makes its record a problem: it is reported with its first line and reading starts again on the line after
 * it, so one broken quote cannot swallow the rest of the file.
 */
export function readCsvRecords(content: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const text = content.replace(/^\uFEFF/, '');
  const delimiter = delimiterOf(text);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let problem: string | null = null;
    let quotedField = false;
    for (;;) {
      if (pos >= text.length) {
        fields.push(field);
        break;
      }
      const c = text[pos];
      if (c === '"' && field === '' && !quotedField) {
        // A quoted field: runs to the next quote not doubled.
        let end = pos + 1;
        let value = '';
        for (;;) {
          const close = text.indexOf('"', end);
          if (close === -1) {
            problem = BROKEN_QUOTE;
            break;
          }
          value += text.slice(end, close);
          if (text[close + 1] === '"') {
            value += '"';
            end = close + 2;
            continue;
          }
          end = close + 1;
          break;
        }
        if (problem) break;
        for (let i = pos; i < end; i++) if (text[i] === '\n') line++;
        pos = end;
        field = value;
        quotedField = true;
        const next = text[pos];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          problem = BROKEN_QUOTE;
          break;
        }
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = '';
        quotedField = false;
        pos++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        fields.push(field);
        pos += c === '\r' && text[pos + 1] === '\n' ? 2 : 1;
        line++;
        break;
      }
      let end = pos + 1;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
      field += text.slice(pos, end);
      pos = end;
    }
    if (problem) {
      problems.push({ line: startLine, message: problem });
      const newline = text.indexOf('\n', start);
      pos = newline === -1 ? text.length : newline + 1;
      line = startLine + 1;
      continue;
    }
    if (fields.length === 1 && fields[0].trim() === '') continue;
    records.push({ fields, line: startLine });
  }
  return { records, problems };
}

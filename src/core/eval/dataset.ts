import { UserError } from '../errors.js';
import { FILTER_KEYS, parseFilters, type FilterInput, type FilterKey } from '../index/filter.js';
import { isJsonObject, jsonLines } from '../text/json-lines.js';
import type { Filters } from '../types.js';

/** One question of an evaluation file. */
export interface EvalQuestion {
  /** Given in the file, or `q<line number>`. */
  id: string;
  question: string;
  /** Acceptable answer strings; the answer is a hit when it contains one of them. */
  answers: string[];
  /** Corpus files (relative paths) that answer the question. */
  sources: string[];
  /** True when the corpus does not answer the question and the right behaviour is to abstain. */
  unanswerable: boolean;
  /** Passed to retrieval. */
  filters?: Filters;
  /** Every other string field, e.g. `{lang: 'en', type: 'cross'}`; reported as groups `lang:en`, `type:cross`. */
  groups: Record<string, string>;
  /** A turn of a conversation: asked after the earlier turns of the same conversation, as a follow-up. */
  conversation?: { id: string; turn: number };
}

/** A line that could not be read; `line` is 1-based. */
export interface DatasetProblem {
  line: number;
  message: string;
}

export interface ParsedDataset {
  questions: EvalQuestion[];
  problems: DatasetProblem[];
}

export type DatasetFormat = 'jsonl' | 'csv';

const RESERVED = new Set(['id', 'question', 'answers', 'sources', 'unanswerable', 'filters', 'turns']);
const TRUE_WORDS = new Set(['true', '1', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'no', '']);

/** Thrown inside the parser for a line that must be skipped; never escapes this module. */
class LineProblem extends Error {}

function fail(message: string): never {
  throw new LineProblem(message);
}

const quote = (value: unknown): string => JSON.stringify(value);

const typeName = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : `a ${typeof value}`;

/** Strips a byte-order mark and turns CRLF / CR line endings into LF. */
const normaliseText = (text: string): string => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** JSON Lines when the first non-empty line starts with `{`, otherwise CSV with a header. */
export function detectFormat(text: string): DatasetFormat {
  const first = normaliseText(text)
    .split('\n')
    .find((line) => line.trim() !== '');
  return first !== undefined && first.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/** Parses the text of a question file (JSON Lines or CSV). Malformed lines are reported in `problems` and skipped. */
export function parseQuestions(text: string): ParsedDataset {
  const clean = normaliseText(text);
  const rows = detectFormat(clean) === 'jsonl' ? jsonlRows(clean) : csvRows(clean);
  const questions: EvalQuestion[] = [];
  const problems: DatasetProblem[] = [...rows.problems];
  const seen = new Map<string, number>();
  for (const row of rows.rows) {
    try {
      const asked =
        row.fields.turns === undefined
          ? [toQuestion(row.fields, row.line, row.format)]
          : toConversation(row.fields, row.line, row.format);
      for (const question of asked) {
        const firstLine = seen.get(question.id);
        if (firstLine !== undefined) fail(`duplicate id ${quote(question.id)} (first used on line ${firstLine}).`);
      }
      for (const question of asked) seen.set(question.id, row.line);
      questions.push(...asked);
    } catch (error) {
      if (!(error instanceof LineProblem)) throw error;
      problems.push({ line: row.line, message: error.message });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { questions, problems };
}

/** The problems as one warning each, e.g. `questions.jsonl:3: the "question" field is missing.` */
export const problemWarnings = (file: string, problems: DatasetProblem[]): string[] =>
  problems.map((problem) => `${file}:${problem.line}: ${problem.message}`);

/**
 * Parses a question file and returns its valid questions with a warning for each skipped line.
 * Throws `BAD_QUESTION_FILE` when no question is valid.
 */
export function loadQuestions(text: string, file: string): { questions: EvalQuestion[]; warnings: string[] } {
  const parsed = parseQuestions(text);
  return { questions: requireQuestions(parsed, file), warnings: problemWarnings(file, parsed.problems) };
}

/** The valid questions; throws `BAD_QUESTION_FILE` naming the file and the first problem when there are none. */
export function requireQuestions(parsed: ParsedDataset, file: string): EvalQuestion[] {
  if (parsed.questions.length > 0) return parsed.questions;
  const first = parsed.problems[0];
  const message = first
    ? `${file} has no valid question; line ${first.line}: ${first.message}`
    : `${file} has no questions.`;
  throw new UserError('BAD_QUESTION_FILE', message, {
    hint:
      'Write one JSON object per line, e.g. {"question": "…", "answers": ["…"], "sources": ["file.txt"]}, ' +
      'or a CSV file with a header row that has a "question" column.',
  });
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Row {
  line: number;
  format: DatasetFormat;
  fields: Record<string, unknown>;
}

interface Rows {
  rows: Row[];
  problems: DatasetProblem[];
}

function jsonlRows(text: string): Rows {
  const rows: Row[] = [];
  const problems: DatasetProblem[] = [];
  for (const row of jsonLines(text)) {
    const { line } = row;
    if (row.error !== undefined) problems.push({ line, message: `not valid JSON (${row.error}).` });
    else if (!isJsonObject(row.value))
      problems.push({ line, message: `expected a JSON object, found ${typeName(row.value)}.` });
    else rows.push({ line, format: 'jsonl', fields: row.value });
  }
  return { rows, problems };
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text (LF line endings) into records per RFC 4180: fields may be quoted, and a quoted
 * field may hold commas, newlines and doubled quotes. An unclosed quote is reported and ends parsing.
 */
export function splitCsv(text: string): { records: CsvRecord[]; problems: DatasetProblem[] } {
  const records: CsvRecord[] = [];
  const problems: DatasetProblem[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is a record with one empty field; it is skipped.
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field.trim() === '') {
      // A quoted field: read to the closing quote.
      const openLine = line;
      let value = '';
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        if (text[j] === '\n') line += 1;
        value += text[j];
        j += 1;
      }
      if (!closed) {
        problems.push({ line: openLine, message: 'a quoted field is never closed; the rest of the file was skipped.' });
        return { records, problems };
      }
      field = value;
      i = j;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n') {
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, problems };
}

function csvRows(text: string): Rows {
  const { records, problems } = splitCsv(text);
  const rows: Row[] = [];
  const [header, ...body] = records;
  if (!header) return { rows, problems };
  const columns = header.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === '') {
      problems.push({ line: header.line, message: 'the header has an empty column name.' });
      return { rows, problems };
    }
    if (seen.has(name)) {
      problems.push({ line: header.line, message: `the header names the column ${quote(name)} twice.` });
      return { rows, problems };
    }
    seen.add(name);
  }
  if (!seen.has('question')) {
    problems.push({ line: header.line, message: 'the header has no "question" column.' });
    return { rows, problems };
  }
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      problems.push({
        line: record.line,
        message: `has ${record.fields.length} fields but the header has ${columns.length}.`,
      });
      continue;
    }
    const fields: Record<string, unknown> = {};
    const filters: Record<string, string> = {};
    columns.forEach((name, index) => {
      const value = record.fields[index];
      if (name.startsWith('filters.')) {
        if (value.trim() !== '') filters[name.slice('filters.'.length)] = value.trim();
      } else fields[name] = value;
    });
    if (Object.keys(filters).length > 0) fields.filters = filters;
    rows.push({ line: record.line, format: 'csv', fields });
  }
  return { rows, problems };
}

// ---------------------------------------------------------------------------------------------
// Fields

function toQuestion(fields: Record<string, unknown>, line: number, format: DatasetFormat): EvalQuestion {
  const id = readId(fields.id, line);
  const question = fields.question;
  if (question === undefined || question === null) fail('the "question" field is missing.');
  if (typeof question !== 'string') fail(`"question" must be a string, found ${typeName(question)}.`);
  if (question.trim() === '') fail('the "question" field is empty.');
  const answers = readList(fields.answers, 'answers', format);
  for (const answer of answers) {
    if (!/[\p{L}\p{N}]/u.test(answer)) fail(`the answer ${quote(answer)} has no letters or digits to match.`);
  }
  const sources = readList(fields.sources, 'sources', format).map(normaliseSource);
  const unanswerable = readBoolean(fields.unanswerable);
  if (unanswerable && answers.length > 0) fail('is marked unanswerable but lists answers.');
  const filters = readFilters(fields.filters);
  const groups: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (RESERVED.has(name) || typeof value !== 'string' || value.trim() === '') continue;
    groups[name] = value.trim();
  }
  return {
    id,
    question: question.trim(),
    answers,
    sources: [...new Set(sources)],
    unanswerable,
    ...(filters ? { filters } : {}),
    groups,
  };
}

/**
 * A conversation: `{"id": "c-01", "turns": [{"id": "c-01.1", "question": "…", "answers": […]}, …]}`, asked
 * in order, each turn a follow-up of the ones before. A turn is a question object (its id defaults to
 * `<conversation id>.<n>`); the conversation's other fields (`lang`, `type`, `filters`) apply to every turn,
 * and each turn is also reported in the group `turn:<n>`.
 */
function toConversation(fields: Record<string, unknown>, line: number, format: DatasetFormat): EvalQuestion[] {
  const id = readId(fields.id, line);
  const { turns, id: _id, ...shared } = fields;
  if (!Array.isArray(turns)) return fail(`"turns" must be a list of questions, found ${typeName(turns)}.`);
  if (turns.length === 0) fail('"turns" is empty.');
  return turns.map((turn, i) => {
    if (turn === null || typeof turn !== 'object' || Array.isArray(turn))
      fail(`turn ${i + 1} must be an object, found ${typeName(turn)}.`);
    const own = turn as Record<string, unknown>;
    const question = toQuestion({ ...shared, ...own, id: own.id ?? `${id}.${i + 1}` }, line, format);
    return { ...question, groups: { ...question.groups, turn: String(i + 1) }, conversation: { id, turn: i + 1 } };
  });
}

function readId(value: unknown, line: number): string {
  if (value === undefined || value === null) return `q${line}`;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') fail(`"id" must be a string, found ${typeName(value)}.`);
  const id = value.trim();
  return id === '' ? `q${line}` : id;
}

/** A list field: an array of strings, or (in CSV, and as a convenience in JSON) one `|`-separated string. */
function readList(value: unknown, name: string, format: DatasetFormat): string[] {
  if (value === undefined || value === null) return [];
  let items: unknown[];
  if (typeof value === 'string') items = format === 'csv' ? value.split('|') : [value];
  else if (Array.isArray(value)) items = value;
  else return fail(`${quote(name)} must be a list of strings, found ${typeName(value)}.`);
  return items
    .map((item) => {
      if (typeof item !== 'string') fail(`${quote(name)} must be a list of strings, but holds ${typeName(item)}.`);
      return item.trim();
    })
    .filter((item) => item !== '');
}

const normaliseSource = (source: string): string => source.replace(/\\/g, '/').replace(/^(\.\/)+/, '');

function readBoolean(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return fail(`"unanswerable" must be true/false/1/0/yes/no, found ${quote(value)}.`);
}

/** Validates a filters object with the rule every front end uses ({@link parseFilters}). */
function readFilters(value: unknown): Filters | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail(`"filters" must be an object, found ${typeName(value)}.`);
  }
  const input: FilterInput = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      fail(`unknown filter ${quote(key)}; use ${FILTER_KEYS.join(', ')}.`);
    }
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== 'string') fail(`filter ${quote(key)} must be a string, found ${typeName(raw)}.`);
    input[key as FilterKey] = raw;
  }
  const parsed = parseFilters(input);
  if (parsed.problem) {
    const { key, value: text, problem, hint } = parsed.problem;
    fail(`filter ${quote(key)} ${quote(text)} ${problem}. ${hint}`);
  }
  return Object.keys(parsed.filters).length > 0 ? parsed.filters : undefined;
}

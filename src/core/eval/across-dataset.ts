import { UserError } from '../errors.js';
import { parseFilters, type FilterInput } from '../index/filter.js';
import { isJsonObject, jsonLines } from '../text/json-lines.js';
import type { Filters } from '../types.js';

/** A gold list item, timeline event or brief fact: the strings that name it, and the files that say it. */
export interface GoldItem {
  answers: string[];
  sources: string[];
  /** A timeline event's date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
}

/** A question whose answer spans articles, with its gold (`eval/across.jsonl`). */
export interface AcrossCase {
  id: string;
  kind: 'list' | 'timeline' | 'brief';
  question: string;
  /** List items, timeline events or brief facts. */
  gold: GoldItem[];
  /** A brief's sources: every article on its topic (what a brief may cite). */
  sources: string[];
  filters?: Filters;
  /** Other string fields, reported as groups (`lang:en`, `pair:en-id`). */
  groups: Record<string, string>;
}

const KINDS = new Set(['list', 'timeline', 'brief']);
/** The field holding the gold of each kind. */
const GOLD_FIELD = { list: 'items', timeline: 'events', brief: 'facts' } as const;
const RESERVED = new Set(['id', 'kind', 'question', 'items', 'events', 'facts', 'sources', 'filters']);

/** Whether a question file is a set of list, timeline and brief questions: its first object has such a `kind`. */
export function isAcrossFile(text: string): boolean {
  for (const row of jsonLines(text)) {
    if (row.error !== undefined || !isJsonObject(row.value)) return false;
    return KINDS.has(String(row.value.kind));
  }
  return false;
}

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null;

/** One line's case, or the sentence that says what is wrong with it. */
function toCase(fields: Record<string, unknown>, line: number): AcrossCase | string {
  const kind = String(fields.kind);
  if (!KINDS.has(kind)) return `"kind" must be list, timeline or brief.`;
  const k = kind as AcrossCase['kind'];
  if (typeof fields.question !== 'string' || fields.question.trim() === '') return 'the "question" field is missing.';
  const raw = fields[GOLD_FIELD[k]];
  if (!Array.isArray(raw) || raw.length === 0) return `"${GOLD_FIELD[k]}" must be a non-empty list.`;
  const gold: GoldItem[] = [];
  for (const entry of raw) {
    if (!isJsonObject(entry)) return `each of "${GOLD_FIELD[k]}" must be an object.`;
    const answers = strings(entry.answers);
    const sources = strings(entry.sources ?? (k === 'brief' ? [] : undefined));
    if (!answers?.length) return `each of "${GOLD_FIELD[k]}" needs "answers", a list of strings.`;
    if (!sources) return `each of "${GOLD_FIELD[k]}" needs "sources", a list of files.`;
    if (k === 'timeline' && (typeof entry.date !== 'string' || !/^\d{4}(-\d{2}){0,2}$/.test(entry.date)))
      return 'each event needs a "date", YYYY, YYYY-MM or YYYY-MM-DD.';
    gold.push({ answers, sources, ...(k === 'timeline' ? { date: entry.date as string } : {}) });
  }
  const sources = strings(fields.sources ?? []);
  if (!sources) return '"sources" must be a list of files.';
  if (k === 'brief' && sources.length === 0) return 'a brief needs "sources", the articles on its topic.';
  let filters: Filters | undefined;
  if (fields.filters !== undefined) {
    if (!isJsonObject(fields.filters)) return '"filters" must be an object.';
    const parsed = parseFilters(fields.filters as FilterInput);
    if (parsed.problem) return `filter "${parsed.problem.key}" ${parsed.problem.problem}.`;
    filters = parsed.filters;
  }
  const groups: Record<string, string> = { kind };
  for (const [name, value] of Object.entries(fields))
    if (!RESERVED.has(name) && typeof value === 'string' && value.trim() !== '') groups[name] = value.trim();
  return {
    id: typeof fields.id === 'string' && fields.id.trim() ? fields.id.trim() : `q${line}`,
    kind: k,
    question: fields.question.trim(),
    gold,
    sources,
    ...(filters ? { filters } : {}),
    groups,
  };
}

/** The cases of a list/timeline/brief question file; a line that cannot be read ends in one sentence naming it. */
export function loadAcrossCases(text: string, file: string): AcrossCase[] {
  const cases: AcrossCase[] = [];
  for (const row of jsonLines(text)) {
    const problem =
      row.error !== undefined
        ? `not valid JSON (${row.error})`
        : !isJsonObject(row.value)
          ? 'expected a JSON object'
          : toCase(row.value, row.line);
    if (typeof problem === 'string')
      throw new UserError('BAD_QUESTION_FILE', `${file}:${row.line}: ${problem.replace(/\.$/, '')}.`, {
        hint: 'See eval/README.md for the fields of list, timeline and brief questions.',
      });
    cases.push(problem);
  }
  return cases;
}

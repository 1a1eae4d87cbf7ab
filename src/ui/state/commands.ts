/** What a line typed at the chat prompt asks for. */
export type ChatCommand =
  | { type: 'ask'; question: string }
  | { type: 'open'; n: number }
  | { type: 'sources' }
  | { type: 'cite'; quote: string }
  | { type: 'filter'; action: 'show' }
  | { type: 'filter'; action: 'clear' }
  | { type: 'filter'; action: 'set'; values: Record<string, string> }
  | { type: 'new' }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'invalid'; message: string }
  | { type: 'none' };

export const COMMAND_HELP: [string, string][] = [
  ['/open N', 'show source N of the last answer in full'],
  ['/sources', "list the last answer's sources again"],
  ['/cite "quote"', 'find where a quote came from, e.g. /cite "Lavrov bertemu dengan timpalannya"'],
  ['/filter since=2020-09 lang=id', 'search only matching articles (also until= and source=)'],
  ['/filter clear', 'remove the filters; /filter alone shows them'],
  ['/new', 'start a new conversation'],
  ['/help', 'this list'],
  ['/quit', 'leave (or Ctrl+C, Ctrl+D)'],
];

const FILTER_KEYS = new Set(['since', 'until', 'source', 'lang']);

/** Splits `a=b c="d e"` into pairs, keeping quoted values whole. */
function pairs(text: string): { values: Record<string, string>; bad: string[] } {
  const values: Record<string, string> = {};
  const bad: string[] = [];
  for (const match of text.matchAll(/(\S+?)=(?:"([^"]*)"|'([^']*)'|(\S+))|(\S+)/g)) {
    if (match[5] !== undefined) bad.push(match[5]);
    else values[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return { values, bad };
}

export function parseCommand(line: string): ChatCommand {
  const text = line.trim();
  if (text === '') return { type: 'none' };
  if (!text.startsWith('/')) return { type: 'ask', question: text };
  const [, name = '', rest = ''] = /^\/(\S*)\s*([\s\S]*)$/.exec(text) ?? [];
  const args = rest.trim();
  switch (name.toLowerCase()) {
    case 'open': {
      const n = Number(args.replace(/^\[|\]$/g, ''));
      return Number.isInteger(n) && n > 0
        ? { type: 'open', n }
        : { type: 'invalid', message: 'Write /open with a source number, e.g. /open 1.' };
    }
    case 'sources':
      return { type: 'sources' };
    case 'cite': {
      const quote = args.replace(/^(["“'])([\s\S]*)(["”'])$/, '$2').trim();
      return quote
        ? { type: 'cite', quote }
        : {
            type: 'invalid',
            message: 'Write /cite with the quote to look up, e.g. /cite "Lavrov bertemu dengan timpalannya".',
          };
    }
    case 'filter':
    case 'filters': {
      if (args === '') return { type: 'filter', action: 'show' };
      if (/^(clear|none|off|reset)$/i.test(args)) return { type: 'filter', action: 'clear' };
      const { values, bad } = pairs(args);
      const unknown = Object.keys(values).filter((k) => !FILTER_KEYS.has(k));
      if (bad.length || unknown.length) {
        return {
          type: 'invalid',
          message: `${[...bad, ...unknown][0]} is not a filter: use since=, until=, source= or lang=, e.g. /filter since=2020-09 lang=id.`,
        };
      }
      return { type: 'filter', action: 'set', values };
    }
    case 'new':
    case 'reset':
      return { type: 'new' };
    case 'help':
    case '?':
      return { type: 'help' };
    case 'quit':
    case 'exit':
    case 'q':
      return { type: 'quit' };
    default:
      return { type: 'invalid', message: `/${name} is not a command; /help lists them.` };
  }
}

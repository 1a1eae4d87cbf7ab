import { eastAsianWidth } from 'get-east-asian-width';

/** A run of text with one look. */
export interface Segment<S> {
  text: string;
  style: S;
}

/** Lines narrower than this are not worth wrapping to: a narrower terminal gets lines this wide. */
const MIN_WIDTH = 10;
const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Escape sequences (colours, styles): they take no columns. */
const ANSI = /\u001b\[[0-9;]*m/g;
const ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}]+$/u;
const EMOJI = /\p{Extended_Pictographic}/u;

/** Columns one grapheme takes: 0 for marks and controls, 2 for emoji and wide East Asian characters, else 1. */
function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) return 0;
  if (EMOJI.test(grapheme)) return 2;
  return eastAsianWidth(grapheme.codePointAt(0)!);
}

/** Columns a string takes on a terminal: wide (CJK, emoji) characters count 2, combining marks and colour codes 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text.replace(ANSI, ''))) width += graphemeWidth(segment);
  return width;
}

interface Cell<S> {
  ch: string;
  style: S;
  width: number;
}

const cellsOf = <S>(segments: Segment<S>[]): Cell<S>[] =>
  segments.flatMap(({ text, style }) =>
    [...graphemes.segment(text)].map(({ segment: ch }) => ({ ch, style, width: ch === '\n' ? 0 : graphemeWidth(ch) })),
  );

const widthOf = (cells: Cell<unknown>[]): number => cells.reduce((sum, c) => sum + c.width, 0);

const runsOf = <S>(cells: Cell<S>[]): Segment<S>[] => {
  const runs: Segment<S>[] = [];
  for (const { ch, style } of cells) {
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.text += ch;
    else runs.push({ text: ch, style });
  }
  return runs;
};

/**
 * Word-wraps styled runs with a hanging indent: the first line may take `width - at` columns (`at`:
 * columns already used on it), every later line `width - hang` (the caller puts `hang` columns of
 * indentation before it). Breaks at
 * spaces and drops the space at a break, keeps explicit line breaks (the line after one is a
 * continuation too), and cuts only a word longer than a whole line. Widths are display columns.
 * Returns the runs of each line, without the indentation.
 */
export function wrapSegments<S>(segments: Segment<S>[], width: number, hang = 0, at = 0): Segment<S>[][] {
  const first = Math.max(MIN_WIDTH, width - at);
  const rest = Math.max(MIN_WIDTH, width - hang);
  const cells = cellsOf(segments);
  const lines: Cell<S>[][] = [];
  let line: Cell<S>[] = [];
  let used = 0;
  const max = () => (lines.length === 0 ? first : rest);
  const flush = () => {
    while (line.length && line[line.length - 1].ch === ' ') used -= line.pop()!.width;
    lines.push(line);
    line = [];
    used = 0;
  };
  let i = 0;
  while (i < cells.length) {
    const { ch } = cells[i];
    if (ch === '\n') {
      flush();
      i += 1;
      continue;
    }
    if (ch === ' ') {
      // Spaces at the start of a continuation line are dropped: the indentation is the caller's.
      if (line.length > 0 || lines.length === 0) {
        line.push(cells[i]);
        used += cells[i].width;
      }
      i += 1;
      continue;
    }
    let j = i;
    while (j < cells.length && cells[j].ch !== ' ' && cells[j].ch !== '\n') j += 1;
    const word = cells.slice(i, j);
    const wordWidth = widthOf(word);
    if (used + wordWidth > max() && line.some((c) => c.ch !== ' ')) flush();
    for (const cell of word) {
      if (used + cell.width > max() && line.length > 0) flush();
      line.push(cell);
      used += cell.width;
    }
    i = j;
  }
  flush();
  return lines.map(runsOf);
}

/** Plain text word-wrapped to `width` columns, continuation lines indented by `hang` spaces. */
export const wrapText = (text: string, width: number, hang = 0): string =>
  wrapSegments([{ text, style: null }], width, hang)
    .map((runs, i) => `${i > 0 ? ' '.repeat(hang) : ''}${runs.map((r) => r.text).join('')}`)
    .join('\n');

/** One line of at most `width` columns: cut at a grapheme and ended with an ellipsis when it is longer. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/**
 * Word-wraps text that arrives in pieces (a streamed answer) by the same rule as {@link wrapText}:
 * each word is written once it is complete, on the line it fits; `end()` writes the last one.
 */
export function wrapStream(
  width: number,
  hang: number,
  write: (text: string) => void,
): { push(text: string): void; end(): void } {
  let line = ''; // what is written of the current line, after its indentation
  let continuation = false;
  let held = ''; // from the last break on: a word that may still grow
  const put = (text: string) => {
    const lines = wrapSegments([{ text: line + text, style: null }], width, hang, continuation ? hang : 0).map((runs) =>
      runs.map((r) => r.text).join(''),
    );
    write(lines.map((l, i) => (i === 0 ? l.slice(line.length) : `\n${' '.repeat(hang)}${l}`)).join(''));
    continuation ||= lines.length > 1;
    line = lines[lines.length - 1];
  };
  return {
    push(text) {
      held += text;
      const at = Math.max(held.lastIndexOf(' '), held.lastIndexOf('\n'));
      if (at <= 0) return;
      put(held.slice(0, at));
      held = held.slice(at);
    },
    end() {
      if (held) put(held);
      held = '';
    },
  };
}

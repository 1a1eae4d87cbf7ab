import type { Style } from './style.js';
import { displayWidth, wrapText } from './wrap.js';

/** Which way a numeric column is better, so its best figure can be marked. */
export type Better = 'higher' | 'lower';

export interface TableOptions {
  /** Per column; numbers read best right-aligned. Default: left. */
  align?: ('left' | 'right')[];
  /** Per column: mark the best number in it (bold, so only where the stream shows styles: a terminal). */
  better?: (Better | undefined)[];
}

const GAP = '  ';

const pad = (cell: string, width: number, align: 'left' | 'right' = 'left') => {
  const space = ' '.repeat(Math.max(0, width - displayWidth(cell)));
  return align === 'right' ? space + cell : cell + space;
};

/** The row indexes holding the best number of a column (several when tied); none when the column has fewer than two numbers. */
function bestRows(rows: string[][], col: number, better: Better): Set<number> {
  const numbers = rows
    .map((row) => Number.parseFloat(row[col]))
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => Number.isFinite(n));
  if (numbers.length < 2) return new Set();
  const best = better === 'higher' ? Math.max(...numbers.map((x) => x.n)) : Math.min(...numbers.map((x) => x.n));
  return new Set(numbers.filter(({ n }) => n === best).map(({ i }) => i));
}

/** A table as aligned columns: see {@link tableRows}. */
export const formatTable = (header: string[], rows: string[][], style: Style, options: TableOptions = {}): string =>
  tableRows(header, rows, style, options).join('\n');

/**
 * A table's rows as aligned columns (widths in display columns, styles not counted), a dim header
 * first when it has any text. On a terminal (`style.width`) a last column too long for the line wraps
 * by words under itself, so a row may take several lines.
 */
export function tableRows(header: string[], rows: string[][], style: Style, options: TableOptions = {}): string[] {
  const marked = rows.map((row) => [...row]);
  options.better?.forEach((better, col) => {
    if (better) for (const r of bestRows(rows, col, better)) marked[r][col] = style.bold(rows[r][col]);
  });
  const all = header.some(Boolean) ? [header.map((h) => style.dim(h)), ...marked] : marked;
  const last = header.length - 1;
  const widths = header.map((_, col) => Math.max(...all.map((row) => displayWidth(row[col] ?? ''))));
  const indent = widths.slice(0, last).reduce((sum, w) => sum + w + GAP.length, 0);
  return all.map((row) => {
    const lead = row.slice(0, last).map((cell, col) => pad(cell, widths[col], options.align?.[col]));
    const tail = row[last] ?? '';
    // Only plain text wraps; a styled cell keeps its escape sequences whole.
    const room = style.width ? style.width - indent : Infinity;
    const wrapped =
      displayWidth(tail) > room && !tail.includes('\u001b')
        ? wrapText(tail, room)
            .split('\n')
            .join(`\n${' '.repeat(indent)}`)
        : pad(tail, widths[last], options.align?.[last]);
    return [...lead, wrapped].join(GAP).trimEnd();
  });
}

/** A run of text with one look. */
export interface Segment<S> {
  text: string;
  style: S;
}

/**
 * Word-wraps styled runs to `width` columns: breaks at spaces, drops the space at a break, cuts
 * words longer than a line, and keeps explicit line breaks. Returns the runs of each line.
 */
export function wrapSegments<S>(segments: Segment<S>[], width: number): Segment<S>[][] {
  const max = Math.max(10, width);
  const chars: { ch: string; style: S }[] = [];
  for (const s of segments) for (const ch of s.text) chars.push({ ch, style: s.style });
  const lines: { ch: string; style: S }[][] = [];
  let line: { ch: string; style: S }[] = [];
  let i = 0;
  const flush = () => {
    lines.push(line);
    line = [];
  };
  while (i < chars.length) {
    if (chars[i].ch === '\n') {
      flush();
      i += 1;
      continue;
    }
    if (chars[i].ch === ' ') {
      if (line.length >= max) {
        flush();
        i += 1;
        continue;
      }
      if (line.length > 0) line.push(chars[i]);
      i += 1;
      continue;
    }
    let j = i;
    while (j < chars.length && chars[j].ch !== ' ' && chars[j].ch !== '\n') j += 1;
    const word = chars.slice(i, j);
    if (line.length + word.length > max && line.length > 0) {
      while (line.length && line[line.length - 1].ch === ' ') line.pop();
      flush();
    }
    for (let k = 0; k < word.length; k += max) {
      const piece = word.slice(k, k + max);
      if (line.length + piece.length > max && line.length > 0) flush();
      line.push(...piece);
    }
    i = j;
  }
  if (line.length || lines.length === 0) flush();
  return lines.map((l) => {
    const runs: Segment<S>[] = [];
    for (const { ch, style } of l) {
      const last = runs[runs.length - 1];
      if (last && last.style === style) last.text += ch;
      else runs.push({ text: ch, style });
    }
    return runs;
  });
}

/** A cited span with some of its passage either side, for a one-glance source line. */
export interface CitedWindow {
  before: string;
  cited: string;
  after: string;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Cuts `context` words either side of the cited span [start, end) of a passage that begins at
 * `passageStart` in its file, at word boundaries, with an ellipsis where text was left out.
 */
export function citedWindow(passage: { start: number; text: string } | undefined, start: number, end: number, cited: string, context = 90): CitedWindow {
  if (!passage || start < passage.start || end > passage.start + passage.text.length) return { before: '', cited: flat(cited).trim(), after: '' };
  let before = flat(passage.text.slice(0, start - passage.start));
  let after = flat(passage.text.slice(end - passage.start));
  if (before.length > context) {
    const cut = before.slice(-context);
    const space = cut.indexOf(' ');
    before = `…${space >= 0 && space < context / 2 ? cut.slice(space + 1) : cut}`;
  } else before = before.trimStart();
  if (after.length > context) {
    const cut = after.slice(0, context);
    const space = cut.lastIndexOf(' ');
    after = `${space > context / 2 ? cut.slice(0, space) : cut}…`;
  } else after = after.trimEnd();
  return { before, cited: flat(cited), after };
}

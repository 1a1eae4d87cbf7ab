/** A citation marker: `[1]`, `[1, 2]`, `[1;3]`. */
export const MARKER = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;
const MARKER_AT_START = /^\[(\d+(?:\s*[,;]\s*\d+)*)\]/;
/** What may still grow into a marker while a reply streams in. */
const MARKER_PREFIX = /^\[[\d\s,;]*$/;
/** Longer than any marker a model writes: a `[` followed by this many characters is plain text. */
const MAX_MARKER_LENGTH = 24;
const PUNCTUATION_AFTER = /^[.,;:!?)]/;

export interface MarkerFilter {
  /** The part of the reply so far that can be shown for good. */
  push(piece: string): string;
  /** The rest, once the reply is complete. */
  end(): string;
  /** Numbers that pointed at no source, in order, repeats included. */
  readonly invalid: number[];
  /** How many markers were kept. */
  readonly kept: number;
}

/**
 * Checks a reply's [n] markers as they close while it streams in: numbers that point at no source
 * are removed, and a marker left empty goes with the space before it ("Moscow [9]." → "Moscow.").
 * Text that could still be (or precede) a marker is held back, so what is shown is exactly what is
 * kept: `push` over every piece plus `end` gives the same text as one `push` of the whole reply.
 */
export function markerFilter(valid: (n: number) => boolean): MarkerFilter {
  let pending = '';
  // White space before a removed marker: shown only if what follows is a word, not punctuation.
  let carry = '';
  const invalid: number[] = [];
  let kept = 0;

  const run = (final: boolean): string => {
    let out = '';
    if (carry) {
      if (!pending && !final) return '';
      if (pending && !/^\s/.test(pending) && !PUNCTUATION_AFTER.test(pending)) pending = carry + pending;
      carry = '';
    }
    for (;;) {
      const open = pending.indexOf('[');
      const before = open < 0 ? pending : pending.slice(0, open);
      // Trailing white space waits: a removed marker may follow it.
      const space = final && open < 0 ? before.length : before.search(/\s*$/);
      out += before.slice(0, space);
      if (open < 0) {
        pending = before.slice(space);
        return out;
      }
      const gap = before.slice(space);
      const rest = pending.slice(open);
      const marker = MARKER_AT_START.exec(rest);
      if (marker && marker[0].length < MAX_MARKER_LENGTH) {
        const numbers = marker[1].split(/\s*[,;]\s*/).map(Number);
        const good = numbers.filter((n) => valid(n));
        invalid.push(...numbers.filter((n) => !valid(n)));
        pending = rest.slice(marker[0].length);
        if (good.length) {
          kept += 1;
          out += `${gap}[${good.join(', ')}]`;
        } else if (gap) {
          carry = gap;
          return out + run(final);
        }
        continue;
      }
      if (!final && MARKER_PREFIX.test(rest) && rest.length < MAX_MARKER_LENGTH) {
        pending = gap + rest;
        return out;
      }
      out += `${gap}[`;
      pending = rest.slice(1);
    }
  };

  return {
    push(piece: string) {
      pending += piece;
      return run(false);
    },
    end: () => run(true),
    invalid,
    get kept() {
      return kept;
    },
  };
}

/** The whole reply through a marker filter at once. */
export function dropInvalidMarkers(text: string, valid: (n: number) => boolean): { text: string; invalid: number[] } {
  const filter = markerFilter(valid);
  const out = filter.push(text) + filter.end();
  return { text: out, invalid: filter.invalid };
}

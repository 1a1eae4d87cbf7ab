import { useTheme } from '../theme.js';
import type { Segment } from '../state/wrap.js';
import { Wrapped, type Look } from './Wrapped.js';

/** Text with one span highlighted, the rest plain or dimmed, wrapped to the terminal minus `indent`. */
export function Highlighted({ before, cited, after, dimRest = false, indent = 0 }: { before: string; cited: string; after: string; dimRest?: boolean; indent?: number }) {
  const theme = useTheme();
  const rest = dimRest ? ('dim' as const) : ('plain' as const);
  return (
    <Wrapped
      indent={indent}
      palette={theme}
      segments={([
        { text: before, style: rest },
        { text: cited, style: 'highlight' },
        { text: after, style: rest },
      ] as Segment<Look>[]).filter((s) => s.text)}
    />
  );
}

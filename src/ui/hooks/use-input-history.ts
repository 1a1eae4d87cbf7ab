import { useCallback, useState } from 'react';
import type { InputHistoryStore } from '../state/input-history.js';

/** Lines typed at the prompt, loaded once from the store and appended to it. */
export function useInputHistory(store: InputHistoryStore): { entries: string[]; add(line: string): void } {
  const [entries, setEntries] = useState(() => store.load());
  const add = useCallback(
    (line: string) => {
      const text = line.trim();
      if (!text) return;
      setEntries((old) => (old[old.length - 1] === text ? old : [...old, text]));
      store.add(text);
    },
    [store],
  );
  return { entries, add };
}

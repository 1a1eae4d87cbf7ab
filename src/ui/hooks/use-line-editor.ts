import { useRef, useState } from 'react';
import { useInput } from 'ink';

export interface LineEditorOptions {
  /** Earlier lines, oldest first, recalled with the up and down arrows. */
  history: string[];
  onSubmit(line: string): void;
  /** Ctrl+C. */
  onInterrupt(): void;
  /** Ctrl+D on an empty line. */
  onEnd(): void;
  isActive?: boolean;
}

export interface LineEditor {
  value: string;
  cursor: number;
}

/** A one-line editor on Ink's input: typing, editing keys, history recall, submit. */
export function useLineEditor({
  history,
  onSubmit,
  onInterrupt,
  onEnd,
  isActive = true,
}: LineEditorOptions): LineEditor {
  // Refs, not state, hold the line: several keys can arrive before React renders again.
  const lineRef = useRef({ value: '', cursor: 0 });
  const [line, setLineState] = useState(lineRef.current);
  const setLine = (next: { value: string; cursor: number }) => {
    lineRef.current = next;
    setLineState(next);
  };
  // Position in history while recalling: history.length means the line being written.
  const recallRef = useRef<{ index: number; draft: string } | null>(null);
  const setRecall = (next: { index: number; draft: string } | null) => {
    recallRef.current = next;
  };

  useInput(
    (input, key) => {
      const { value, cursor } = lineRef.current;
      const recall = recallRef.current;
      const set = (next: string, at: number) =>
        setLine({ value: next, cursor: Math.max(0, Math.min(next.length, at)) });
      if (key.ctrl && input === 'c') return onInterrupt();
      if (key.ctrl && input === 'd') {
        if (value === '') onEnd();
        else set(value.slice(0, cursor) + value.slice(cursor + 1), cursor);
        return;
      }
      if (key.return) {
        setLine({ value: '', cursor: 0 });
        setRecall(null);
        onSubmit(value);
        return;
      }
      if (key.upArrow || key.downArrow) {
        if (history.length === 0) return;
        const current = recall ?? { index: history.length, draft: value };
        const index = Math.max(0, Math.min(history.length, current.index + (key.upArrow ? -1 : 1)));
        const next = index === history.length ? current.draft : history[index];
        setRecall({ index, draft: current.draft });
        set(next, next.length);
        return;
      }
      if (key.leftArrow) return set(value, cursor - 1);
      if (key.rightArrow) return set(value, cursor + 1);
      if (key.home || (key.ctrl && input === 'a')) return set(value, 0);
      if (key.end || (key.ctrl && input === 'e')) return set(value, value.length);
      if (key.ctrl && input === 'u') return set(value.slice(cursor), 0);
      if (key.ctrl && input === 'k') return set(value.slice(0, cursor), cursor);
      if (key.ctrl && input === 'w') {
        const start = value.slice(0, cursor).replace(/\S+\s*$/, '').length;
        return set(value.slice(0, start) + value.slice(cursor), start);
      }
      if (key.backspace || key.delete) {
        if (cursor === 0) return;
        return set(value.slice(0, cursor - 1) + value.slice(cursor), cursor - 1);
      }
      if (key.ctrl || key.meta || key.escape || key.tab || !input) return;
      // Typed or pasted text, possibly several keys at once (fast typing, tmux send-keys, keys typed
      // before the chat was up): each line break is an Enter, submitting the line so far.
      const [first, ...rest] = input.split(/\r\n?|\n/).map((part) => part.replace(/[\u0000-\u001f\u007f]/g, ''));
      if (rest.length === 0) {
        if (first) set(value.slice(0, cursor) + first + value.slice(cursor), cursor + first.length);
        return;
      }
      const tail = rest.pop()!;
      setLine({ value: tail, cursor: tail.length });
      setRecall(null);
      for (const line of [value.slice(0, cursor) + first + value.slice(cursor), ...rest]) onSubmit(line);
    },
    { isActive },
  );

  return line;
}

import { terminalSafe } from '../../present/terminal-safe.js';
import { useTheme } from '../theme.js';
import { Wrapped, segments } from './Wrapped.js';

/** A line of the chat's own, wrapped with a hanging indent; `text` may name files or quote articles, so it is made safe. */
export function Message({
  level,
  text: raw,
  left = 0,
}: {
  level: 'info' | 'warn' | 'error';
  text: string;
  left?: number;
}) {
  const theme = useTheme();
  const text = terminalSafe(raw);
  const label = theme.color || level === 'info' ? '' : `${level === 'warn' ? 'warning' : 'error'}: `;
  return <Wrapped left={left} hang={2} segments={segments([`${label}${text}`, level === 'info' ? 'dim' : level])} />;
}

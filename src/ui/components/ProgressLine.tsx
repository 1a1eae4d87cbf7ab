import { Text } from 'ink';
import { useTheme } from '../theme.js';

/** `Indexing [#####-----] 3/10 articles`, sized to fit 80 columns. */
export function ProgressLine({
  label,
  done,
  total,
  unit,
  width = 30,
}: {
  label: string;
  done: number;
  total: number;
  unit: string;
  width?: number;
}) {
  const theme = useTheme();
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return (
    <Text>
      {label} [<Text color={theme.accent}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>] {done}/{total} {unit}
    </Text>
  );
}

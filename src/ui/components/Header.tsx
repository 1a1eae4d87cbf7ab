import { Text } from 'ink';
import type { HeaderInfo } from '../hooks/use-engine.js';
import { oneLine } from '../../present/text.js';
import { useTheme } from '../theme.js';

export function Header({ info }: { info: HeaderInfo }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end">
      <Text bold color={theme.accent}>
        kabar
      </Text>
      <Text dimColor>
        {' '}
        · {oneLine(info.corpus)} · {info.articles} articles, {info.passages} passages · embeddings{' '}
        {oneLine(info.embedder)} · answers {oneLine(info.answerer)}
      </Text>
    </Text>
  );
}

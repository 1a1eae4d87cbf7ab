import { Text } from 'ink';
import type { HeaderInfo } from '../hooks/use-engine.js';
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
        · {info.corpus} · {info.articles} articles, {info.passages} passages · embeddings {info.embedder} · answers {info.answerer}
      </Text>
    </Text>
  );
}

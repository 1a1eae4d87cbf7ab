import { useEffect, useMemo, useRef } from 'react';
import { Box, Static, Text, useApp } from 'ink';
import { describeError, type Citation, type Hit } from '../core/index.js';
import { citedWindow } from '../present/text.js';
import { CommandEcho } from './components/CommandEcho.js';
import { Header } from './components/Header.js';
import { Help } from './components/Help.js';
import { Message } from './components/Message.js';
import { PassageView } from './components/PassageView.js';
import { ProgressLine } from './components/ProgressLine.js';
import { Prompt } from './components/Prompt.js';
import { QuoteList } from './components/QuoteList.js';
import type { Source } from './components/SourceList.js';
import { SourceList } from './components/SourceList.js';
import { TurnView } from './components/TurnView.js';
import { useConversation } from './hooks/use-conversation.js';
import { useEngine, type ChatSession, type Opener } from './hooks/use-engine.js';
import { useInputHistory } from './hooks/use-input-history.js';
import { useLineEditor, type LineEditor } from './hooks/use-line-editor.js';
import type { Item } from './state/conversation-reducer.js';
import { memoryHistory, type InputHistoryStore } from './state/input-history.js';
import { ThemeContext, themeFor, type Theme } from './theme.js';

export interface AppProps {
  /** Opens the engine; progress and warnings arrive through the hooks it is given. */
  open: Opener;
  history?: InputHistoryStore;
  theme?: Theme;
}

/** Each citation with a window of its passage (from the answer's hits) around it. */
const sourcesOf = (hits: Hit[], citations: Citation[]): Source[] =>
  citations.map((citation) => ({
    citation,
    window: citedWindow(
      hits.find((h) => h.passage.id === citation.id)?.passage,
      citation.start,
      citation.end,
      citation.text,
    ),
  }));

/** Where the prompt's keys go: the chat once it is up; before that, lines are queued and Ctrl+C leaves. */
interface KeyTarget {
  submit(line: string): void;
  interrupt(): void;
}

export function App({ open, history, theme = themeFor() }: AppProps) {
  const state = useEngine(open);
  const { exit } = useApp();
  const store = useMemo(() => history ?? memoryHistory(), [history]);
  const inputs = useInputHistory(store);
  // The line editor lives from the first frame, so keys typed while the index opens are kept.
  const queued = useRef<string[]>([]);
  const target = useRef<KeyTarget>({ submit: (line) => queued.current.push(line), interrupt: () => exit() });
  const editor = useLineEditor({
    history: inputs.entries,
    onSubmit: (line) => {
      inputs.add(line);
      target.current.submit(line);
    },
    onInterrupt: () => target.current.interrupt(),
    onEnd: () => exit(),
  });
  useEffect(() => {
    if (state.phase === 'failed')
      exit(state.error instanceof Error ? state.error : new Error(describeError(state.error)));
  }, [state, exit]);
  return (
    <ThemeContext.Provider value={theme}>
      {state.phase === 'ready' ? (
        <Chat
          session={state.session}
          warnings={state.warnings}
          editor={editor}
          target={target}
          queued={queued.current}
          onQuit={() => exit()}
        />
      ) : (
        <Opening progress={state.phase === 'opening' ? state.progress : null} warnings={state.warnings} />
      )}
    </ThemeContext.Provider>
  );
}

function Opening({ progress, warnings }: { progress: { done: number; total: number } | null; warnings: string[] }) {
  return (
    <Box flexDirection="column">
      {warnings.map((w, i) => (
        <Message key={i} level="warn" text={w} />
      ))}
      {progress && progress.total > 0 ? (
        <ProgressLine label="Indexing" done={progress.done} total={progress.total} unit="articles" />
      ) : (
        <Text dimColor>Opening the index…</Text>
      )}
    </Box>
  );
}

type StaticItem = Item | { kind: 'header'; id: number } | { kind: 'warning'; id: number; text: string };

interface ChatProps {
  session: ChatSession;
  warnings: string[];
  editor: LineEditor;
  target: { current: KeyTarget };
  /** Lines entered before the chat was up, asked now in order. */
  queued: string[];
  onQuit(): void;
}

function Chat({ session, warnings, editor, target, queued, onQuit }: ChatProps) {
  const { engine } = session;
  const conversation = useConversation({
    engine,
    findQuote: session.findQuote,
    articlesMatching: session.articlesMatching,
    onQuit,
  });
  target.current = {
    submit: conversation.submit,
    interrupt: () => {
      if (!conversation.cancel()) onQuit();
    },
  };
  useEffect(() => {
    for (const line of queued.splice(0)) conversation.submit(line);
  }, []); // once, when the chat comes up
  const items: StaticItem[] = [
    { kind: 'header', id: -1 },
    ...warnings.map((text, i) => ({ kind: 'warning' as const, id: -2 - i, text })),
    ...conversation.state.items,
  ];
  const { live } = conversation.state;
  return (
    <Box flexDirection="column">
      <Static items={items}>{(item) => <Box key={item.id}>{renderItem(item, session)}</Box>}</Static>
      {live ? (
        <TurnView turn={live} sources={live.answer ? sourcesOf(live.answer.hits, live.answer.citations) : []} live />
      ) : null}
      <Prompt value={editor.value} cursor={editor.cursor} busy={conversation.busy} />
    </Box>
  );
}

function renderItem(item: StaticItem, session: ChatSession) {
  switch (item.kind) {
    case 'header':
      return (
        <Box flexDirection="column">
          <Header info={session.header} />
          <Text dimColor>Ask about the articles; /help lists commands.</Text>
        </Box>
      );
    case 'warning':
      return <Message level="warn" text={item.text} />;
    case 'turn':
      return <TurnView turn={item} sources={item.answer ? sourcesOf(item.answer.hits, item.answer.citations) : []} />;
    case 'message':
      return (
        <Box marginTop={1}>
          <Message level={item.level} text={item.text} />
        </Box>
      );
    case 'passage':
      return <PassageView n={item.n} context={item.context} citation={item.citation} span={item.span} />;
    case 'sources':
      return <SourceList sources={sourcesOf(item.hits, item.citations)} />;
    case 'quotes':
      return <QuoteList quote={item.quote} matches={item.matches} />;
    case 'help':
      return <Help />;
    case 'command':
      return <CommandEcho line={item.line} />;
  }
}

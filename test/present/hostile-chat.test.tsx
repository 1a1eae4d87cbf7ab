import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnswerEvent, Citation, Passage } from '../../src/core/types.js';
import type { ChatEngine } from '../../src/ui/hooks/use-conversation.js';
import { answerOf } from '../ui/fake-engine.js';
import { renderApp } from '../ui/render-helpers.js';

const ESC = '\x1b';
const BEL = '\x07';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Ink's own styling: SGR sequences (colours, bold, dim) and cursor movement between frames; nothing else may start with ESC. */
const INK_OWN = /\x1b\[[0-9;?]*[A-Za-z]/g;

const file = `evil${ESC}]0;pwned${BEL}.txt`;
const RAW = `Lavrov bertemu Zakharova${ESC}[2J di Moskow. Klik ${ESC}]8;;http://evil.example/${BEL}di sini${ESC}]8;;${BEL} sekarang\u009b31m.\r\nSelesai${BEL} \u202eini\u202c.`;
const first = RAW.indexOf('Klik');
const passage: Passage = {
  id: `${file}#0`,
  file,
  start: 0,
  end: RAW.length,
  text: RAW,
  sentences: [
    { start: 0, end: first - 1, text: RAW.slice(0, first - 1) },
    { start: first, end: RAW.length, text: RAW.slice(first) },
  ],
};
const article = {
  file,
  title: `Judul${ESC}]0;retitled${BEL} berita`,
  date: '2020-10',
  source: `IRNA${ESC}[8m`,
  lang: 'id' as const,
  version: { size: RAW.length, mtimeMs: 0, hash: 'x' },
  passages: [passage],
};
const citation: Citation = {
  n: 1,
  id: passage.id,
  file,
  title: article.title,
  source: article.source,
  date: article.date,
  lang: 'id',
  start: 0,
  end: first - 1,
  text: RAW.slice(0, first - 1),
};
const REPLY = `Lavrov ${ESC}]0;owned${BEL}bertemu ${ESC}[2JZakharova\u009d0;x\u009c \u2067di\u2069 [1].`;

const engine: ChatEngine = {
  store: {
    passage: async (id: string) => (id === passage.id ? { passage, article } : undefined),
    article: async (id: string) => (id === file ? article : undefined),
    versions: async () => new Map([[file, article.version]]),
  },
  async *ask(question: string) {
    const events: AnswerEvent[] = [
      { type: 'resolved', question: `${question} ${ESC}[31mresolved`, filters: {} },
      { type: 'retrieved', hits: [] },
      { type: 'token', text: REPLY.slice(0, 12) },
      { type: 'token', text: REPLY.slice(12) },
      { type: 'done', answer: answerOf(question, REPLY, [citation], `${question} ${ESC}[31mresolved`) },
    ];
    for (const event of events) {
      await new Promise((r) => setTimeout(r, 1));
      yield event;
    }
  },
};

test('the chat shows the article, the model reply, a warning and a quote lookup with their controls visible, never raw', async () => {
  const match = {
    file,
    id: passage.id,
    start: 0,
    end: 6,
    line: 1,
    text: `Lavrov${BEL}`,
    score: 1,
    kind: 'exact' as const,
    date: '2020-10',
    source: 'IRNA',
    lang: 'id' as const,
    earliest: true,
  };
  const app = renderApp({
    open: async (hooks) => {
      hooks.onWarning(`Skipped bad${ESC}[31m.txt: it is a binary file, not text.`);
      return {
        engine,
        header: {
          corpus: `corpus${ESC}]0;x${BEL}`,
          articles: 1,
          passages: 1,
          embedder: 'hashing',
          answerer: 'extractive',
        },
        findQuote: async () => [match],
        articlesMatching: async () => 1,
      };
    },
  });
  try {
    await app.waitFor((t) => t.includes('/help for commands'));
    await app.type('Siapa bertemu Zakharova?');
    await app.waitFor((t) => t.includes('Judul␛]0;retitled␇ berita'));
    await app.type('/open 1');
    await app.waitFor((t) => t.includes('passage evil␛]0;pwned␇.txt#0'));
    await app.type('/cite Lavrov');
    await app.waitFor((t) => t.includes('Lavrov␇'));
    const all = app.all();
    assert.match(all, /Lavrov ␛\]0;owned␇bertemu ␛\[2JZakharova\\x9d0;x\\x9c <U\+2067>di<U\+2069> \[1\]/);
    assert.match(all, /bad␛\[31m\.txt/);
    assert.match(all, /corpus␛\]0;x␇/);
    const found = CONTROL.exec(all.replace(INK_OWN, ''));
    assert.equal(
      found,
      null,
      `control U+${found?.[0].charCodeAt(0).toString(16)} near ${JSON.stringify(all.replace(INK_OWN, '').slice(Math.max(0, (found?.index ?? 0) - 30), (found?.index ?? 0) + 30))}`,
    );
  } finally {
    app.unmount();
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import React from 'react';
import { render } from 'ink-testing-library';
import type { AnswerEvent } from '../../src/core/types.js';
import { TurnView } from '../../src/ui/components/TurnView.js';
import { answerOf, CITED, fakeEngine, sessionOf } from './fake-engine.js';
import { renderApp } from './render-helpers.js';

void React;

const NAME = 'Amir Hatami';
const at = CITED.start + CITED.text.indexOf(NAME);
const SHORT = { ...CITED, n: undefined, start: at, end: at + NAME.length, text: NAME, shown: NAME };
const { n: _n, ...SUPPORT } = CITED;

const shortAnswer = (question: string) => ({
  ...answerOf(question, `${NAME} [1]`, [CITED]),
  short: SHORT,
  support: SUPPORT,
  confidence: 0.9,
});

const events = (question: string): AnswerEvent[] => [
  { type: 'resolved', question, filters: {} },
  { type: 'retrieved', hits: [] },
  { type: 'token', text: `${NAME} [1]` },
  { type: 'done', answer: shortAnswer(question) },
];

test('a short answer is shown first, then the quoted supporting sentence, then the sources', () => {
  const answer = shortAnswer('Who met Shoygu?');
  const app = render(
    <TurnView
      turn={{ kind: 'turn', id: 1, question: answer.question, filters: {}, text: answer.answer, answer }}
      sources={[{ citation: CITED, window: { before: '', cited: CITED.text, after: '' } }]}
    />,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  const lines = frame.split('\n').map((line) => line.trimEnd());
  const shortLine = lines.findIndex((line) => line === `  ${NAME} [1]`);
  // The sentence is cut at a word about 90 characters before the short answer.
  const quoteLine = lines.findIndex((line) => line.startsWith('    "…Rusia Sergey Shoygu pada hari Minggu'));
  const sourceLine = lines.findIndex((line) => line.startsWith('[1]'));
  assert.ok(shortLine >= 0 && shortLine < quoteLine && quoteLine < sourceLine, frame);
  assert.match(frame, /Brigadir Jenderal Amir Hatami mengatakan/);
  assert.match(frame, /kerja sama\." \[1\]/);
});

test('an answer without a short span is shown as before, with no quote line', () => {
  const answer = answerOf('Why?', `${CITED.text} [1]`, [CITED]);
  const app = render(
    <TurnView
      turn={{ kind: 'turn', id: 1, question: 'Why?', filters: {}, text: answer.answer, answer }}
      sources={[]}
    />,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  assert.doesNotMatch(frame, /^ *"/m);
  assert.match(frame, /Dalam pertemuan/);
});

test('in the chat, /open 1 after a short answer highlights the short answer inside the cited sentence', async () => {
  const engine = fakeEngine((q) => events(q));
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor((t) => t.includes('/help for commands'));
    await app.type('Who met Shoygu?');
    const frame = await app.waitFor((t) => t.includes('[1]  IslamTimes'));
    assert.match(frame, new RegExp(`  ${NAME} \\[1\\]\\n    "…Rusia Sergey Shoygu`));
    await app.type('/open 1');
    const opened = await app.waitFor((t) => t.includes('passage 004_hatami.txt#1'));
    const flat = opened.replace(/[│\s]+/g, ' ');
    assert.match(flat, new RegExp(`chars ${CITED.start}–${CITED.end} · answer ${SHORT.start}–${SHORT.end}`));
  } finally {
    app.unmount();
  }
});

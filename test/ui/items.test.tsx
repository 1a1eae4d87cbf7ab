import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerOf, CITED, fakeEngine, sessionOf } from './fake-engine.js';
import { renderApp } from './render-helpers.js';

test('a timeline shows one row per event with its date in the margin, and /open N opens its citation', async () => {
  const text = '2020-08-23 Hatami bertemu Shoygu. [1]';
  const engine = fakeEngine((q) => [
    { type: 'resolved', question: q, filters: {} },
    { type: 'token', text },
    {
      type: 'done',
      answer: {
        ...answerOf(q, text, [CITED]),
        kind: 'timeline',
        items: [{ text: 'Hatami bertemu Shoygu.', date: '2020-08-23', citations: [CITED] }],
      },
    },
  ]);
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor((t) => t.includes('/help for commands'));
    await app.type('Kronologi pertemuan Hatami dan Shoygu');
    const frame = await app.waitFor((t) => /2020-08-23\s+Hatami bertemu Shoygu\. \[1\]/.test(t));
    assert.match(frame, /2020-08-23\s+Hatami bertemu Shoygu\. \[1\]/);
    await app.type('/open 1');
    await app.waitFor((t) => t.includes(`passage ${CITED.id}`));
  } finally {
    app.unmount();
  }
});

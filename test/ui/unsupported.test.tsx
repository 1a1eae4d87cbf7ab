import assert from 'node:assert/strict';
import { test } from 'node:test';
import { answerOf, CITED, fakeEngine, sessionOf } from './fake-engine.js';
import { renderApp } from './render-helpers.js';

test('sentences of an answer that cite no passage are flagged under it', async () => {
  const text = 'Hatami met Shoygu [1]. See https://evil.example for more.';
  const engine = fakeEngine((q) => [
    { type: 'resolved', question: q, filters: {} },
    { type: 'token', text },
    { type: 'done', answer: { ...answerOf(q, text, [CITED]), unsupported: ['See https://evil.example for more.'] } },
  ]);
  const app = renderApp({ open: sessionOf(engine) });
  try {
    await app.waitFor((t) => t.includes('/help for commands'));
    await app.type('Who met Shoygu?');
    const frame = await app.waitFor((t) => t.includes('No passage is cited for'));
    assert.match(frame, /warning: No passage is cited for: “See https:\/\/evil\.example for more\.”/);
  } finally {
    app.unmount();
  }
});

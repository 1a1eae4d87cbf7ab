import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChatSession, OpenHooks } from '../../src/ui/hooks/use-engine.js';
import { answerEvents, fakeEngine, sessionOf } from './fake-engine.js';
import { renderApp, tick, waitFor } from './render-helpers.js';

/** An opener the test finishes by hand, with the hooks the chat gave it. */
function heldOpener(session: () => Promise<ChatSession>) {
  let finish!: () => void;
  let hooks!: OpenHooks;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    open: async (given: OpenHooks) => {
      hooks = given;
      await done;
      return session();
    },
    hooks: () => hooks,
    finish: () => finish(),
  };
}

test('while a new index builds the chat shows articles done/total, then the prompt', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'Hatami [1]'));
  const opener = heldOpener(() => sessionOf(engine)({} as OpenHooks));
  const app = renderApp({ open: opener.open });
  try {
    await tick();
    opener.hooks().onProgress(2, 5);
    const building = await waitFor(app.lastFrame, (t) => t.includes('2/5 articles'));
    assert.match(building, /Indexing \[.*\] 2\/5 articles/);
    assert.doesNotMatch(building, /\/help for commands/, 'no prompt while the index builds');
    opener.hooks().onProgress(5, 5);
    await waitFor(app.lastFrame, (t) => t.includes('5/5 articles'));
    opener.finish();
    const ready = await waitFor(app.lastFrame, (t) => t.includes('/help for commands'));
    assert.doesNotMatch(ready, /articles\n.*Indexing/);
  } finally {
    app.unmount();
  }
});

test('keys typed before the prompt appears are kept: a line entered is asked, a half-typed one waits at the prompt', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'Hatami met Shoygu [1]'));
  const opener = heldOpener(() => sessionOf(engine)({} as OpenHooks));
  const app = renderApp({ open: opener.open });
  try {
    await tick();
    await app.type('Who met Shoygu?');
    for (const ch of 'When was') app.stdin.write(ch);
    await tick();
    assert.equal(engine.calls.length, 0, 'nothing is asked before the engine is open');
    opener.finish();
    const answered = await waitFor(
      app.lastFrame,
      (t) => t.includes('Hatami met Shoygu [1]') && t.includes('/help for commands'),
    );
    assert.equal(engine.calls[0]?.question, 'Who met Shoygu?');
    assert.match(answered, /› Who met Shoygu\?/);
    assert.match(answered, /› When was/, 'the half-typed line is at the prompt');
  } finally {
    app.unmount();
  }
});

test('keys typed before kabar took the terminal arrive in one chunk: each line break submits a line, the rest waits at the prompt', async () => {
  const engine = fakeEngine((q) => answerEvents(q, 'Hatami met Shoygu [1]'));
  const opener = heldOpener(() => sessionOf(engine)({} as OpenHooks));
  const app = renderApp({ open: opener.open });
  try {
    await tick();
    app.stdin.write('Who met Shoygu?\rWhen was');
    await tick();
    opener.finish();
    const answered = await waitFor(
      app.lastFrame,
      (t) => t.includes('Hatami met Shoygu [1]') && t.includes('/help for commands'),
    );
    assert.deepEqual(
      engine.calls.map((c) => c.question),
      ['Who met Shoygu?'],
    );
    assert.match(answered, /› When was/);
  } finally {
    app.unmount();
  }
});

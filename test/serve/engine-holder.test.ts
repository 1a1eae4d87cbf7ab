import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Engine } from '../../src/core/index.js';
import { createEngineHolder } from '../../src/serve/engine-holder.js';

/** A stand-in engine that only knows its name and whether it was closed. */
const fakeEngine = (name: string) => {
  const engine = { name, closed: false, close: async () => void (engine.closed = true) };
  return engine as typeof engine & Engine;
};

test('a refreshed engine serves new requests; the old one closes when its last request ends', async () => {
  const first = fakeEngine('first');
  const second = fakeEngine('second');
  const holder = createEngineHolder(first, async () => second);
  let finish!: () => void;
  const running = holder.use(
    (engine) =>
      new Promise<string>((resolve) => (finish = () => resolve((engine as unknown as { name: string }).name))),
  );
  await holder.refresh(new AbortController().signal);
  assert.equal(holder.current, second);
  assert.equal(first.closed, false, 'closed under a request');
  finish();
  assert.equal(await running, 'first');
  assert.equal(first.closed, true);
  await holder.close();
  assert.equal(second.closed, true);
});

test('a refresh cancelled while it opens leaves the current engine serving and closes the new one', async () => {
  const first = fakeEngine('first');
  const second = fakeEngine('second');
  const stop = new AbortController();
  const holder = createEngineHolder(first, async () => {
    stop.abort();
    return second;
  });
  await holder.refresh(stop.signal);
  assert.equal(holder.current, first);
  assert.equal(first.closed, false);
  assert.equal(second.closed, true);
});

test('a refresh that fails leaves the current engine serving', async () => {
  const first = fakeEngine('first');
  const holder = createEngineHolder(first, async () => {
    throw new Error('disk full');
  });
  await assert.rejects(holder.refresh(new AbortController().signal), /disk full/);
  assert.equal(holder.current, first);
  assert.equal(await holder.use(async (engine) => engine), first);
});

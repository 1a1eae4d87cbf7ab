import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  conversationReducer,
  initialConversation,
  type ConversationAction,
} from '../../../src/ui/state/conversation-reducer.js';
import { parseCommand } from '../../../src/ui/state/commands.js';
import { answerEvents, CITED } from '../fake-engine.js';

const run = (actions: ConversationAction[]) => actions.reduce(conversationReducer, initialConversation());

test('an answer stream becomes a finished turn, a Turn for follow-ups and the last answer', () => {
  const events = answerEvents('Who met Shoygu?', 'Hatami met him [1]');
  const midway = run([
    { type: 'ask', question: 'Who met Shoygu?' },
    ...events.slice(0, 3).map((event) => ({ type: 'event', event }) as const),
  ]);
  assert.equal(midway.live?.text, 'Hatami me');
  assert.equal(midway.items.length, 0);
  const state = run([
    { type: 'ask', question: 'Who met Shoygu?' },
    ...events.map((event) => ({ type: 'event', event }) as const),
  ]);
  assert.equal(state.live, null);
  assert.equal(state.items.length, 1);
  assert.equal(state.turns[0].answer, 'Hatami met him [1]');
  assert.deepEqual(state.lastAnswer?.citations, [CITED]);
});

test('a resolved question differing from the typed one is kept; an identical one is not', () => {
  const asked = run([
    { type: 'ask', question: 'When was that?' },
    { type: 'event', event: { type: 'resolved', question: 'When was that? (Shoygu)', filters: {} } },
  ]);
  assert.equal(asked.live?.resolved, 'When was that? (Shoygu)');
  const same = run([
    { type: 'ask', question: 'Who?' },
    { type: 'event', event: { type: 'resolved', question: 'Who?', filters: {} } },
  ]);
  assert.equal(same.live?.resolved, undefined);
});

test('an error event finishes the turn with the message and keeps the partial text', () => {
  const state = run([
    { type: 'ask', question: 'q' },
    { type: 'event', event: { type: 'token', text: 'half' } },
    { type: 'event', event: { type: 'error', error: new Error('The LLM server is unreachable.') } },
  ]);
  assert.equal(state.live, null);
  const turn = state.items[0];
  assert.ok(turn.kind === 'turn' && turn.error === 'The LLM server is unreachable.' && turn.text === 'half');
  assert.equal(state.turns.length, 0);
});

test('cancel stops the live turn; events after it are ignored; /new forgets the turns', () => {
  const state = run([
    { type: 'ask', question: 'q' },
    { type: 'cancel' },
    { type: 'event', event: { type: 'token', text: 'late' } },
  ]);
  assert.equal(state.live, null);
  assert.ok(state.items[0].kind === 'turn' && state.items[0].cancelled);
  const done = run([
    { type: 'ask', question: 'q' },
    ...answerEvents('q', 'a [1]').map((event) => ({ type: 'event', event }) as const),
    { type: 'new' },
  ]);
  assert.deepEqual(done.turns, []);
  assert.equal(done.lastAnswer, null);
});

test('slash commands parse, and bad ones say what to write', () => {
  assert.deepEqual(parseCommand('/open 2'), { type: 'open', n: 2 });
  assert.deepEqual(parseCommand('/cite "kerja sama"'), { type: 'cite', quote: 'kerja sama' });
  assert.deepEqual(parseCommand('/filter since=2020-09 source="Islam Times"'), {
    type: 'filter',
    action: 'set',
    values: { since: '2020-09', source: 'Islam Times' },
  });
  assert.deepEqual(parseCommand('/filter clear'), { type: 'filter', action: 'clear' });
  assert.equal(parseCommand('/filter colour=red').type, 'invalid');
  assert.equal(parseCommand('/open x').type, 'invalid');
  assert.equal(parseCommand('/nope').type, 'invalid');
  assert.deepEqual(parseCommand('  Who met Shoygu? '), { type: 'ask', question: 'Who met Shoygu?' });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interruptible } from '../../src/commands/interrupt.js';
import { CANCELLED_EXIT, UserError } from '../../src/core/errors.js';

const cancelled = (e: unknown) => e instanceof UserError && e.code === 'CANCELLED' && e.exitCode === CANCELLED_EXIT;

test('a cancelled error exits 130 wherever it is raised', () => {
  assert.equal(new UserError('CANCELLED', 'Indexing cancelled.').exitCode, 130);
  assert.equal(new UserError('BAD_FLAG', 'x').exitCode, 2);
});

test('Ctrl+C during a command ends it as cancelled, whether the work noticed or not', async () => {
  await assert.rejects(
    interruptible(async () => {
      process.emit('SIGINT');
      return 1;
    }),
    cancelled,
  );
  await assert.rejects(
    interruptible(async (signal) => {
      process.emit('SIGINT');
      throw new Error(`stopped: ${signal.aborted}`);
    }),
    cancelled,
  );
  assert.equal(await interruptible(async () => 2), 2);
  assert.equal(process.listenerCount('SIGINT'), 0, "Ctrl+C is the process's own again");
});

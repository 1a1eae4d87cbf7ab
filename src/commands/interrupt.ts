import { UserError } from '../core/index.js';

/**
 * Runs `work` with a signal that Ctrl+C aborts, so a long command stops cleanly; Ctrl+C is the process's
 * own again afterwards. A command the user stopped ends as cancelled (exit 130) even when the work
 * itself finished or stopped without saying so.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await work(controller.signal);
    if (controller.signal.aborted) throw new UserError('CANCELLED', 'Cancelled.');
    return result;
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof UserError && error.code === 'CANCELLED'))
      throw new UserError('CANCELLED', 'Cancelled.', { cause: error });
    throw error;
  } finally {
    process.off('SIGINT', stop);
  }
}

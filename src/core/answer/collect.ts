import type { Answer, AnswerEvent } from '../types.js';

/** Runs the answer stream to its end and returns the answer, rethrowing an error event. */
export async function collectAnswer(
  events: AsyncIterable<AnswerEvent>,
  onEvent?: (event: AnswerEvent) => void,
): Promise<Answer> {
  for await (const event of events) {
    onEvent?.(event);
    if (event.type === 'done') return event.answer;
    if (event.type === 'error') throw event.error;
  }
  throw new Error('the answer stream ended without an answer');
}

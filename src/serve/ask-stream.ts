import type { EventStream } from './http-io.js';
import { toErrorResponse } from './errors.js';
import type { AnswerEvent } from '../core/index.js';
import { answerJson, citationJson, hitJson } from '../present/json.js';

/**
 * The answer-event stream as server-sent events, one event per engine event as the chat reads them:
 * `resolved`, `retrieved`, `delta` (text), then `citations` and `done` (or `abstained`) with the whole
 * `kabar ask --json` object, or `error` with the one error body.
 */
export function sendAnswerEvent(stream: EventStream, event: AnswerEvent, log: (line: string) => void): void {
  switch (event.type) {
    case 'resolved':
      return stream.send('resolved', { question: event.question, filters: event.filters });
    case 'retrieved':
      return stream.send('retrieved', { hits: event.hits.map(hitJson) });
    case 'token':
      return stream.send('delta', { text: event.text });
    case 'done':
      stream.send('citations', { citations: event.answer.citations.map(citationJson) });
      return stream.send(event.answer.abstained ? 'abstained' : 'done', answerJson(event.answer));
    case 'error': {
      const { body, logged } = toErrorResponse(event.error);
      if (logged) log(logged);
      return stream.send('error', body);
    }
  }
}

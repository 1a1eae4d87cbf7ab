import { ApiError } from './errors.js';

/** How long a client refused for lack of a free slot is told to wait, in seconds. */
export const RETRY_AFTER_S = 1;

/** At most `max` answers at once; beyond them a request is refused at once (503 with Retry-After), never queued. */
export interface AnswerSlots {
  /** Takes a slot, or throws the 503; the returned function gives it back. */
  take(): () => void;
  readonly busy: number;
}

export function answerSlots(max: number): AnswerSlots {
  let busy = 0;
  return {
    get busy() {
      return busy;
    },
    take() {
      if (busy >= max)
        throw new ApiError(
          503,
          'too_many_answers',
          `kabar is already answering ${max} questions; try again in a moment.`,
          RETRY_AFTER_S,
        );
      busy++;
      let given = false;
      return () => {
        if (!given) busy--;
        given = true;
      };
    },
  };
}

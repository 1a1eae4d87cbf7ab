import { redactSecrets } from '../../core/redact.js';

/** Words held back at the end of a streamed reply: the longest credential shape (`Authorization: Bearer <key>`) spans three. */
const HELD_WORDS = 3;

/**
 * Takes the configured secrets, and anything shaped like a credential, out of a model's streamed reply
 * (a model may repeat a key it was shown or that a server echoed). A secret can arrive split over
 * pieces, so the last words are held back until more text or the end shows they are complete.
 */
export class ReplyRedactor {
  private pending = '';

  constructor(private readonly secrets: readonly string[]) {}

  /** Text that is safe to pass on after `piece` arrived (possibly empty). */
  push(piece: string): string {
    this.pending += piece;
    const words = [...this.pending.matchAll(/\S+/g)];
    if (words.length <= HELD_WORDS) return '';
    const cut = words[words.length - HELD_WORDS].index!;
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return redactSecrets(ready, this.secrets);
  }

  /** The rest, at the end of the reply. */
  end(): string {
    const rest = redactSecrets(this.pending, this.secrets);
    this.pending = '';
    return rest;
  }
}

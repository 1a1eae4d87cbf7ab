import type {
  PassageContext,
  Answer,
  AnswerEvent,
  Citation,
  Filters,
  Hit,
  Turn,
  QuoteMatch,
} from '../../core/index.js';

export type { QuoteMatch };

/** One exchange: the question as typed, what the engine searched for, and the answer as it grows. */
export interface TurnItem {
  kind: 'turn';
  id: number;
  question: string;
  /** The resolved question when follow-up resolution changed it. */
  resolved?: string;
  filters: Filters;
  /** The answer text so far (tokens) or in full (done). */
  text: string;
  answer?: Answer;
  error?: string;
  cancelled?: boolean;
}

export type Item =
  | TurnItem
  | { kind: 'message'; id: number; level: 'info' | 'warn' | 'error'; text: string }
  /** `/open N`: `span` is what to highlight, the short answer when it lies in the citation, else the cited span. */
  | {
      kind: 'passage';
      id: number;
      n: number;
      context: PassageContext;
      citation: Citation;
      span: { start: number; end: number };
    }
  | { kind: 'sources'; id: number; citations: Citation[]; hits: Hit[] }
  | { kind: 'quotes'; id: number; quote: string; matches: QuoteMatch[] }
  | { kind: 'help'; id: number }
  /** A slash command as typed, echoed in the scrollback. */
  | { kind: 'command'; id: number; line: string };

type NewItem = Item extends infer T ? (T extends Item ? Omit<T, 'id'> : never) : never;

export interface ConversationState {
  /** Finished items, in order; they never change once here. */
  items: Item[];
  /** The turn being answered, if any. */
  live: TurnItem | null;
  /** Earlier turns of the current conversation, for follow-up questions. */
  turns: Turn[];
  /** The last finished answer of the current conversation, for /open and /sources. */
  lastAnswer: Answer | null;
  filters: Filters;
  nextId: number;
}

export type ConversationAction =
  | { type: 'ask'; question: string }
  | { type: 'event'; event: AnswerEvent }
  | { type: 'cancel' }
  | { type: 'show'; item: NewItem }
  | { type: 'filters'; filters: Filters }
  | { type: 'new' };

export const initialConversation = (filters: Filters = {}): ConversationState => ({
  items: [],
  live: null,
  turns: [],
  lastAnswer: null,
  filters,
  nextId: 1,
});

const append = (state: ConversationState, item: NewItem): ConversationState => ({
  ...state,
  items: [...state.items, { ...item, id: state.nextId } as Item],
  nextId: state.nextId + 1,
});

/** Moves the live turn into the finished items. */
const finish = (state: ConversationState, live: TurnItem): ConversationState => ({
  ...state,
  live: null,
  items: [...state.items, live],
});

/** Conversation state driven by the core's answer events and the user's commands. */
export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'ask': {
      const base = state.live ? finish(state, { ...state.live, cancelled: true }) : state;
      const live: TurnItem = {
        kind: 'turn',
        id: base.nextId,
        question: action.question,
        filters: base.filters,
        text: '',
      };
      return { ...base, live, nextId: base.nextId + 1 };
    }
    case 'event': {
      const { live } = state;
      if (!live) return state;
      const event = action.event;
      switch (event.type) {
        case 'resolved':
          return {
            ...state,
            live: {
              ...live,
              filters: event.filters,
              ...(event.question.trim() !== live.question.trim() ? { resolved: event.question } : {}),
            },
          };
        case 'retrieved':
          return state;
        case 'token':
          return { ...state, live: { ...live, text: live.text + event.text } };
        case 'done': {
          const answer = event.answer;
          const turn: Turn = {
            question: live.question,
            resolvedQuestion: answer.resolvedQuestion || live.resolved || live.question,
            answer: answer.answer,
          };
          return {
            ...finish(state, { ...live, text: answer.answer, answer }),
            turns: [...state.turns, turn],
            lastAnswer: answer,
          };
        }
        case 'error':
          return finish(state, { ...live, text: event.partial ?? live.text, error: event.error.message });
      }
      return state;
    }
    case 'cancel':
      return state.live ? finish(state, { ...state.live, cancelled: true }) : state;
    case 'show':
      return append(state, action.item);
    case 'filters':
      return { ...state, filters: action.filters };
    case 'new':
      return {
        ...append(state, {
          kind: 'message',
          level: 'info',
          text: 'New conversation: earlier questions no longer shape follow-ups.',
        }),
        turns: [],
        lastAnswer: null,
      };
  }
}

import { randomBytes } from 'node:crypto';
import { detectLanguage, LANGUAGE_NAME } from '../text/language.js';
import { UserError, isUserError } from '../errors.js';
import type { QueryRewriter } from '../retrieve/rewrite.js';
import type { Analyzer } from '../text/analyze.js';
import type { Answer, AnswerEvent, Turn } from '../types.js';
import { complete, type ChatMessage, type ChatModel } from './chat-model.js';
import type { Embedder } from '../embedder.js';
import type { AnswerInput, Answerer } from './answerer.js';
import { verifyAnswer, type Source } from './citations.js';
import { DEFAULT_VERIFY, LLM_PASSAGES } from '../settings.js';
import { markerFilter } from './marker-filter.js';
import { abstention } from './abstention.js';
import { fill, type PromptTemplate, type Prompts } from './prompts.js';

export interface LlmAnswererOptions {
  model: ChatModel;
  prompts: Prompts;
  analyzer: Analyzer;
  embedder?: Embedder;
  /** The offline answerer, offered when the model fails. */
  fallback: Answerer;
  /** How many top hits go into the prompt (LLM_PASSAGES). */
  depth?: number;
}

/** How the model says the passages hold no answer; never shown to the user. */
export const NO_ANSWER = 'NO_ANSWER:';

/** An answer that failed mid-way, carrying the offline extractive answer to offer instead. */
export class LlmAnswerError extends UserError {
  readonly fallback?: Answer;
  constructor(cause: UserError, fallback?: Answer) {
    const offer = fallback && !fallback.abstained ? ` The offline extractive answer: ${fallback.answer}` : '';
    super(cause.code, `${cause.message}${offer}`, { hint: cause.hint, exitCode: cause.exitCode, cause });
    this.fallback = fallback;
  }
}

function messages(template: PromptTemplate, values: Record<string, string>): ChatMessage[] {
  return [
    { role: 'system', content: fill(template.system, values) },
    { role: 'user', content: fill(template.user, values) },
  ];
}

/** Numbered passages between fence lines carrying a random code the article cannot know, so it cannot close the fence. */
export function fencePassages(
  sources: Source[],
  fence = randomBytes(6).toString('hex'),
): { text: string; fence: string } {
  const blocks = sources.map((s) => {
    const meta = [
      s.article.title && `title: ${s.article.title}`,
      s.article.source && `source: ${s.article.source}`,
      s.article.date && `date: ${s.article.date}`,
      `language: ${s.article.lang}`,
    ]
      .filter(Boolean)
      .join('; ');
    const body = s.passage.text.split(fence).join('[fence removed]');
    return `<<<${fence} BEGIN UNTRUSTED PASSAGE [${s.n}] (${meta})>>>\n${body}\n<<<${fence} END UNTRUSTED PASSAGE [${s.n}]>>>`;
  });
  return { text: blocks.join('\n\n'), fence };
}

/** The messages asking the model to answer from the sources. */
export function answerMessages(prompts: Prompts, question: string, sources: Source[]): ChatMessage[] {
  const { text, fence } = fencePassages(sources);
  const lang = detectLanguage(question);
  return messages(prompts.answer, {
    question,
    passages: text,
    fence,
    count: String(sources.length),
    language: LANGUAGE_NAME[lang],
  });
}

const oneLine = (text: string) =>
  text
    .trim()
    .split('\n')[0]
    .replace(/^["'“]+|["'”]+$/g, '')
    .trim();

/** Condenses the conversation into a standalone question, and asks for it in Indonesian and English. */
export function createLlmRewriter(model: ChatModel, prompts: Prompts): QueryRewriter {
  return {
    async rewrite(question: string, history: Turn[], signal?: AbortSignal) {
      let standalone = question;
      if (history.length) {
        const transcript = history
          .slice(-4)
          .map((t) => `User: ${t.question}\nAssistant: ${t.answer.replace(/\s+/g, ' ').slice(0, 600)}`)
          .join('\n');
        standalone =
          oneLine(await complete(model, messages(prompts.condense, { history: transcript, question }), signal)) ||
          question;
      }
      const translated = await complete(model, messages(prompts.translate, { question: standalone }), signal);
      const variants = [...translated.matchAll(/^\s*(?:id|en)\s*:\s*(.+)$/gim)]
        .map((m) => oneLine(m[1]))
        .filter((v) => v.length > 0);
      return { standalone, variants };
    },
  };
}

/** The offline answer in place of a model reply that cannot be shown, with the reason first among its warnings. */
async function* extractiveInstead(fallback: Answerer, input: AnswerInput, reason: string): AsyncGenerator<AnswerEvent> {
  for await (const event of fallback.answer(input)) {
    if (event.type === 'done')
      yield { type: 'done', answer: { ...event.answer, warnings: [reason, ...event.answer.warnings] } };
    else yield event;
  }
}

/**
 * Answers with a chat model from the numbered top passages, streaming tokens, then checks every
 * citation marker against the passages (see citations.ts). When the model fails, the stream ends in
 * an error carrying the partial text and offering the offline extractive answer.
 */
export class LlmAnswerer implements Answerer {
  readonly name: string;
  readonly rewriter: QueryRewriter;
  readonly model: ChatModel;

  constructor(private readonly options: LlmAnswererOptions) {
    this.model = options.model;
    this.name = `llm:${options.model.info.provider}:${options.model.info.model}`;
    this.rewriter = createLlmRewriter(options.model, options.prompts);
  }

  async *answer(input: AnswerInput): AsyncGenerator<AnswerEvent> {
    const { options } = this;
    const { model, prompts, analyzer } = options;
    const depth = options.depth ?? LLM_PASSAGES;
    const started = performance.now();
    const { question, query, hits, signal } = input;
    const questionLang = detectLanguage(question);
    const finish = (answer: Partial<Answer>): AnswerEvent => {
      const ms = performance.now() - started;
      return {
        type: 'done',
        answer: {
          question,
          resolvedQuestion: query.text,
          answer: '',
          abstained: false,
          citations: [],
          hits,
          warnings: [],
          timingsMs: { retrieve: 0, answer: ms, total: ms },
          ...answer,
        },
      };
    };
    if (hits.length === 0) {
      const text = abstention(question, questionLang);
      yield { type: 'token', text };
      yield finish({ answer: text, abstained: true, invalidMarkers: 0 });
      return;
    }
    const sources: Source[] = hits
      .slice(0, depth)
      .map((hit, i) => ({ n: i + 1, passage: hit.passage, article: hit.article }));
    const markers = markerFilter((n) => n >= 1 && n <= sources.length);
    // The raw reply, which verification reads; what is shown went through `markers` and is the same text.
    let text = '';
    // Hold back the start of the reply until it is clear whether it is the no-answer sign…
    let held = '';
    let abstained = false;
    let deciding = true;
    // …and an answer until it cites a passage: a reply that cites nothing is not shown as one.
    let unshown = '';
    let shown = '';
    const show = (piece: string): string => {
      const out = unshown + piece;
      if (!abstained && markers.kept === 0) {
        unshown = out;
        return '';
      }
      unshown = '';
      shown += out;
      return out;
    };
    try {
      for await (const piece of model.stream(answerMessages(prompts, question, sources), { signal })) {
        let reply = piece;
        if (deciding) {
          held += piece;
          const start = held.trimStart();
          if (start.length < NO_ANSWER.length && NO_ANSWER.startsWith(start)) continue;
          deciding = false;
          reply = held;
          if (start.startsWith(NO_ANSWER)) {
            abstained = true;
            reply = start.slice(NO_ANSWER.length).trimStart();
          }
          held = '';
        }
        text += reply;
        const out = show(markers.push(reply));
        if (out) yield { type: 'token', text: out };
      }
      if (deciding && held) text += held;
      const rest = show(markers.push(deciding ? held : '') + markers.end());
      if (rest) yield { type: 'token', text: rest };
    } catch (error) {
      const failure = isUserError(error)
        ? error
        : new UserError('SERVER_REJECTED', `The language model failed: ${String(error)}.`, { cause: error });
      if (failure.code === 'CANCELLED') {
        yield { type: 'error', error: failure, partial: shown || undefined };
        return;
      }
      let fallback: Answer | undefined;
      try {
        for await (const event of options.fallback.answer(input)) if (event.type === 'done') fallback = event.answer;
      } catch {
        fallback = undefined;
      }
      yield { type: 'error', error: new LlmAnswerError(failure, fallback), partial: shown || undefined };
      return;
    }
    if (!abstained && markers.kept === 0) {
      yield* extractiveInstead(
        options.fallback,
        input,
        'The model’s answer cites no passage of the articles, so it is not shown; this is the offline extractive answer.',
      );
      return;
    }
    const verified = await verifyAnswer(text, sources, questionLang, {
      ...DEFAULT_VERIFY,
      analyzer,
      embedder: options.embedder,
    });
    yield finish({
      answer: verified.answer,
      abstained,
      citations: abstained ? [] : verified.citations,
      warnings: verified.warnings,
      invalidMarkers: verified.invalidMarkers,
      ...(abstained || verified.unsupported.length === 0 ? {} : { unsupported: verified.unsupported }),
    });
  }
}

/** A generative answerer over a chat model (see LlmAnswerer). */
export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  return new LlmAnswerer(options);
}

/**
 * What the service uses of kabar's core and presenters, in one place: the service adds no logic of
 * its own, it adapts these calls to HTTP and MCP.
 */
export { collectAnswer, DEFAULT_K, type AskOptions, type Engine } from '../core/engine.js';
export { UserError, isUserError, describeError, type ErrorCode } from '../core/errors.js';
export { passageContext, type PassageContext } from '../core/index/context.js';
export { findQuote, type QuoteMatch } from '../core/cite/find.js';
export { parseFilters, matchesFilters, FILTER_KEYS, type FilterInput } from '../core/retrieve/filter.js';
export { matchesATerm } from '../core/retrieve/retriever.js';
export { resolveFollowUp } from '../core/retrieve/followup.js';
export { configuredSecrets, redactSecrets } from '../core/redact.js';
export { KABAR_VERSION } from '../core/version.js';
export { watchCorpus } from '../core/index/watch.js';
export type { Answer, AnswerEvent, Citation, Filters, Turn } from '../core/types.js';
export { answerJson, citationJson, citeJson, hitJson, searchJson, jsonLine } from '../present/json.js';

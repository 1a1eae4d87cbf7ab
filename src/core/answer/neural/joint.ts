import type { Lang } from '../../types.js';

/**
 * The two readers' joint decision for one pair of languages, its margins chosen on dev questions of that
 * pair by `scripts/reader/neural/calibrate.ts`. The model's margin is log P(best span) - log P(no answer).
 * When the rules-and-features reader answers, kabar abstains if the margin is at most `veto` (the model
 * is sure nothing there answers); otherwise the model's span is shown instead of that reader's short
 * answer when the margin is above `prefer`, or, if `within` holds, when the span lies in the sentence
 * that reader quotes (the two agree on where the answer is, and the model's spans are the better
 * answers there), unless the span lies in that reader's short answer: that answer is then the model's,
 * widened by its rules (a name shown whole, a count with what is counted). When that reader abstains, the model's own span is the answer if the margin is above
 * `rescue`, unless one of that reader's checks refused (an office holder asked for and none named, a
 * contradiction): the model has no such check.
 */
export interface JointDecision {
  veto: number;
  rescue: number;
  /** null: the margin alone never puts the model's span before the other reader's. */
  prefer: number | null;
  within: boolean;
}

/** The decisions by "questionLang-passageLang" ("id-id", "en-id"); a pair without one is left to the rules-and-features reader. */
export type JointDecisions = Partial<Record<`${Lang}-${Lang}`, JointDecision>>;

/** What the joint decision knows of one question. */
export interface JointCase {
  margin: number;
  /** The rules-and-features reader answered. */
  answered: boolean;
  /** One of its checks refused. */
  refused: boolean;
  /** The model's span lies in the sentence that reader quotes. */
  within: boolean;
  /** The model's span lies in that reader's short answer. */
  nested: boolean;
}

/** Whose answer is shown: the rules-and-features reader's (its answer or abstention), the model's span, or an abstention. */
export type JointChoice = 'features' | 'model' | 'abstain';

export function jointChoice(
  { margin, answered, refused, within, nested }: JointCase,
  decision: JointDecision,
): JointChoice {
  if (refused) return 'features';
  if (!answered) return margin > decision.rescue ? 'model' : 'abstain';
  if (margin <= decision.veto) return 'abstain';
  const preferred = !nested && ((decision.prefer !== null && margin > decision.prefer) || (decision.within && within));
  return preferred ? 'model' : 'features';
}

/** The decision for a question in `question` over a passage in `passage`, if one was chosen for that pair. */
export const jointFor = (decisions: JointDecisions | undefined, question: Lang, passage: Lang) =>
  decisions?.[`${question}-${passage}`];

/** Whether [start, end) of `file` lies inside `sentence` (a span of a file). */
export const liesIn = (
  span: { file: string; start: number; end: number },
  sentence: { file: string; start: number; end: number } | null | undefined,
): boolean => !!sentence && sentence.file === span.file && span.start >= sentence.start && span.end <= sentence.end;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Whether a config's value is a well-formed JointDecisions. */
export const isJointDecisions = (value: unknown): value is JointDecisions =>
  typeof value === 'object' &&
  value !== null &&
  Object.entries(value).every(([pair, d]) => {
    const decision = d as Partial<JointDecision>;
    return (
      /^(id|en)-(id|en)$/.test(pair) &&
      isNumber(decision.veto) &&
      isNumber(decision.rescue) &&
      (decision.prefer === null || isNumber(decision.prefer)) &&
      typeof decision.within === 'boolean'
    );
  });

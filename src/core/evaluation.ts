/** Scoring kabar on a question set or a quote set (`kabar eval`): loaded together, only by that command. */
export { loadQuestions } from './eval/dataset.js';
export { collectOutcomes } from './eval/run.js';
export { computeMetrics } from './eval/metrics.js';
export { formatMarkdownReport, summaryTable } from './eval/report.js';
export { checkThresholds, describeFailure, parseThresholds } from './eval/thresholds.js';
export { formatCiteSummary, loadCiteCases, runCiteEval, scoreCite } from './cite/evaluate.js';
export { isAcrossFile, loadAcrossCases } from './eval/across-dataset.js';
export { formatAcross, runAcrossEval } from './eval/across-run.js';

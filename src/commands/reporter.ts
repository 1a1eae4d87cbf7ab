import { formatWarning } from '../present/terminal.js';
import { terminalSafe } from '../present/terminal-safe.js';
import { checkVerbosity, type VerbosityFlags } from './flags.js';
import { progressBar, type ProgressBar } from './progress.js';
import { createStyle } from '../present/style.js';

/** What a command reports on stderr, by the verbosity flags. */
export interface Reporter {
  /** A warning; not with --quiet. */
  warn(message: string): void;
  /** A progress bar (drawn only on a terminal); none with --quiet. */
  progress(label: string, unit: string): ProgressBar;
  /** Timings and decisions; only with --verbose. */
  detail(message: string): void;
}

const SILENT_BAR: ProgressBar = { update: () => {}, stop: () => {} };

export function reporterFor({ quiet, verbose }: VerbosityFlags, stream: NodeJS.WriteStream = process.stderr): Reporter {
  checkVerbosity({ quiet, verbose });
  const style = createStyle(stream);
  return {
    warn: (message) => (quiet ? undefined : void stream.write(formatWarning(message, style))),
    progress: (label, unit) => (quiet ? SILENT_BAR : progressBar(label, unit, stream)),
    detail: (message) => (verbose ? void stream.write(style.dim(`kabar: ${terminalSafe(message)}\n`)) : undefined),
  };
}

/** Milliseconds as people read them: `840 ms`, `2.31 s`. */
export const duration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

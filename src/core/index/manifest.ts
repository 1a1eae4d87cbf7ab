import { ARTICLE_RULES } from '../corpus/article.js';
import type { LineCounts } from '../corpus/boilerplate.js';
import type { FolderTimes } from '../corpus/scan.js';
import type { ProvenanceCounts } from '../sources/provenance.js';
import type { EmbedderInfo } from '../embedder.js';
import type { ChunkOptions } from '../settings.js';

/** Bumped whenever the stored format or the analysis changes, so old indexes are rebuilt, not misread. */
export const FORMAT_VERSION = 3;

export interface Manifest {
  formatVersion: number;
  kabarVersion: string;
  embedder: EmbedderInfo;
  chunking: ChunkOptions;
  corpusDir: string;
  /** The rules articles were read under (`ARTICLE_RULES`); absent in indexes made before titles and datelines were read. */
  articleRules?: number;
  createdAt: string;
  updatedAt: string;
  /** How many articles hold each short line (running totals, so a refresh counts only what changed). */
  lineCounts?: LineCounts;
  /** The lines held by so many articles that they are treated as boilerplate, most frequent first. */
  boilerplate?: string[];
  /** Outsized articles (over `OUTSIZED_ARTICLE_CHARS` of text), by id: how much text and how many passages each became. */
  large?: Record<string, { chars: number; passages: number }>;
  /** How many articles got each metadata field from where (front matter, records, page metadata, feeds, guessed, absent). */
  provenance?: ProvenanceCounts;
  /**
   * The SHA-1 of the corpus listing (every source file's path, size and modification time) the last
   * write brought the index up to date with: a refresh that lists the same corpus has nothing to do.
   */
  listing?: string;
  /**
   * Each corpus folder's modification time at that write, recorded for a corpus of many files: commands
   * then check the folders, not every file (`listChangedFolders`).
   */
  folders?: FolderTimes;
}

/** Why an index built under `stored` cannot serve `wanted`, or null when it can. */
export function incompatibility(stored: Manifest, wanted: Pick<Manifest, 'embedder' | 'chunking'>): string | null {
  if (stored.formatVersion !== FORMAT_VERSION)
    return `it was built by another version of kabar (format ${stored.formatVersion})`;
  if ((stored.articleRules ?? 0) !== ARTICLE_RULES)
    return 'it was built under other rules for titles, dates, outlets and boilerplate';
  const a = stored.embedder;
  const b = wanted.embedder;
  if (
    a.provider !== b.provider ||
    a.model !== b.model ||
    a.dimensions !== b.dimensions ||
    a.prefix !== b.prefix ||
    a.weights !== b.weights
  ) {
    return `it was built with the ${a.provider} embedder (${a.model}${a.weights ? `, ${a.weights}` : ''}, ${a.dimensions} dimensions)`;
  }
  if (
    stored.chunking.maxChars !== wanted.chunking.maxChars ||
    stored.chunking.maxSentences !== wanted.chunking.maxSentences
  ) {
    return 'it was built with other chunking settings';
  }
  return null;
}

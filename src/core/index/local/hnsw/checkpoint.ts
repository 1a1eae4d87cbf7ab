import fs from 'node:fs';
import path from 'node:path';
import { HnswGraph } from './graph.js';
import { readGraphHeader, type GraphHeader } from './header.js';
import type { HnswParams } from '../../../settings.js';

/**
 * What a store records, in its own transaction, about the graph file that matches its state. Each save
 * writes a new file named by its generation, so the file the record names is never overwritten: a crash
 * before the store commits leaves the old record naming the old, intact file.
 */
export interface HnswCheckpoint {
  generation: number;
  /** Elements in the file, deleted ones included. */
  elements: number;
  deleted: number;
  /** File size: a truncated or foreign file is caught with one `stat`. */
  bytes: number;
}

/** The graph file and its checkpoint do not agree: rebuild the graph from the stored vectors. */
export class CheckpointMismatch extends Error {
  override readonly name = 'CheckpointMismatch';
}

const PREFIX = 'vectors.';
const SUFFIX = '.hnsw';

export const graphFile = (dir: string, generation: number): string => path.join(dir, `${PREFIX}${generation}${SUFFIX}`);

/** Writes `graph` as the generation after `previous` (0 when none) and returns its checkpoint. */
export async function saveCheckpoint(
  graph: HnswGraph,
  dir: string,
  previous: HnswCheckpoint | null,
): Promise<HnswCheckpoint> {
  const generation = (previous?.generation ?? 0) + 1;
  const file = graphFile(dir, generation);
  await graph.write(file);
  return { generation, elements: graph.elements, deleted: graph.deleted, bytes: fs.statSync(file).size };
}

/**
 * Checks, without loading it, that the file a checkpoint names is there and agrees with it (size,
 * element count, dimensions: one `stat` and a 96-byte read). Throws `CheckpointMismatch` when not.
 */
export function checkCheckpoint(dir: string, checkpoint: HnswCheckpoint, dimensions: number): string {
  const file = graphFile(dir, checkpoint.generation);
  let bytes: number;
  let header: GraphHeader;
  try {
    bytes = fs.statSync(file).size;
    header = readGraphHeader(file);
  } catch (error) {
    throw new CheckpointMismatch(`${file} is unreadable (${(error as Error).message})`);
  }
  const problem =
    bytes !== checkpoint.bytes
      ? `holds ${bytes} bytes, ${checkpoint.bytes} were recorded`
      : header.elements !== checkpoint.elements
        ? `holds ${header.elements} elements, ${checkpoint.elements} were recorded`
        : header.dimensions !== dimensions
          ? `holds ${header.dimensions}-dimensional vectors, not ${dimensions}`
          : null;
  if (problem) throw new CheckpointMismatch(`${file} ${problem}`);
  return file;
}

/** Opens the graph a checkpoint names, or throws `CheckpointMismatch` when the file is missing or differs. */
export async function openCheckpoint(
  dir: string,
  checkpoint: HnswCheckpoint,
  dimensions: number,
  params?: HnswParams,
): Promise<HnswGraph> {
  const file = checkCheckpoint(dir, checkpoint, dimensions);
  try {
    return await HnswGraph.read(file, dimensions, checkpoint.elements - checkpoint.deleted, params);
  } catch (error) {
    throw new CheckpointMismatch(`${file} is unreadable (${(error as Error).message})`);
  }
}

/** Removes graph files of other generations (older ones, and any left by a save that never committed). */
export function removeOtherGenerations(dir: string, keep: HnswCheckpoint): void {
  const kept = path.basename(graphFile(dir, keep.generation));
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith(PREFIX) && entry.endsWith(SUFFIX) && entry !== kept)
      fs.rmSync(path.join(dir, entry), { force: true });
  }
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { HnswGraph } from './hnsw/graph.js';
import { readGraphHeader } from './hnsw/header.js';

/** How many passages may change after the last saved graph before a writer saves a new one. */
export const CHECKPOINT_AFTER = 256;
/** Graph files up to this size are checksummed whenever they are opened; larger ones by size and header (a full hash would cost more than the start-up budget). */
export const CHECKSUM_UP_TO = 64 * 2 ** 20;

/** SHA-1 of a file, read in chunks (a graph file can be gigabytes). */
export function fileSha1(file: string): string {
  const hash = crypto.createHash('sha1');
  const chunk = Buffer.alloc(16 * 2 ** 20);
  const fd = fs.openSync(file, 'r');
  try {
    for (let read; (read = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

const toVector = (blob: Buffer): Float32Array => new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);

interface Checkpoint {
  version: number;
  file: string;
  bytes: number;
  sha1: string;
  /** Live (not deleted) vectors in the graph. */
  count: number;
}

/**
 * The passage vectors as an HNSW graph whose labels are passage rowids. SQLite holds every vector;
 * the graph file is a checkpoint: saved atomically (beside, fsync, rename) at some version V and
 * recorded in SQLite with its size and checksum. Opening loads the newest intact checkpoint and
 * replays what changed since from SQLite; a missing, foreign or damaged file is rebuilt from SQLite,
 * so the two can never disagree.
 */
export class CheckpointedGraph {
  private graph: HnswGraph | undefined;
  private at = -1;
  /** The checkpoint being loaded ahead of the first search. */
  private loading: Promise<{ graph: HnswGraph; version: number } | null> | null = null;
  /** The checkpoint version whose file was last found intact (it is not checked twice). */
  private verified = -1;

  constructor(
    private readonly db: Database.Database,
    private readonly dir: string,
    private readonly dimensions: number,
    private readonly onWarning: (message: string) => void,
  ) {}

  private version(): number {
    return Number(this.db.prepare("SELECT value FROM meta WHERE key = 'version'").pluck().get() ?? 0);
  }

  /** What is wrong with a checkpoint's file, null when it is intact, undefined when it is gone. */
  private damage(checkpoint: Checkpoint): string | null | undefined {
    const file = path.join(this.dir, checkpoint.file);
    let bytes: number;
    try {
      bytes = fs.statSync(file).size;
    } catch {
      return undefined;
    }
    if (bytes !== checkpoint.bytes) return 'its size is wrong';
    const header = readGraphHeader(file);
    if (header.dimensions !== this.dimensions || header.elements < checkpoint.count)
      return 'it does not match the database';
    if (bytes <= CHECKSUM_UP_TO && fileSha1(file) !== checkpoint.sha1) return 'its checksum does not match';
    return null;
  }

  /** The newest recorded checkpoint at or before `version` whose file is intact, loaded. */
  private async loadCheckpoint(version: number): Promise<{ graph: HnswGraph; version: number } | null> {
    const rows = this.db
      .prepare('SELECT * FROM checkpoints WHERE version <= ? ORDER BY version DESC')
      .all(version) as Checkpoint[];
    for (const checkpoint of rows) {
      let problem: string | null | undefined;
      try {
        problem = this.damage(checkpoint);
        if (problem === null && checkpoint === rows[0]) this.verified = checkpoint.version;
        if (problem === null)
          return {
            graph: await HnswGraph.read(path.join(this.dir, checkpoint.file), this.dimensions, checkpoint.count),
            version: checkpoint.version,
          };
      } catch (error) {
        problem = `it cannot be read (${(error as Error).message})`;
      }
      if (problem === undefined && !this.recorded(checkpoint)) continue; // removed by a newer writer
      if (problem === undefined) {
        this.onWarning(`The vector graph ${checkpoint.file} is missing; rebuilding it from the database.`);
        continue;
      }
      this.onWarning(`The vector graph ${checkpoint.file} is damaged (${problem}); rebuilding it from the database.`);
    }
    return null;
  }

  /** Whether a checkpoint is still recorded (a newer writer removes older ones with their files). */
  private recorded(checkpoint: Checkpoint): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM checkpoints WHERE version = ? AND file = ?')
        .get(checkpoint.version, checkpoint.file) !== undefined
    );
  }

  /** Starts loading the newest checkpoint (hnswlib reads it off the main thread); `sync` picks it up. */
  preload(): void {
    if (!this.graph) this.loading ??= this.loadCheckpoint(this.version());
  }

  /** Brings the graph to the last committed version: loads a checkpoint once, then replays changes. */
  async sync(): Promise<HnswGraph> {
    if (!this.graph) {
      const loading = this.loading ?? this.loadCheckpoint(this.version());
      this.loading = null;
      const loaded = await loading;
      this.graph = loaded?.graph ?? HnswGraph.create(this.dimensions);
      this.at = loaded?.version ?? -1;
    }
    const graph = this.graph;
    this.db.transaction(() => {
      const now = this.version();
      if (now === this.at) return;
      for (const row of this.db
        .prepare('SELECT id, vector FROM passages WHERE version > ?')
        .iterate(this.at) as Iterable<{ id: number; vector: Buffer }>) {
        graph.add(row.id, toVector(row.vector));
      }
      // A label added and removed after the checkpoint was never in the graph: remove() says false.
      for (const label of this.db
        .prepare('SELECT label FROM tombstones WHERE version > ?')
        .pluck()
        .iterate(this.at) as Iterable<number>)
        graph.remove(label);
      this.at = now;
    })();
    return graph;
  }

  /** Labels and cosine similarities of the `k` nearest passages, among `allowed` when given. */
  async search(vector: number[], k: number, allowed?: Set<number>): Promise<{ label: number; similarity: number }[]> {
    const graph = await this.sync();
    if (allowed?.size === 0) return [];
    return graph.search(
      vector,
      allowed ? Math.min(k, allowed.size) : k,
      allowed ? (label) => allowed.has(label) : undefined,
    );
  }

  /**
   * Called by the writer after a commit: saves a new checkpoint when enough changed since the one the
   * graph came from (or there is none), records it, and removes older graph files and tombstones.
   */
  async checkpoint(): Promise<void> {
    if (this.due() === null) return;
    const graph = await this.sync();
    const version = this.at;
    const name = this.fileName(version);
    try {
      await graph.write(path.join(this.dir, name));
      this.db.transaction(() => this.insert(version, name, graph.size))();
    } catch (error) {
      // A file no checkpoint records (the disk filled while it was recorded) is never left behind.
      if (!this.recorded({ version, file: name } as Checkpoint)) fs.rmSync(path.join(this.dir, name), { force: true });
      throw error;
    }
    this.prune();
  }

  /**
   * Why a new checkpoint should be saved, or null: passages are there but no checkpoint (the first save
   * did not finish), the newest one's file is missing or damaged (every reader would rebuild it in memory),
   * or enough changed since it.
   */
  due(): string | null {
    const saved = this.db.prepare('SELECT * FROM checkpoints ORDER BY version DESC LIMIT 1').get() as
      Checkpoint | undefined;
    const since = saved?.version ?? -1;
    const changed = this.db
      .prepare(
        'SELECT (SELECT count(*) FROM passages WHERE version > ?) + (SELECT count(*) FROM tombstones WHERE version > ?)',
      )
      .pluck()
      .get(since, since) as number;
    if (saved === undefined) return changed > 0 ? 'it was never saved' : null;
    if (changed >= CHECKPOINT_AFTER) return `${changed} passages changed since it was saved`;
    if (saved.version === this.verified) return null;
    let problem: string | null | undefined;
    try {
      problem = this.damage(saved);
    } catch (error) {
      problem = `it cannot be read (${(error as Error).message})`;
    }
    if (problem === null) this.verified = saved.version;
    return problem === undefined ? `${saved.file} is missing` : problem && `${saved.file} is damaged (${problem})`;
  }

  /** Waits for a checkpoint being loaded ahead of the first search (it tells whether its file is intact). */
  async loaded(): Promise<void> {
    if (this.loading) await this.loading;
  }

  /** The name of the graph file saved at `version`. */
  fileName(version: number): string {
    return `vectors-${version}.hnsw`;
  }

  /**
   * Records a graph file of `count` live vectors written (by a worker) for `version`, inside the
   * writer's open transaction, so the commit that makes the passages visible also names their graph.
   * The graph loaded here, if any, is dropped: the next search loads the recorded one.
   */
  record(version: number, name: string, count: number): void {
    this.insert(version, name, count);
    this.graph = undefined;
    this.at = -1;
    this.loading = null;
  }

  private insert(version: number, name: string, count: number): void {
    const since =
      (this.db
        .prepare('SELECT version FROM checkpoints WHERE version < ? ORDER BY version DESC LIMIT 1')
        .pluck()
        .get(version) as number | undefined) ?? -1;
    const file = path.join(this.dir, name);
    const record: Checkpoint = { version, file: name, bytes: fs.statSync(file).size, sha1: fileSha1(file), count };
    this.verified = version;
    this.db
      .prepare(
        'INSERT OR REPLACE INTO checkpoints (version, file, bytes, sha1, count) VALUES (@version, @file, @bytes, @sha1, @count)',
      )
      .run(record);
    // Readers that opened the previous checkpoint a moment ago may still want it: keep one before.
    this.db.prepare('DELETE FROM checkpoints WHERE version < ?').run(since);
    this.db.prepare('DELETE FROM tombstones WHERE version <= ?').run(since);
  }

  /** Removes graph files no checkpoint names (older ones, and saves that were never committed). */
  prune(): void {
    removeGraphFiles(this.dir, new Set(this.db.prepare('SELECT file FROM checkpoints').pluck().all() as string[]));
  }
}

/** Removes graph files (and temporary files of graph saves) not in `keep`. */
export function removeGraphFiles(dir: string, keep: Set<string>): void {
  for (const entry of fs.readdirSync(dir)) {
    if (/^\.?vectors-\d+\.hnsw(\.\d+\.tmp)?$/.test(entry) && !keep.has(entry))
      fs.rmSync(path.join(dir, entry), { force: true });
  }
}

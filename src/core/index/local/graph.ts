import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { HierarchicalNSW } from 'hnswlib-node';

/** HNSW settings: graph degree, build breadth, and the smallest search breadth (hnswlib's default of k loses recall). */
export const HNSW = { m: 16, efConstruction: 200, efSearch: 200, initialCapacity: 1024 };
/** How many passages may change after the last saved graph before a writer saves a new one. */
export const CHECKPOINT_AFTER = 256;

type Hnsw = typeof import('hnswlib-node');
let hnswlib: Hnsw | undefined;
const loadHnsw = async (): Promise<Hnsw> => (hnswlib ??= (await import('hnswlib-node')).default as unknown as Hnsw);

export const fileSha1 = (file: string): string => crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');

const toArray = (blob: Buffer): number[] => Array.from(new Float32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4));

interface Checkpoint {
  version: number;
  file: string;
  bytes: number;
  sha1: string;
  count: number;
}

/**
 * The passage vectors as an HNSW graph whose labels are passage rowids. SQLite holds every vector;
 * the graph file is a checkpoint: saved atomically (beside, fsync, rename) at some version V and
 * recorded in SQLite with its size and checksum. Opening loads the newest valid checkpoint and
 * replays what changed since from SQLite; a missing, foreign or damaged file is rebuilt from SQLite,
 * so the two can never disagree.
 */
export class CheckpointedGraph {
  private graph: HierarchicalNSW | undefined;
  private at = -1;
  private live = 0;
  private fromCheckpoint = -1;

  constructor(
    private readonly db: Database.Database,
    private readonly dir: string,
    private readonly dimensions: number,
    private readonly onWarning: (message: string) => void,
  ) {}

  private version(): number {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  private async empty(): Promise<HierarchicalNSW> {
    const { HierarchicalNSW } = await loadHnsw();
    const graph = new HierarchicalNSW('cosine', this.dimensions);
    graph.initIndex({ maxElements: HNSW.initialCapacity, m: HNSW.m, efConstruction: HNSW.efConstruction, randomSeed: 100 });
    return graph;
  }

  /** The newest recorded checkpoint at or before `version` whose file is intact, loaded. */
  private async loadCheckpoint(version: number): Promise<{ graph: HierarchicalNSW; checkpoint: Checkpoint } | null> {
    const rows = this.db.prepare('SELECT * FROM checkpoints WHERE version <= ? ORDER BY version DESC').all(version) as Checkpoint[];
    for (const checkpoint of rows) {
      const file = path.join(this.dir, checkpoint.file);
      let problem: string | undefined;
      try {
        if (fs.statSync(file).size !== checkpoint.bytes) problem = 'its size is wrong';
        else if (fileSha1(file) !== checkpoint.sha1) problem = 'its checksum does not match';
      } catch {
        continue; // removed by a newer writer; an older one may still be there
      }
      if (!problem) {
        const { HierarchicalNSW } = await loadHnsw();
        const graph = new HierarchicalNSW('cosine', this.dimensions);
        try {
          graph.readIndexSync(file);
          if (graph.getNumDimensions() !== this.dimensions || graph.getCurrentCount() !== checkpoint.count) problem = 'it does not match the database';
          else return { graph, checkpoint };
        } catch (error) {
          problem = `it cannot be read (${(error as Error).message})`;
        }
      }
      this.onWarning(`The vector graph ${checkpoint.file} is damaged (${problem}); rebuilding it from the database.`);
    }
    return null;
  }

  private add(graph: HierarchicalNSW, vector: number[], label: number): void {
    if (graph.getCurrentCount() >= graph.getMaxElements()) graph.resizeIndex(Math.max(HNSW.initialCapacity, graph.getMaxElements() * 2));
    graph.addPoint(vector, label);
  }

  /** Brings the graph to the last committed version: loads a checkpoint once, then replays changes. */
  async sync(): Promise<HierarchicalNSW> {
    const loaded = this.graph ? null : await this.loadCheckpointFor();
    if (loaded) {
      this.graph = loaded.graph;
      this.at = loaded.version;
      this.fromCheckpoint = loaded.version;
    }
    const graph = this.graph!;
    const replay = this.db.transaction(() => {
      const now = this.version();
      if (now === this.at) return;
      for (const row of this.db.prepare('SELECT id, vector FROM passages WHERE version > ?').iterate(this.at) as Iterable<{ id: number; vector: Buffer }>) {
        this.add(graph, toArray(row.vector), row.id);
      }
      for (const { label } of this.db.prepare('SELECT label FROM tombstones WHERE version > ?').iterate(this.at) as Iterable<{ label: number }>) {
        try {
          graph.markDelete(label);
        } catch {
          // added and removed after the checkpoint: never in the graph
        }
      }
      this.at = now;
    });
    replay();
    this.live = (this.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
    return graph;
  }

  private async loadCheckpointFor(): Promise<{ graph: HierarchicalNSW; version: number }> {
    const found = await this.loadCheckpoint(this.version());
    if (found) return { graph: found.graph, version: found.checkpoint.version };
    return { graph: await this.empty(), version: -1 };
  }

  /** Labels and cosine similarities of the `k` nearest passages, among `allowed` when given. */
  async search(vector: number[], k: number, allowed?: Set<number>): Promise<{ label: number; similarity: number }[]> {
    const graph = await this.sync();
    const limit = Math.min(k, this.live, allowed ? allowed.size : Infinity);
    if (limit <= 0) return [];
    graph.setEf(Math.max(HNSW.efSearch, limit * 2));
    const result = graph.searchKnn(vector, limit, allowed ? (label) => allowed.has(label) : undefined);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - result.distances[i] }));
  }

  /**
   * Called by the writer after a commit: saves a new checkpoint when enough changed since the one the
   * graph came from (or there is none), records it, and removes older graph files and tombstones.
   */
  async checkpoint(force = false): Promise<void> {
    const version = this.version();
    const changed = (this.db.prepare('SELECT (SELECT count(*) FROM passages WHERE version > ?) + (SELECT count(*) FROM tombstones WHERE version > ?) AS n').get(this.fromCheckpoint, this.fromCheckpoint) as { n: number }).n;
    const saved = this.db.prepare('SELECT version FROM checkpoints ORDER BY version DESC LIMIT 1').get() as { version: number } | undefined;
    if (!force && saved && changed < CHECKPOINT_AFTER) return;
    if (!force && !saved && changed === 0) return;
    const graph = await this.sync();
    const name = `vectors-${version}.hnsw`;
    const file = path.join(this.dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    graph.writeIndexSync(tmp);
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    const record = { version, file: name, bytes: fs.statSync(tmp).size, sha1: fileSha1(tmp), count: graph.getCurrentCount() };
    fs.renameSync(tmp, file);
    syncDir(this.dir);
    const previous = saved?.version ?? -1;
    this.db.transaction(() => {
      this.db.prepare('INSERT OR REPLACE INTO checkpoints (version, file, bytes, sha1, count) VALUES (@version, @file, @bytes, @sha1, @count)').run(record);
      // Readers that opened the previous checkpoint a moment ago may still want it: keep one before.
      this.db.prepare('DELETE FROM checkpoints WHERE version < ?').run(previous);
      this.db.prepare('DELETE FROM tombstones WHERE version <= ?').run(Math.min(previous, version));
    })();
    this.fromCheckpoint = version;
    removeGraphFiles(this.dir, new Set((this.db.prepare('SELECT file FROM checkpoints').all() as { file: string }[]).map((r) => r.file)));
  }
}

export function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Removes graph files (and their temporary files) not in `keep`. */
export function removeGraphFiles(dir: string, keep: Set<string>): void {
  for (const entry of fs.readdirSync(dir)) {
    if (/^vectors-\d+\.hnsw(\.\d+\.tmp)?$/.test(entry) && !keep.has(entry)) fs.rmSync(path.join(dir, entry), { force: true });
  }
}

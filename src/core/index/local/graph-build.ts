import { ParallelGraphBuilder } from './hnsw/parallel-builder.js';

/** A write that inserts at least this many passages into an empty graph builds it on a worker thread. */
export const PARALLEL_BUILD_FROM = 4096;

/**
 * The HNSW graph of a write transaction that starts from an empty graph (a first build or a
 * rebuild): every vector the transaction inserts goes to a worker thread, which builds the graph
 * while the writer cleans, analyses and embeds the next articles. The first `from` vectors are only
 * held here, so a small write starts no worker. A write that removes a vector it inserted gives the
 * build up: the graph is then brought up to date from SQLite after the commit, as for any write.
 */
export class GraphBuild {
  private held: { label: number; vector: Float32Array }[] = [];
  private builder: ParallelGraphBuilder | null = null;
  /** The first label this write inserted (labels only grow). */
  private first: number | null = null;
  private abandoned = false;

  constructor(
    private readonly dimensions: number,
    /** How many vectors are held before a worker is started. */
    private readonly from = PARALLEL_BUILD_FROM,
  ) {}

  /** Whether a worker holds the build (only then does `finish` write a graph). */
  get started(): boolean {
    return this.builder !== null && !this.abandoned;
  }

  async add(label: number, vector: Float32Array): Promise<void> {
    if (this.abandoned) return;
    this.first ??= label;
    if (this.builder) return this.builder.add(label, vector);
    this.held.push({ label, vector });
    if (this.held.length < this.from) return;
    this.builder = ParallelGraphBuilder.start(this.dimensions);
    for (const h of this.held) await this.builder.add(h.label, h.vector);
    this.held = [];
  }

  /** A label leaves the graph: when it came from this write, the parallel build is given up. */
  async remove(label: number): Promise<void> {
    if (this.first !== null && label >= this.first) await this.abandon();
  }

  /** Everything inserted so far is gone (the store was cleared): the build starts over. */
  async restart(): Promise<void> {
    await this.builder?.cancel();
    this.builder = null;
    this.held = [];
    this.first = null;
  }

  /** Writes the graph to `file` (atomically) and returns its element count; null when no worker built one. */
  async finish(file: string): Promise<number | null> {
    if (!this.started) return null;
    return this.builder!.finish(file);
  }

  /** Stops the worker (the write failed or gave the build up). */
  async abandon(): Promise<void> {
    this.abandoned = true;
    this.held = [];
    await this.builder?.cancel();
  }
}

import type Database from 'better-sqlite3';

/**
 * The inverted index is stored as blocks: one row per (term, first passage of the block) holding up
 * to `BLOCK` postings packed as pairs of 32-bit words: the passage label, then the term's frequency
 * in the passage (high 16 bits) and the passage's length in terms (low 16 bits), in label order.
 * A query reads a term's postings as a few blobs instead of one row per passage; a changed passage
 * rewrites one small block per term.
 */
export const BLOCK = 256;
/** Postings an open transaction holds in memory before it appends them to their blocks. */
export const PENDING_LIMIT = 2_000_000;

const MAX_16 = 0xffff;

export const tfOf = (word: number): number => word >>> 16;
export const lengthOf = (word: number): number => word & MAX_16;
const pack = (tf: number, length: number): number => ((Math.min(tf, MAX_16) << 16) | Math.min(length, MAX_16)) >>> 0;

const decode = (blob: Buffer): Uint32Array => {
  // A blob's bytes are not always aligned for a Uint32Array view: copy when they are not.
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  return new Uint32Array(Uint8Array.from(blob).buffer);
};
const encode = (words: Uint32Array | number[]): Buffer => Buffer.from(Uint32Array.from(words).buffer);

/** Reading a term's blocks (the pairs of every block, in label order). */
export function postingReader(db: Database.Database): (term: string) => Uint32Array[] {
  const blocks = db.prepare('SELECT data FROM postings WHERE term = ? ORDER BY first').pluck();
  return (term) => (blocks.all(term) as Buffer[]).map(decode);
}

/**
 * Writes postings, and the document frequencies in `terms`, inside a write transaction. New passages
 * always get larger labels than any before (AUTOINCREMENT), so their postings are appended at the end
 * of each term's last block; they are held in memory and appended by `flush` (called before commit,
 * and whenever many are held).
 */
export class PostingWriter {
  private pending = new Map<string, number[]>();
  private held = 0;
  /** The smallest label among the held postings. */
  private firstHeld = Infinity;
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      last: db.prepare('SELECT first, data FROM postings WHERE term = ? ORDER BY first DESC LIMIT 1'),
      holding: db.prepare('SELECT first, data FROM postings WHERE term = ? AND first <= ? ORDER BY first DESC LIMIT 1'),
      put: db.prepare('INSERT OR REPLACE INTO postings (term, first, data) VALUES (?, ?, ?)'),
      drop: db.prepare('DELETE FROM postings WHERE term = ? AND first = ?'),
      addDf: db.prepare(
        'INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
      ),
      dropDf: db.prepare('UPDATE terms SET df = df - 1 WHERE term = ?'),
      dropTerm: db.prepare('DELETE FROM terms WHERE term = ? AND df <= 0'),
    };
  }

  /** Adds a passage's postings: `tf` per distinct term, `length` terms in all. */
  add(label: number, tf: Map<string, number>, length: number): void {
    for (const [term, count] of tf) {
      let list = this.pending.get(term);
      if (!list) this.pending.set(term, (list = []));
      list.push(label, pack(count, length));
    }
    this.held += tf.size;
    this.firstHeld = Math.min(this.firstHeld, label);
    if (this.held >= PENDING_LIMIT) this.flush();
  }

  /** Appends the held postings to their terms' blocks. */
  flush(): void {
    for (const [term, pairs] of this.pending) {
      let at = 0;
      const last = this.s.last.get(term) as { first: number; data: Buffer } | undefined;
      if (last && last.data.byteLength / 8 < BLOCK) {
        const room = BLOCK - last.data.byteLength / 8;
        at = Math.min(pairs.length, room * 2);
        this.s.put.run(term, last.first, Buffer.concat([last.data, encode(pairs.slice(0, at))]));
      }
      for (; at < pairs.length; at += BLOCK * 2)
        this.s.put.run(term, pairs[at], encode(pairs.slice(at, at + BLOCK * 2)));
      this.s.addDf.run(term, pairs.length / 2);
    }
    this.pending.clear();
    this.held = 0;
    this.firstHeld = Infinity;
  }

  /** Removes a passage's postings for each of its distinct terms (a term left in no passage goes). */
  remove(label: number, terms: string[]): void {
    if (label >= this.firstHeld) this.flush();
    for (const term of terms) {
      const block = this.s.holding.get(term, label) as { first: number; data: Buffer } | undefined;
      if (!block) continue;
      const words = decode(block.data);
      let i = 0;
      while (i < words.length && words[i] !== label) i += 2;
      if (i >= words.length) continue;
      const kept = new Uint32Array(words.length - 2);
      kept.set(words.subarray(0, i));
      kept.set(words.subarray(i + 2), i);
      this.s.drop.run(term, block.first);
      if (kept.length > 0) this.s.put.run(term, kept[0], encode(kept));
      this.s.dropDf.run(term);
      this.s.dropTerm.run(term);
    }
  }

  /** Forgets held postings (the store was cleared). */
  clear(): void {
    this.pending.clear();
    this.held = 0;
    this.firstHeld = Infinity;
  }
}

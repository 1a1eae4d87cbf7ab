import fs from 'node:fs';

/** What the first bytes of an hnswlib graph file say about it. */
export interface GraphHeader {
  /** Elements stored, deleted ones included. */
  elements: number;
  capacity: number;
  dimensions: number;
  m: number;
}

/** hnswlib's header: six size_t, two 32-bit ints, three size_t, a double, a size_t. */
const HEADER_BYTES = 96;
const FLOAT_BYTES = 4;

/**
 * Reads an hnswlib (float, cosine/ip/l2) graph file's header without loading the graph. hnswlib itself
 * takes the dimension count from the caller and would misread a file of another dimension silently.
 */
export function readGraphHeader(file: string): GraphHeader {
  const buffer = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, buffer, 0, HEADER_BYTES, 0) < HEADER_BYTES)
      throw new Error(`${file} is too short for an HNSW graph`);
  } finally {
    fs.closeSync(fd);
  }
  const size = (offset: number) => Number(buffer.readBigUInt64LE(offset));
  const labelOffset = size(32);
  const dataOffset = size(40);
  return {
    capacity: size(8),
    elements: size(16),
    dimensions: (labelOffset - dataOffset) / FLOAT_BYTES,
    m: size(72),
  };
}

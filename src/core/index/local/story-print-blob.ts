import type { StoryPrint } from '../../text/story-print.js';

/** A story fingerprint as stored: its key numbers, then their counts, each as a 32-bit integer. */
export function packPrint(print: StoryPrint): Buffer {
  const words = new Uint32Array(print.keys.length * 2);
  words.set(print.keys, 0);
  words.set(print.counts, print.keys.length);
  return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
}

export function unpackPrint(blob: Buffer): StoryPrint {
  // Copied out: SQLite's buffer may not be 4-byte aligned.
  const words = new Uint32Array(blob.byteLength / 4);
  new Uint8Array(words.buffer).set(blob);
  const n = words.length / 2;
  const keys = words.subarray(0, n);
  const counts = words.subarray(n);
  let norm2 = 0;
  for (const c of counts) norm2 += c * c;
  return { keys, counts, norm2 };
}

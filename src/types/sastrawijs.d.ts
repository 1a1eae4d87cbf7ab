declare module 'sastrawijs' {
  /** Sastrawi's Indonesian stemmer: reduces an inflected word to its root ("pertemuan" → "temu"). */
  export class Stemmer {
    stem(word: string): string;
    /** Whether the word is a root in its dictionary. */
    find(word: string): boolean;
  }
}

import { nearlyEqual } from '../question/coverage.js';

/**
 * The same entity written differently is one item: "Lavrov", "Sergei Lavrov" and "Sergey Lavrov";
 * "Abdollahian", "Amir Abdollahian" and "Hossein Amir Abdollahian". A shorter form joins a longer one
 * when each of its words is a word of the longer one (or one letter off, for names spelled two ways) and
 * both end on the same word, or when it is the longer one's first word alone; a shorter form that fits
 * two different longer ones stays apart. A nickname
 * joins a full name only when the articles say so ("X, yang akrab disapa Y", "X alias Y", "X, known as Y").
 */

/** A name's words, lower case, without diacritics or punctuation. */
export const nameWords = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

const sameWord = (a: string, b: string) => a === b || nearlyEqual(a, b);

/**
 * Whether the name `short` is a form of the name `long`: every word in it, the last words the same; or
 * one word that is its first ("Fransiska" of "Fransiska Kumalawati Susilo": news calls people by either).
 */
export function isFormOf(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  if (short.length === 1 && long.length > 1 && sameWord(short[0], long[0])) return true;
  if (!sameWord(short[short.length - 1], long[long.length - 1])) return false;
  return short.every((w) => long.some((l) => sameWord(w, l)));
}

/** Words that say the name before them and the one after are one person. */
const ALIAS =
  /([\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)*)\s*,?\s+(?:yang\s+)?(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil|alias|dikenal\s+(?:dengan\s+)?(?:nama\s+)?|also\s+known\s+as|known\s+as|nicknamed|a\.k\.a\.?)\s+([\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)*)/gu;

/** The pairs of names a text says are one person (full name, nickname). */
export function aliasesIn(text: string): [string, string][] {
  return [...text.matchAll(ALIAS)].map((m) => [m[1], m[2]]);
}

/**
 * Groups of the items that name one entity, in order of each group's first item. `aliases` are pairs
 * of names the articles say are one person.
 */
export function mergeEntities<T extends { text: string }>(items: T[], aliases: [string, string][] = []): T[][] {
  const words = items.map((i) => nameWords(i.text));
  // The longest forms first: each shorter one then finds the longer ones it may belong to.
  const order = items.map((_, i) => i).sort((a, b) => words[b].length - words[a].length || a - b);
  const groupOf = new Array<number>(items.length).fill(-1);
  const heads: number[] = [];
  for (const i of order) {
    const homes = heads.filter((h) => isFormOf(words[i], words[h]));
    if (homes.length === 1) groupOf[i] = groupOf[homes[0]];
    else if (homes.length > 1 && homes.every((h) => groupOf[h] === groupOf[homes[0]])) groupOf[i] = groupOf[homes[0]];
    else {
      groupOf[i] = heads.length;
      heads.push(i);
    }
  }
  // A nickname joins its full name when the text says so.
  const parent = heads.map((_, g) => g);
  const root = (g: number): number => (parent[g] === g ? g : (parent[g] = root(parent[g])));
  for (const [full, nick] of aliases) {
    const a = items.findIndex((_, i) => isFormOf(words[i], nameWords(full)) || isFormOf(nameWords(full), words[i]));
    const b = items.findIndex((_, i) => isFormOf(words[i], nameWords(nick)) && isFormOf(nameWords(nick), words[i]));
    if (a >= 0 && b >= 0) parent[root(groupOf[b])] = root(groupOf[a]);
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const g = root(groupOf[i]);
    const group = groups.get(g);
    if (group) group.push(item);
    else groups.set(g, [item]);
  });
  return [...groups.values()];
}

/**
 * The one rule for names. A name is a word written with a capital that does not open its sentence (a
 * sentence's first word is capitalised whatever it is). Callers add what their place needs on top: a
 * quote's names skip stopwords, an office holder's name skips common words, a follow-up counts numbers too.
 */
export function isName(word: { capital: boolean }, opensSentence: boolean): boolean {
  return word.capital && !opensSentence;
}

/**
 * Capitalised words this long are matched with one letter's difference too (Sergey/Sergei,
 * Zakharova/Zakhorava); shorter ones would match ordinary words.
 */
export const FUZZY_NAME_LENGTH = 5;

/** Whether a capitalised word is long enough to be matched with one letter's difference. */
export const isFuzzyName = (word: { word: string; capital: boolean }): boolean =>
  word.capital && word.word.length >= FUZZY_NAME_LENGTH;

/** Whether the text before `offset` is the start of a sentence: nothing but opening quotes, or a full stop. */
export const opensSentence = (text: string, offset: number): boolean => {
  const before = text.slice(0, offset);
  return /^[\s"“'(]*$/.test(before) || /[.?!]\s*$/.test(before);
};

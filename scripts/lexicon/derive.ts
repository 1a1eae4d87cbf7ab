/**
 * Derives kabar's extra English–Indonesian lexicon from Debian's FreeDict dictionary and writes
 * data/lexicon.json.
 *
 *   apt-get install dict-freedict-eng-ind && npm run lexicon
 *
 * The dictionary is FreeDict's English–Indonesian one, made by WikDict from Wiktionary (CC-BY-SA 3.0).
 * Kept: single-word English headwords of a content part of speech with few senses, and their
 * translations of one or two words. Both sides are stemmed as the analyzer stems them, stopwords and
 * Indonesian words that translate too many English words are dropped, and so is a translation that
 * is the English word itself. Each remaining translation is one concept, "english stem | indonesian
 * stem": a translation pair, so that the derived list links the two languages but never makes two
 * Indonesian words (or two English ones) synonyms of each other, which would change how questions
 * match articles in their own language.
 * The output depends only on the dictionary file and the analyzer: the same input gives the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer } from '../../src/core/text/analyze.js';
import { LEXICON } from '../../src/core/text/lexicon-data.js';
import { stemsOf } from '../../src/core/text/lexicon.js';
import { STOPWORDS } from '../../src/core/text/stopwords.js';
import type { Lang } from '../../src/core/types.js';
import { derivedLexicon } from './derived-lexicon.js';
import { readFreedict, type Sense } from './freedict.js';
import { writeGeneratedJson } from './generated-json.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'data/lexicon.json');
const DICTIONARY = '/usr/share/dictd/freedict-eng-ind';

/** The tuning numbers of the derivation. */
const SETTINGS = {
  /** Parts of speech that carry content; pronouns, prepositions, affixes, proverbs and the like are left out. */
  partsOfSpeech: new Set(['n', 'v', 'adj', 'adv', 'pn', 'numeral']),
  /** A headword with more senses than this (over all its parts of speech) is too ambiguous to expand. */
  maxSenses: 4,
  /** Longer translations are descriptions, not words. */
  maxTranslationWords: 2,
  /** An Indonesian stem that translates more English stems than this is too general ("orang", "buat"). */
  maxFanOut: 5,
  /** Shorter stems are mostly abbreviations and fragments. */
  minStemLength: 3,
};

const analyzer = createAnalyzer();
const stem = (word: string, lang: Lang) => analyzer.stem(word, lang);
const isStopword = (s: string) => STOPWORDS.en.has(s) || STOPWORDS.id.has(s);
const usable = (s: string) => s.length >= SETTINGS.minStemLength && !isStopword(s) && /^\p{L}+$/u.test(s);

/** Stems that are a hand-written or derived entry on their own: they do not stand for a phrase with other words. */
function singles(senses: Sense[]): Set<string> {
  const own = new Set<string>();
  for (const line of LEXICON.split('\n')) {
    const id = stemsOf(line.split('|')[1] ?? '', 'id', stem);
    if (id.length === 1) own.add(id[0]);
  }
  for (const sense of senses)
    for (const t of sense.translations) if (!/\s/.test(t)) for (const s of stemsOf(t, 'id', stem)) own.add(s);
  return own;
}

/**
 * The stems that stand for one translation: a single word's stem, or the words of a phrase that are
 * not entries of their own ("jagal" of "rumah jagal"). None when a word is unusable, or when every
 * word of a phrase is an entry of its own ("perdana menteri"): its words already have their concepts.
 */
function translationStems(translation: string, own: Set<string>): string[] {
  const words = translation.toLowerCase().split(/\s+/);
  if (
    words.length > SETTINGS.maxTranslationWords ||
    !words.every((w) => /^\p{L}+(-\p{L}+)*$/u.test(w) && !isStopword(w))
  )
    return [];
  const stems = stemsOf(translation, 'id', stem);
  if (!stems.every(usable)) return [];
  return words.length === 1 ? stems : stems.filter((s) => !own.has(s));
}

function derive(senses: Sense[]): string[] {
  const kept = senses.filter(
    (s) => SETTINGS.partsOfSpeech.has(s.pos) && /^\p{L}+$/u.test(s.headword) && !isStopword(s.headword.toLowerCase()),
  );
  const count = new Map<string, number>();
  for (const s of kept) count.set(s.headword.toLowerCase(), (count.get(s.headword.toLowerCase()) ?? 0) + 1);
  const own = singles(kept);
  const concepts: { en: string; id: string[] }[] = [];
  for (const sense of kept) {
    const word = sense.headword.toLowerCase();
    const en = stem(word, 'en');
    if ((count.get(word) ?? 0) > SETTINGS.maxSenses || !usable(en)) continue;
    const id = [...new Set(sense.translations.flatMap((t) => translationStems(t, own)))].filter(
      (s) => s !== en && s !== word,
    );
    if (id.length > 0) concepts.push({ en, id });
  }
  const fanOut = new Map<string, Set<string>>();
  for (const c of concepts) for (const s of c.id) fanOut.set(s, (fanOut.get(s) ?? new Set()).add(c.en));
  const lines = concepts.flatMap((c) =>
    c.id.filter((s) => (fanOut.get(s)?.size ?? 0) <= SETTINGS.maxFanOut).map((s) => `${c.en} | ${s}`),
  );
  return [...new Set(lines)].sort();
}

function main() {
  const index = `${DICTIONARY}.index`;
  if (!fs.existsSync(index)) {
    console.error(
      `${index} is missing: install Debian's dictionary first (apt-get install dict-freedict-eng-ind), then run npm run lexicon again.`,
    );
    process.exit(1);
  }
  const { edition, senses } = readFreedict(fs.readFileSync(index, 'utf8'), fs.readFileSync(`${DICTIONARY}.dict.dz`));
  const lines = derive(senses);
  const derived = derivedLexicon(lines);
  const generated = [
    'Generated by `npm run lexicon` (scripts/lexicon/derive.ts); do not edit by hand.',
    `Derived from the FreeDict English–Indonesian dictionary (FreeDict+WikDict, edition ${edition},`,
    'https://freedict.org, built by WikDict from Wiktionary via DBnary), licensed under the Creative',
    'Commons Attribution-ShareAlike 3.0 Unported licence (https://creativecommons.org/licenses/by-sa/3.0/).',
    'This derived list (senses selected, translations filtered and stemmed, written as translation',
    'pairs) is distributed under the same licence.',
    'Concept i is line i of `concepts`: English stems, a bar, Indonesian stems (stemmed as the analyzer',
    'stems); `en` and `id` list each stem with its concepts, sorted by stem (see createLexicon).',
  ].join(' ');
  const text = writeGeneratedJson(OUT, generated, {
    concepts: derived.concepts.split('\n'),
    en: derived.en.split('\n'),
    id: derived.id.split('\n'),
  });
  console.error(
    `${lines.length} concepts from ${senses.length} senses → ${path.relative(ROOT, OUT)} (${(text.length / 1024).toFixed(0)} kB)`,
  );
}

main();

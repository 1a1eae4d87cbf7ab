import { chunkArticle } from '../src/core/corpus/chunk.js';
import { cleanArticle, sentenceBlocks } from '../src/core/corpus/clean.js';
import type { Random } from './random.js';
import { NAME, type SeedText } from './seed-text.js';
import { DEFAULT_CHUNKING } from '../src/core/settings.js';

/** One generated article, in the JSONL record shape (`{id,title,date,source,url,text}`) plus its file form. */
export interface SyntheticArticle {
  id: string;
  title: string;
  date: string;
  source: string;
  url: string;
  text: string;
  /** The article as a kabar `.txt` file: a `date` header, the outlet prefix, paragraphs. */
  file: string;
  /** Passages kabar makes of it: counted by kabar's cleaning and chunking for the first articles, estimated after. */
  passages: number;
}

/** Shape of a generated article (tuning of the generator, not of kabar). */
const SHAPE = {
  paragraphs: [2, 7],
  sentencesPerParagraph: [1, 4],
  /** Share of sentences taken from the article's topic (a seed article); the rest from anywhere. */
  topical: 0.7,
  /** Share of names replaced by a generated one; the rest stay (recurring real entities). */
  renamed: 0.6,
  /** Generated names: one per this many passages, at least `minNames`. */
  passagesPerName: 5,
  minNames: 2000,
  years: [2015, 2024],
  titleLength: 90,
  /** Articles counted exactly (kabar's own cleaning, slow on long texts) to calibrate the fast estimate. */
  calibration: 300,
  outlets: ['Kompas', 'Tempo', 'Antara', 'Detik', 'Republika', 'Kontan', 'Tribun', 'Liputan6', 'Okezone', 'Merdeka'],
} as const;

const between = (random: Random, [low, high]: readonly [number, number]) => low + random.int(high - low + 1);

/** New names spliced from two seed names ("Zakharova" + "Pompeo" → "Zakhapeo"), so they look like the seed's. */
function makeNames(seed: SeedText, count: number, random: Random): string[] {
  const names = new Set<string>();
  const base = seed.names.length > 0 ? seed.names : ['Kabar'];
  for (let tries = 0; names.size < count && tries < count * 20; tries++) {
    const a = random.pick(base);
    const b = random.pick(base).toLowerCase();
    const name = a.slice(0, Math.max(2, Math.ceil(a.length / 2))) + b.slice(Math.floor(b.length / 2));
    names.add(name);
  }
  return [...names];
}

function headline(text: string): string {
  if (text.length <= SHAPE.titleLength) return text;
  const cut = text.slice(0, SHAPE.titleLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))}…`;
}

/** Passages kabar makes of a `.txt` article. */
const passagesOf = (file: string): number =>
  chunkArticle('x', file, sentenceBlocks(file, cleanArticle(file).runs), DEFAULT_CHUNKING).length;

/**
 * Passages kabar's chunker would make of a paragraph's generated sentences (it never crosses
 * paragraphs). An estimate: kabar's splitter joins some of them (a sentence without a full stop).
 */
function estimatePassages(sentences: string[]): number {
  let passages = 0;
  let length = 0;
  let count = 0;
  for (const sentence of sentences) {
    if (count > 0 && (length + sentence.length > DEFAULT_CHUNKING.maxChars || count >= DEFAULT_CHUNKING.maxSentences)) {
      passages++;
      length = 0;
      count = 0;
    }
    length += sentence.length;
    count++;
  }
  return passages + (count > 0 ? 1 : 0);
}

/**
 * Generates articles until they hold `passages` passages: sentences of the seed articles recombined
 * (mostly from one topic article, so an article stays about something), names replaced by generated
 * ones drawn with a Zipf law (a few frequent, a long tail of rare ones) and numbers varied, so the
 * vocabulary grows with the corpus as a real one does. Deterministic for a given `random`.
 */
export function* syntheticArticles(seed: SeedText, passages: number, random: Random): Generator<SyntheticArticle> {
  const names = makeNames(seed, Math.max(SHAPE.minNames, Math.ceil(passages / SHAPE.passagesPerName)), random);
  let total = 0;
  let exact = 0;
  let estimated = 0;
  for (let n = 0; total < passages; n++) {
    const topic = random.pick(seed.articles);
    let cursor = random.int(topic.length);
    const end = cursor + topic.length;
    const renames = new Map<string, string>();
    const rename = (name: string) => {
      let chosen = renames.get(name);
      if (chosen === undefined) {
        chosen = random.next() < SHAPE.renamed ? names[random.zipf(names.length)] : name;
        renames.set(name, chosen);
      }
      return chosen;
    };
    const vary = (sentence: string) =>
      sentence.replace(NAME, rename).replace(/\d+/g, (digits) => {
        let out = digits[0] === '0' ? '0' : String(1 + random.int(9));
        for (let i = 1; i < digits.length; i++) out += String(random.int(10));
        return out;
      });
    const paragraphs: string[] = [];
    let estimate = 0;
    const paragraphCount = between(random, SHAPE.paragraphs);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const length = between(random, SHAPE.sentencesPerParagraph);
      for (let s = 0; s < length; s++) {
        const fromTopic = cursor < end && random.next() < SHAPE.topical;
        const sentence = fromTopic ? topic[cursor++ % topic.length] : random.pick(random.pick(seed.articles));
        sentences.push(vary(sentence));
      }
      paragraphs.push(sentences.join(' '));
      estimate += estimatePassages(sentences);
    }
    const source = random.pick(SHAPE.outlets);
    const [from, to] = SHAPE.years;
    const date = `${from + random.int(to - from + 1)}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
    const id = `a${String(n).padStart(7, '0')}`;
    const text = paragraphs.join('\n\n');
    const file = `date ${date} ${source}- ${text}\n`;
    let count: number;
    if (n < SHAPE.calibration) {
      count = passagesOf(file);
      exact += count;
      estimated += estimate;
    } else {
      count = estimate * (exact / estimated);
    }
    const article: SyntheticArticle = {
      id,
      title: headline(paragraphs[0]),
      date,
      source,
      url: `https://${source.toLowerCase()}.example/${date}/${id}`,
      text,
      file,
      passages: count,
    };
    total += article.passages;
    yield article;
  }
}

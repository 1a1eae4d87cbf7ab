import { wordsOf } from '../text/analyze.js';
import { interrogative } from './kind.js';

/**
 * The shape of the answer a question wants: one fact (`answer`, kabar's ordinary cited sentence), every
 * item of a set (`list`: "Siapa saja yang …?", "Which officials …?"), the dated events of a story in
 * order (`timeline`: "Kronologi …", "What happened …?"), or a few sentences that together cover a topic
 * (`brief`: "Ringkas berita tentang …", "Summarize …", a bare topic).
 */
export type QuestionShape = 'answer' | 'list' | 'timeline' | 'brief';

/** Words that ask for the story over time wherever they stand. */
const TIMELINE_WORDS = new Set(['kronologi', 'kronologis', 'timeline', 'chronology', 'linimasa']);
/** Words that ask for a summary wherever they stand ("ringkas", "rangkuman", "summarize", "recap"). */
const BRIEF_WORDS = new Set([
  'ringkas',
  'ringkaskan',
  'ringkasan',
  'rangkum',
  'rangkumkan',
  'rangkuman',
  'ikhtisar',
  'summarize',
  'summarise',
  'summary',
  'recap',
  'overview',
]);
/** Verbs of talk: "apa saja yang dibahas" asks what was said, a brief, not a list of things. */
const TALK_WORDS = new Set([
  'dibahas',
  'dibicarakan',
  'membahas',
  'membicarakan',
  'disampaikan',
  'dikatakan',
  'discuss',
  'discussed',
  'talk',
  'talked',
  'say',
  'said',
]);
/** Imperatives that ask for a set: "sebutkan", "list", "name the". */
const LIST_VERBS = new Set(['sebutkan', 'daftar', 'daftarkan', 'list', 'name', 'enumerate']);
/** English plural nouns that do not end in "s", after "which"/"what". */
const IRREGULAR_PLURALS = new Set(['people', 'men', 'women', 'children', 'police']);
/** Words after "which" that are not the noun asked for ("which of", "which is"). */
const NOT_NOUNS = new Set(['is', 'was', 'has', 'does', 'did', 'news', 'series', 'status', 'this', 'its', 'his']);
/** "berita/kabar tentang X", "news about X": the news on a topic. */
const NEWS = new Set(['berita', 'kabar', 'news']);
const ABOUT = new Set(['tentang', 'soal', 'mengenai', 'seputar', 'terkait', 'about', 'on']);
/** The longest bare topic read as a brief ("banjir Jakarta", "sanksi AS terhadap Iran"). */
const BARE_TOPIC_WORDS = 5;

/** Whether "which/what" is followed by a plural noun ("which officials", "what countries"). */
const pluralAfter = (word: string | undefined): boolean =>
  word !== undefined &&
  !NOT_NOUNS.has(word) &&
  (IRREGULAR_PLURALS.has(word) || (word.length > 3 && /[^su]s$/.test(word)));

/**
 * The shape of a question, by rule: its first words and its question words. Everything that is not
 * recognised as a list, a timeline or a brief is an ordinary question, answered as before.
 */
export function questionShape(question: string): QuestionShape {
  const words = wordsOf(question);
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const at = (i: number) => words[i];
  if (has(TIMELINE_WORDS)) return 'timeline';
  // "brief" is a summary only as the imperative that opens the question ("Brief me on …"), not a press briefing.
  if (has(BRIEF_WORDS) || at(0) === 'brief') return 'brief';
  // "What happened …", "Apa yang terjadi …", "sejak … hingga/sampai …".
  for (let i = 0; i < words.length; i++) {
    if (at(i) === 'what' && (at(i + 1) === 'happened' || (at(i + 1) === 'has' && at(i + 2) === 'happened')))
      return 'timeline';
    if (interrogative(at(i)) === 'apa' && at(i + 1) === 'yang' && at(i + 2) === 'terjadi') return 'timeline';
  }
  const since = words.indexOf('sejak');
  if (since >= 0 && words.slice(since + 2).some((w) => w === 'hingga' || w === 'sampai')) return 'timeline';
  // "Apa saja yang dibahas …" asks what was said: a brief; "siapa saja", "apa saja", "mana saja": a list.
  for (let i = 0; i < words.length; i++) {
    const base = interrogative(at(i));
    if (base === null) continue;
    if (at(i + 1) === 'saja' || at(i + 1) === base) return has(TALK_WORDS) && base === 'apa' ? 'brief' : 'list';
    if ((base === 'which' || base === 'what') && pluralAfter(at(i + 1))) return 'list';
    if (base === 'who' && (at(i + 1) === 'are' || at(i + 1) === 'were')) return 'list';
    if (base === 'what' && (at(i + 1) === 'are' || at(i + 1) === 'were') && has(TALK_WORDS)) return 'brief';
  }
  if (LIST_VERBS.has(at(0) ?? '') && words.length > 1) return 'list';
  if (NEWS.has(at(0) ?? '') && ABOUT.has(at(1) ?? '')) return 'brief';
  if (words.some((w, i) => NEWS.has(w) && ABOUT.has(at(i + 1) ?? '') && i <= 2)) return 'brief';
  // A bare topic: a few words, no question word, no question mark.
  if (
    words.length > 0 &&
    words.length <= BARE_TOPIC_WORDS &&
    !question.includes('?') &&
    words.every((w) => interrogative(w) === null && w !== 'apakah')
  )
    return 'brief';
  return 'answer';
}

/** Words that only say what shape of answer is wanted, dropped from the topic searched. */
const SHAPE_ONLY = new Set([
  ...TIMELINE_WORDS,
  ...BRIEF_WORDS,
  ...LIST_VERBS,
  'saja',
  'happened',
  'terjadi',
  'berita',
  'news',
  'me',
  'give',
  'tell',
  'please',
  'tolong',
  'beri',
  'berikan',
]);

/**
 * The question as a search for its topic: the words that ask for a list, a timeline or a brief
 * dropped ("Siapa saja yang bertemu Lavrov?" → "Siapa yang bertemu Lavrov?", "Ringkas berita
 * tentang banjir" → "tentang banjir"), so retrieval and the reader see an ordinary question.
 */
export function shapeTopic(question: string): string {
  const kept = question.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu, (word) =>
    SHAPE_ONLY.has(word.toLowerCase()) ? '' : word,
  );
  return (
    kept
      .replace(/\s+([?.,!])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim() || question
  );
}

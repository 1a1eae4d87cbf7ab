import { createRequire } from 'node:module';
import type { Lang } from '../types.js';

const require = createRequire(import.meta.url);
const lists = require('stopwords-iso') as Record<string, string[]>;

/**
 * Words that carry the facts a news question asks about (numbers, times, "times"/"kali") are kept
 * searchable even though general-purpose stopword lists drop them.
 */
const KEEP = new Set([
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'puluh',
  'ratus',
  'ribu',
  'juta',
  'miliar',
  'triliun',
  'kali',
  'tahun',
  'bulan',
  'hari',
  'minggu',
  'pertama',
  'kedua',
  'ketiga',
  'baru',
  'besar',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'hundred',
  'thousand',
  'million',
  'billion',
  'times',
  'year',
  'years',
  'month',
  'months',
  'day',
  'days',
  'week',
  'first',
  'second',
  'third',
  'new',
  'big',
  'large',
  'president',
  'minister',
  'state',
  'states',
  'world',
  'country',
  'countries',
  'government',
  'meet',
  'met',
  'said',
  'says',
  'information',
  'use',
  'used',
  'according',
  'against',
  'via',
]);

const build = (lang: string): Set<string> => new Set(lists[lang].filter((w) => !KEEP.has(w)));

export const STOPWORDS: Record<Lang, Set<string>> = { id: build('id'), en: build('en') };

/** A stopword in either language: the one test for "is this word worth matching" outside a language's own analysis. */
export const isStopword = (token: string): boolean => STOPWORDS.id.has(token) || STOPWORDS.en.has(token);

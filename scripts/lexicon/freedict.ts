import zlib from 'node:zlib';

/** One sense of a FreeDict headword: its part of speech and its translations, as written. */
export interface Sense {
  headword: string;
  pos: string;
  translations: string[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode = (digits: string): number => [...digits].reduce((n, c) => n * 64 + BASE64.indexOf(c), 0);

/** A FreeDict dictionary: its edition and the senses of its headwords. */
export interface Freedict {
  edition: string;
  senses: Sense[];
}

/**
 * The edition and senses of a dictd dictionary as FreeDict writes it (`.index` lines "headword\toffset\tlength"
 * in base64, the `.dict.dz` dictzip file). An entry is a header "headword /ipa/ <pos>", then either one
 * translation line and its gloss, or numbered senses "1. terjemahan, terjemahan" each followed by its
 * gloss lines. A gloss may itself be numbered: its numbers run on at the end of a translation line
 * ("gol 2.") and on indented lines (" 3."), which are not senses.
 */
export function readFreedict(index: string, dictDz: Buffer): Freedict {
  const dict = zlib.gunzipSync(dictDz);
  const senses: Sense[] = [];
  let edition = 'unknown';
  for (const line of index.split('\n')) {
    const [key, offset, length] = line.split('\t');
    if (!key || !length) continue;
    const entry = dict.subarray(decode(offset), decode(offset) + decode(length)).toString('utf8');
    if (key === '00databaseinfo') edition = /^Edition: (\S+)/m.exec(entry)?.[1] ?? edition;
    else if (!key.startsWith('00database')) senses.push(...sensesOf(entry));
  }
  return { edition, senses };
}

function sensesOf(entry: string): Sense[] {
  const [header, ...lines] = entry.split('\n');
  const head = /^(.+?)\s+(?:\/.*\/\s+)?<([^>]+)>\s*$/.exec(header);
  if (!head || lines.length === 0) return [];
  const [, headword, pos] = head;
  const split = (text: string) =>
    text
      .replace(/\s+\d+\.\s*$/, '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  if (!/^1\. /.test(lines[0])) return [{ headword, pos, translations: split(lines[0]) }];
  const senses: Sense[] = [];
  for (const line of lines) {
    const numbered = /^(\d+)\. (.*)$/.exec(line);
    if (numbered && Number(numbered[1]) === senses.length + 1)
      senses.push({ headword, pos, translations: split(numbered[2]) });
  }
  return senses;
}

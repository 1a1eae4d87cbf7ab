import type { Lang } from '../types.js';
import { findDateInText } from './metadata.js';

/** C0/C1 control characters other than tab and newline: terminal escapes and NULs have no place in stored text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Terminal escape sequences: CSI (`ESC [ … m`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`) and two-character escapes. */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;

/** Extracted text as it is stored: line ends as `\n`, control characters and escape sequences removed. */
export function plainText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** A one-line metadata value (title, outlet), or null when empty. */
export function plainLine(value: unknown): string | null {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return null;
  const line = plainText(value).replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A publication date as `YYYY-MM-DD` (or `YYYY-MM`): ISO strings keep their calendar date, RFC 822 feed dates
 * and epoch seconds/milliseconds are read, and written-out dates ("23 Agustus 2020") are found; otherwise null.
 */
export function dateValue(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value < 1e11 ? value * 1000 : value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  }
  const text = plainLine(value);
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text);
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`;
  const written = findDateInText(text);
  if (written) return written;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime()) || !/\d{4}/.test(text)) return null;
  return `${parsed.getUTCFullYear()}-${pad(parsed.getUTCMonth() + 1)}-${pad(parsed.getUTCDate())}`;
}

/** `id`/`en` from a language tag ("id", "id-ID", "ind", "en_US", "English"); null for any other language. */
export function langValue(value: unknown): Lang | null {
  const text = plainLine(value)?.toLowerCase();
  if (!text) return null;
  if (/^(id|in|ind)([-_].*)?$|^indonesian$|^bahasa( indonesia)?$/.test(text)) return 'id';
  if (/^(en|eng)([-_].*)?$|^english$/.test(text)) return 'en';
  return null;
}

/** An http(s) URL, or null. */
export function urlValue(value: unknown): string | null {
  const text = plainLine(value);
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

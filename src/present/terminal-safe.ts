/**
 * C0 controls except tab and newline, DEL, and the 8-bit C1 controls: anything that can start or end
 * an escape sequence; and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which make a terminal show text in another order than it is (Trojan Source).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Unicode's "control pictures" block shows C0 controls as visible symbols: ESC as ␛, BEL as ␇. */
const PICTURES = 0x2400;
const DEL_PICTURE = '\u2421';

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(PICTURES + code);
  if (code === 0x7f) return DEL_PICTURE;
  if (code > 0xff) return `<U+${code.toString(16).toUpperCase()}>`;
  return `\\x${code.toString(16)}`;
};

/**
 * Text from an article, a file name, a question or a model, made safe to print on a terminal:
 * CRLF line ends become LF, every other control character (ESC, BEL, a lone CR, the C1 forms of
 * CSI, OSC and DCS…) is shown as a visible symbol, so nothing in the data can emit an escape
 * sequence; a bidirectional override or isolate is shown as its code point (`<U+202E>`), so nothing
 * can reorder what is shown. Newlines and tabs stay. Only for display: offsets and JSON use the exact text.
 */
export function terminalSafe(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(/\r\n/g, '\n').replace(CONTROL, visible);
}

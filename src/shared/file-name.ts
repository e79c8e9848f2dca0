/**
 * File names come from the user's disk, and sheet names from inside their workbooks: either can hold
 * characters that change how the text around them reads — bidirectional controls (`early_help‮slx.exe`
 * displays as "early_helpexe.xls" and reverses the sentence it is in), other control characters, line
 * breaks — or be thousands of characters long. Every report shows a name through `shownFileName` (or the
 * <FileName> element), and every download name goes through `downloadName`.
 */

/**
 * C0 and C1 controls and DEL; the bidirectional embeddings, overrides, isolates and marks (LRM, RLM,
 * ALM); line and paragraph separators; zero-width space and the byte-order mark. Joiners (U+200C/D)
 * stay: scripts and emoji need them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is matched
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Names longer than this are shortened where shown, keeping the start and the extension. */
export const SHOWN_NAME_LENGTH = 100;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The name with every unsafe character written out as [U+202E], so the user can see it is there. */
export function fullFileName(name: string): string {
  return name.replace(UNSAFE, (ch) => `[${codePoint(ch)}]`);
}

/** Whether a name holds characters that are shown escaped. */
export const hasUnsafeCharacters = (name: string) => new RegExp(UNSAFE.source).test(name);

/** The name as reports show it: unsafe characters written out, and a long name shortened in the middle. */
export function shownFileName(name: string, max = SHOWN_NAME_LENGTH): string {
  const full = fullFileName(name);
  const chars = Array.from(full);
  if (chars.length <= max) return full;
  const tail = Math.min(30, Math.floor(max / 3));
  return `${chars.slice(0, max - tail - 1).join('')}…${chars.slice(-tail).join('')}`;
}

/**
 * A name to save a download under: safe on Windows, macOS and Linux, and inert when a spreadsheet shows
 * it — unsafe characters removed, characters not allowed in file names made "_", a leading formula
 * character dropped, at most 150 characters.
 */
export function downloadName(name: string, fallback = 'download.csv'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(UNSAFE, '')
    .replace(/[<>:"/\\|?*]+/g, '_')
    .replace(/^[=+\-@\s.]+/, '')
    .replace(/[\s.]+$/, '');
  const chars = Array.from(cleaned);
  const short =
    chars.length > 150
      ? chars
          .slice(0, 150)
          .join('')
          .replace(/[\s.]+$/, '')
      : cleaned;
  return short === '' ? fallback : short;
}

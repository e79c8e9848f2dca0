/**
 * Whether a cell's number format shows a date, so its serial number is read as a date (never through
 * the display text, which is often US month/day). Built-in formats 14–22 and 45–47 are dates and
 * times; 27–36 and 50–58 are East Asian date formats. A custom format is a date when, once quoted
 * text, escapes, colours and locale tags are left out, it has day, month, year, hour or second codes.
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  const firstSection = code.split(';')[0] ?? '';
  const bare = firstSection
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?!(?:h+|m+|s+)\])[^\]]*\]/gi, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare);
}

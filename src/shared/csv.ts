import Papa from 'papaparse';

export type CsvValue = string | number | null | undefined;

/**
 * A cell that starts with one of these is taken as a formula by Excel, LibreOffice and Google Sheets
 * (OWASP "CSV injection"). Such text cells are written with a leading apostrophe, so they show as
 * written and never run. Numbers are written as numbers: -5 stays -5. (papaparse's own default pattern
 * misses a formula followed by a line break, so the pattern is ours.)
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Rows → CSV text (RFC 4180, CRLF as Excel writes it, a final line end), formula-like text made inert. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return '';
  const body = Papa.unparse(
    rows.map((row) => row.map((cell) => (cell === undefined ? null : cell))),
    { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
  );
  return `${body}\r\n`;
}

/** A CSV file for people to open: UTF-8 with a byte-order mark, so Excel shows ’ £ – and é as written. */
export function csvFile(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${csvText(rows)}`;
}

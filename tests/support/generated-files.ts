import fc from 'fast-check';

/**
 * Generated early help files for the property tests, with a model of what must happen to each row.
 * Each cell comes from a pool whose validity is known, so the model knows which rows must load and on
 * which line (the row number Excel shows) each rejected row is.
 */
const CHILD_IDS = { valid: ['C1', ' C2 ', 'C,3', 'C"4', 'C\n5', 'C;6', 'C|7'], invalid: ['', '   '] };
const STARTS = {
  valid: [
    '01/04/2024',
    '1/4/2024',
    '2024-04-01',
    '15/06/23',
    ' 02/05/2024 ',
    '03.05.2024',
    '2024-05-01 00:00:00',
    '45383',
  ],
  invalid: ['31/02/2024', '02/13/2024', 'soon', '', '4538', '2024-04-01x'],
};
/** The end date is optional: a value that is no date loads its row with a warning; one before the start rejects it. */
const ENDS = { valid: ['', '30/09/2024', '2025-01-01'], warned: ['32/01/2024', 'tbc'], invalid: ['01/01/2020'] };
/** Start dates that can only be month/day, and those that could be either (rejected when both are in a file). */
const MONTH_DAY_ONLY = new Set(['02/13/2024']);
const EITHER_ORDER = new Set(['01/04/2024', '1/4/2024', ' 02/05/2024 ', '03.05.2024']);
const TEXT_CHARS = ['a', 'B', ' ', ',', ';', '\t', '|', '"', '\n', '£', '’', '\u00a0', 'é', '7'];

export interface Row {
  cells: string[];
  valid: boolean;
  /** Loads (when valid) with a warning: its end date cannot be read. */
  warned: boolean;
  extra: string | null;
}

const pick = (pool: { valid: string[]; invalid: string[] }) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool.valid).map((v) => ({ v, ok: true })) },
    { weight: 1, arbitrary: fc.constantFrom(...pool.invalid).map((v) => ({ v, ok: false })) },
  );

const endArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ENDS.valid).map((v) => ({ v, ok: true, warned: false })) },
  { weight: 1, arbitrary: fc.constantFrom(...ENDS.warned).map((v) => ({ v, ok: true, warned: true })) },
  { weight: 1, arbitrary: fc.constantFrom(...ENDS.invalid).map((v) => ({ v, ok: false, warned: false })) },
);

const rowArb: fc.Arbitrary<Row> = fc
  .record({
    child: pick(CHILD_IDS),
    start: pick(STARTS),
    end: endArb,
    locality: fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 8 }).map((cs) => cs.join('')),
    extra: fc.option(fc.constantFrom('X', 'more'), { freq: 8 }),
  })
  .map(({ child, start, end, locality, extra }) => ({
    cells: [child.v, start.v, end.v, locality],
    valid: child.ok && start.ok && end.ok && extra === null,
    warned: end.warned,
    extra,
  }));

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type LineEnds = '\n' | '\r\n' | '\r' | 'mixed';

export interface GeneratedFile {
  delimiter: string;
  encoding: FileEncoding;
  newline: LineEnds;
  header: string[];
  title: boolean;
  rows: { row: Row; blankBefore: boolean }[];
  /** A row whose locality opens a quote that is never closed (null: none). */
  strayQuoteAt: number | null;
  /** A row whose locality holds one NUL character (null: none). */
  nulAt: number | null;
}

const HEADERS = [
  ['child_id', 'assessment_start_date', 'episode_end_date', 'locality'],
  ['Child Unique ID', 'Assessment start date', 'Episode end date', 'Locality '],
  ['earl_person_id', 'earl_episode_start_date', 'earl_episode_end_date', 'AREA'],
];

/** Files as the earlier ingest handled them: UTF-8 or Windows-1252, LF or CRLF, no stray quotes. */
export const plainFileArb: fc.Arbitrary<GeneratedFile> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  encoding: fc.constantFrom<FileEncoding>('utf-8', 'utf-8-bom', 'windows-1252'),
  newline: fc.constantFrom<LineEnds>('\n', '\r\n'),
  header: fc.constantFrom(...HEADERS),
  title: fc.boolean(),
  rows: fc.array(fc.record({ row: rowArb, blankBefore: fc.boolean() }), { maxLength: 25 }),
  strayQuoteAt: fc.constant(null),
  nulAt: fc.constant(null),
});

/** The text Excel and partner systems really write: UTF-16, CR and mixed line ends, NUL bytes, stray quotes. */
export const awkwardFileArb: fc.Arbitrary<GeneratedFile> = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    encoding: fc.constantFrom<FileEncoding>('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be'),
    newline: fc.constantFrom<LineEnds>('\n', '\r\n', '\r', 'mixed'),
    header: fc.constantFrom(...HEADERS),
    title: fc.boolean(),
    rows: fc.array(fc.record({ row: rowArb, blankBefore: fc.boolean() }), { minLength: 1, maxLength: 25 }),
    strayQuote: fc.option(fc.nat(), { freq: 2 }),
    nul: fc.option(fc.nat(), { freq: 2 }),
  })
  .map(({ strayQuote, nul, ...file }) => ({
    ...file,
    strayQuoteAt: strayQuote === null ? null : strayQuote % file.rows.length,
    nulAt: nul === null ? null : nul % file.rows.length,
  }));

function quote(cell: string, delimiter: string): string {
  return /["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** After a stray quote nothing may close it: rows there are written with no quotes, delimiters or breaks. */
function plain(cell: string, delimiter: string): string {
  return [...cell].filter((c) => c !== '"' && c !== delimiter && c !== '\n' && c !== '\t' && c !== '\u00a0').join('');
}

const CP1252 = new Map([
  ['£', 0xa3],
  ['’', 0x92],
  ['\u00a0', 0xa0],
  ['é', 0xe9],
]);

function encode(text: string, encoding: FileEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'windows-1252') return Uint8Array.from([...text].map((c) => CP1252.get(c) ?? c.charCodeAt(0)));
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const units = [0xfeff, ...Array.from(text, (c) => c.charCodeAt(0))];
    const out = new Uint8Array(units.length * 2);
    const little = encoding === 'utf-16le';
    units.forEach((unit, i) => {
      out[2 * i + (little ? 0 : 1)] = unit & 0xff;
      out[2 * i + (little ? 1 : 0)] = unit >> 8;
    });
    return out;
  }
  const bytes = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return bytes;
  const withBom = new Uint8Array(bytes.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(bytes, 3);
  return withBom;
}

const isBlank = (row: Row) => row.extra === null && row.cells.every((c) => c.replace(/[\s\u00a0]/g, '') === '');

/** Joins lines; a lone CR is never followed by an empty line (CR + LF would read as one line end). */
function joinLines(lines: string[], newline: LineEnds, seed: number): string {
  const ends = ['\n', '\r\n', '\r'];
  return lines
    .map((line, i) => {
      let end = newline === 'mixed' ? (ends[(seed + i * 7) % 3] ?? '\n') : newline;
      if (end === '\r' && lines[i + 1] === '') end = '\r\n';
      return line + end;
    })
    .join('');
}

export interface RenderedFile {
  bytes: Uint8Array<ArrayBuffer>;
  /** Rows a user sees (blank lines and empty rows are not rows). */
  expectedRead: number;
  /** Lines of the rows that must be rejected, ascending. */
  expectedRejectedLines: number[];
  /** Lines of the rows that must load with a warning, ascending. */
  expectedWarnedLines: number[];
}

/** Writes a generated file and works out, from the pools' validity, what the app must do with it. */
export function renderFile(file: GeneratedFile, seed = 0): RenderedFile {
  const lines: string[] = [];
  if (file.title) lines.push('List 2: Early Help');
  lines.push(file.header.map((h) => quote(h, file.delimiter)).join(file.delimiter));
  const expectedRejectedLines: number[] = [];
  const expectedWarnedLines: number[] = [];
  let expectedRead = 0;
  const stray = file.strayQuoteAt;
  // Only rows read before a stray quote tell whether the start column holds month/day dates.
  const readRows = file.rows.filter((_, i) => stray === null || i < stray).map(({ row }) => row);
  const monthDayColumn = readRows.some((row) => !isBlank(row) && MONTH_DAY_ONLY.has(row.cells[1] ?? ''));
  file.rows.forEach(({ row, blankBefore }, i) => {
    if (blankBefore) lines.push('');
    const swallowed = stray !== null && i >= stray;
    let cells = row.cells.map((c) => (swallowed ? plain(c, file.delimiter) : quote(c, file.delimiter)));
    if (i === file.nulAt && !swallowed) cells[3] = quote(`${row.cells[3]}\u0000`, file.delimiter);
    if (i === stray) cells = [cells[0] ?? '', '15/06/23', cells[2] ?? '', `"${cells[3]}`];
    if (row.extra !== null) cells.push(row.extra);
    lines.push(cells.join(file.delimiter));
    const blank = i !== stray && i !== file.nulAt && isBlank(row);
    if (blank) return;
    expectedRead += 1;
    const valid = row.valid && !(monthDayColumn && EITHER_ORDER.has(row.cells[1] ?? ''));
    if (swallowed || !valid) expectedRejectedLines.push(lines.length);
    else if (row.warned) expectedWarnedLines.push(lines.length);
  });
  const bytes = encode(joinLines(lines, file.newline, seed), file.encoding);
  return { bytes, expectedRead, expectedRejectedLines, expectedWarnedLines };
}

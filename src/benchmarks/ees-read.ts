import { z } from 'zod';
import type { Engine, SqlParam } from '../engine/engine';
import { GEOGRAPHY_COLUMNS, MARKERS } from './published-file';

/**
 * An EES tidy file read by DuckDB, never as one string in the page: the file is registered with the
 * engine, read into a scratch table as text (values cleaned as String.trim does), its columns told
 * apart (a measure: every cell a number or a marker, and at least one number; anything else beyond
 * the geography a breakdown), and each national, regional and local-authority row's measure cells put
 * into `pi_published`, row by row and measure by measure, as the file has them. Columns are named
 * c0, c1 … by position: the file's headings are only ever bound as values.
 */

/** What the read needs to know of the file: where DuckDB finds it, and its header line. */
export interface EesLayout {
  registeredName: string;
  /** The header's cells as written (BOM and all), in order. */
  header: readonly string[];
  delimiter: string;
  /** A quoted value holds a line break: DuckDB must read the file in one piece. */
  quotedNewlines: boolean;
  /** The longest record DuckDB accepts (read-stage.ts maxLineBytes). */
  maxLineBytes: number;
}

export interface EesFacts {
  measures: string[];
  breakdowns: string[];
  /** National, regional and local-authority rows read. */
  rows: number;
  /** Rows that were not national, regional or local-authority rows (e.g. local skills areas). */
  otherRows: number;
  /** Measure cells stored. */
  cells: number;
}

/** The delimiters an EES header may be read with (Papa Parse's guesses); anything else is refused. */
const DELIMITERS = new Set([',', '\t', '|', ';', '\u001e', '\u001f']);

/** The levels stored; any other row (a local skills area, a ward …) is counted and left aside. */
const LEVELS = ['National', 'Regional', 'Local authority'] as const;

/** The code points String.prototype.trim removes (white space, line terminators, BOM). */
const JS_WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
const WHITESPACE_SQL = quoted(String.fromCodePoint(...JS_WHITESPACE));
const hex = (code: number) => `\\x{${code.toString(16)}}`;
/** A value that starts or ends with such white space: only those are trimmed (most values need none). */
const PADDED_SQL = quoted(`^[${JS_WHITESPACE.map(hex).join('')}]|[${JS_WHITESPACE.map(hex).join('')}]$`);
const trimmedSql = (cell: string) =>
  `CASE WHEN ${cell} IS NULL THEN '' WHEN regexp_matches(${cell}, ${PADDED_SQL}) THEN trim(${cell}, ${WHITESPACE_SQL}) ELSE ${cell} END`;

/** A number as the DfE writes one: digits, a point, an exponent, thousands commas (removed first). */
const NUMBER_PATTERN = quoted('-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?');
const isNumberSql = (cell: string) => `regexp_full_match(replace(${cell}, ',', ''), ${NUMBER_PATTERN})`;
const MARKERS_SQL = [...MARKERS].map(quoted).join(', ');
const isMarkerOrBlankSql = (cell: string) => `(${cell} = '' OR lower(${cell}) IN (${MARKERS_SQL}))`;

/**
 * JSON.stringify's escapes, backslash first (so no escape is escaped again): the key of a breakdown
 * selection is JSON the app compares as text (filtersKey).
 */
const JSON_ESCAPES = [0x5c, 0x22, ...Array.from({ length: 0x20 }, (_, c) => c)].map((code) => ({
  code,
  written: JSON.stringify(String.fromCharCode(code)).slice(1, -1),
}));

/** A value with a character JSON.stringify escapes: only those go through the replacements. */
const NEEDS_ESCAPE_SQL = quoted(`[${JSON_ESCAPES.map((e) => hex(e.code)).join('')}]`);

/** A cell as a JSON string, exactly as JSON.stringify writes it. */
function jsonStringSql(cell: string): string {
  const escaped = JSON_ESCAPES.reduce(
    (sql, { code, written }) => `replace(${sql}, chr(${code}), ${quoted(written)})`,
    cell,
  );
  return `'"' || CASE WHEN regexp_matches(${cell}, ${NEEDS_ESCAPE_SQL}) THEN ${escaped} ELSE ${cell} END || '"'`;
}

const column = (i: number) => `c${Math.trunc(i)}`;

/** The file's rows in `pi_ees_rows`: every cell as trimmed text ('' when empty), blank rows left out. */
export function eesStageSql(layout: EesLayout): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(layout.registeredName)) throw new Error('unsafe registered file name');
  if (!DELIMITERS.has(layout.delimiter)) throw new Error('unexpected delimiter');
  const indices = layout.header.map((_, i) => i);
  const columns = indices.map((i) => `'${column(i)}': 'VARCHAR'`).join(', ');
  const cleaned = indices.map((i) => `${trimmedSql(column(i))} AS ${column(i)}`);
  const maxLine = Math.trunc(layout.maxLineBytes);
  return `CREATE OR REPLACE TEMP TABLE pi_ees_rows AS
SELECT * FROM (
  SELECT ${cleaned.join(', ')}
  FROM read_csv('${layout.registeredName}', auto_detect = false, header = false, skip = 1,
    delim = ${quoted(layout.delimiter)}, quote = '"', escape = '"', columns = {${columns}},
    null_padding = true, strict_mode = false, max_line_size = ${maxLine}${layout.quotedNewlines ? ', parallel = false' : ''})
) WHERE (${indices.map(column).join(' || ')}) <> ''`;
}

/** A header's names: trimmed, BOM gone, lower case for the geography columns. */
const clean = (cell: string) => cell.replace(/^\uFEFF/, '').trim();

/** Where each geography column is (the last of a repeated name), and the columns that may be measures. */
export function eesColumns(header: readonly string[]) {
  const names = header.map((h) => clean(h).toLowerCase());
  const at = new Map(names.map((n, i) => [n, i]));
  const geography = new Map(GEOGRAPHY_COLUMNS.map((name) => [name, at.get(name) ?? -1]));
  const rest = names.flatMap((name, i) => (name !== '' && !GEOGRAPHY_COLUMNS.includes(name as never) ? [i] : []));
  return { geography, rest };
}

const levelSql = (geography: Map<string, number>) => column(geography.get('geographic_level') ?? -1);
const LEVELS_SQL = LEVELS.map(quoted).join(', ');

/** One row: the rows kept and left aside, and for each column that may be a measure whether it is one. */
export function eesKindsSql(header: readonly string[]): string {
  const { geography, rest } = eesColumns(header);
  const level = levelSql(geography);
  const kinds = rest.map(
    (i) =>
      `coalesce(bool_or(${isNumberSql(column(i))}) AND bool_and(${isNumberSql(column(i))} OR ${isMarkerOrBlankSql(column(i))}), false) AS m${i}`,
  );
  return `SELECT count(*) FILTER (WHERE ${level} IN (${LEVELS_SQL}))::INTEGER AS kept,
  count(*) FILTER (WHERE ${level} NOT IN (${LEVELS_SQL}))::INTEGER AS other${kinds.map((k) => `,\n  ${k}`).join('')}
FROM pi_ees_rows`;
}

/**
 * Every measure cell of the kept rows into `pi_published`: $1 the file's id, $2 its name, then each
 * measure's heading, then each breakdown's start of its JSON pair (`[["name",`, `,["name",`). A number
 * becomes a DOUBLE (thousands commas gone; + 0 makes −0 a plain 0, as JSON and CSV made it before), a
 * marker stays as written, a blank is the marker ''.
 */
export function eesInsertSql(
  header: readonly string[],
  measureIdx: readonly number[],
  breakdownIdx: readonly number[],
): string {
  const { geography } = eesColumns(header);
  const geo = (name: (typeof GEOGRAPHY_COLUMNS)[number]) => column(geography.get(name) ?? -1);
  let param = 3;
  const cells = measureIdx.map((i) => `{'measure': $${param++}::VARCHAR, 'raw': ${column(i)}}`);
  const pairs = breakdownIdx.map((i) => `$${param++}::VARCHAR || ${jsonStringSql(column(i))} || ']'`);
  const filters = pairs.length === 0 ? `'[]'` : `${pairs.join(' || ')} || ']'`;
  return `INSERT INTO pi_published
SELECT $1::INTEGER, $2::VARCHAR, cell.measure, filters, time_period, time_identifier, level, region_code, region_name,
  old_la_code, new_la_code, la_name,
  CASE WHEN ${isNumberSql('cell.raw')} THEN CAST(replace(cell.raw, ',', '') AS DOUBLE) + 0 END,
  CASE WHEN NOT ${isNumberSql('cell.raw')} THEN cell.raw END
FROM (
  SELECT ${filters} AS filters, ${geo('time_period')} AS time_period, ${geo('time_identifier')} AS time_identifier,
    ${geo('geographic_level')} AS level, ${geo('region_code')} AS region_code, ${geo('region_name')} AS region_name,
    ${geo('old_la_code')} AS old_la_code, ${geo('new_la_code')} AS new_la_code, ${geo('la_name')} AS la_name,
    unnest([${cells.join(', ')}]) AS cell
  FROM pi_ees_rows WHERE ${levelSql(geography)} IN (${LEVELS_SQL})
)`;
}

/** The bound values of eesInsertSql. */
export function eesInsertParams(
  fileId: number,
  fileName: string,
  header: readonly string[],
  measureIdx: readonly number[],
  breakdownIdx: readonly number[],
): SqlParam[] {
  const pairs = breakdownIdx.map((i, k) => `${k === 0 ? '[' : ','}[${JSON.stringify(clean(header[i] ?? ''))},`);
  return [fileId, fileName, ...measureIdx.map((i) => clean(header[i] ?? '')), ...pairs];
}

/** Reads a registered EES file into `pi_published` under `fileId`; the scratch table is gone after. */
export async function storeEesFile(
  engine: Engine,
  fileId: number,
  fileName: string,
  layout: EesLayout,
): Promise<EesFacts> {
  const { header } = layout;
  const { rest } = eesColumns(header);
  const kindRow = z.object({
    kept: z.number(),
    other: z.number(),
    ...Object.fromEntries(rest.map((i) => [`m${i}`, z.boolean()])),
  });
  try {
    await engine.run(eesStageSql(layout));
    const [kinds] = await engine.query(eesKindsSql(header), [], kindRow);
    const isMeasure = (i: number) => (kinds as Record<string, unknown> | undefined)?.[`m${i}`] === true;
    const measureIdx = rest.filter(isMeasure);
    const breakdownIdx = rest.filter((i) => !isMeasure(i));
    if (measureIdx.length > 0) {
      await engine.run(
        eesInsertSql(header, measureIdx, breakdownIdx),
        eesInsertParams(fileId, fileName, header, measureIdx, breakdownIdx),
      );
    }
    const kept = kinds?.kept ?? 0;
    return {
      measures: measureIdx.map((i) => clean(header[i] ?? '')),
      breakdowns: breakdownIdx.map((i) => clean(header[i] ?? '')),
      rows: kept,
      otherRows: kinds?.other ?? 0,
      cells: kept * measureIdx.length,
    };
  } finally {
    await engine.run('DROP TABLE IF EXISTS pi_ees_rows');
  }
}

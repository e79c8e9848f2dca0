import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import { DATE_ORDER_MACROS, type DateOrder } from './date-order';
import type { ColumnMatch } from './header-match';

/** How each date field of a file is read (fields not listed: day/month/year). */
export type DateOrderMap = ReadonlyMap<string, DateOrder>;
const orderOf = (orders: DateOrderMap, field: string): DateOrder => orders.get(field) ?? 'dmy';

/** Quotes one of OUR constants (labels, reasons) as an SQL string. Never used for user input. */
export function sqlConstant(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function rawColumn(field: string): string {
  return `${field}__raw`;
}

export function isTyped(field: FieldDefinition): boolean {
  return field.type.kind === 'date' || field.type.kind === 'integer' || field.type.kind === 'flag';
}

/** Text → typed value, from the cleaned text column `<field>__txt` of the inner select. */
function typedExpression(field: FieldDefinition, orders: DateOrderMap): string {
  const raw = `${field.name}__txt`;
  switch (field.type.kind) {
    case 'date':
      // Day/month (the usual order) reads the date part worked out a select below (see parsedColumns).
      return orderOf(orders, field.name) === 'dmy'
        ? `pi_date_raw(${field.name}__part)`
        : `${DATE_ORDER_MACROS[orderOf(orders, field.name)].read}(${raw})`;
    case 'integer':
      // Whole numbers only ("7", "7.0"), unless the field cuts fractions off (an age of 7.83 is 7).
      return field.type.fraction === 'floor'
        ? `TRY_CAST(floor(TRY_CAST(${raw} AS DOUBLE)) AS INTEGER)`
        : `TRY_CAST(CASE WHEN TRY_CAST(${raw} AS DOUBLE) = floor(TRY_CAST(${raw} AS DOUBLE)) THEN TRY_CAST(${raw} AS DOUBLE) END AS INTEGER)`;
    case 'flag': {
      // Annex A writes its yes and no as codes after a letter: "a) Yes", "b) No".
      const bare = `upper(regexp_replace(${raw}, '^[A-Za-z][0-9]?\\)\\s*', ''))`;
      return `CASE WHEN ${bare} IN ('Y', 'YES', 'TRUE', '1') THEN true WHEN ${bare} IN ('N', 'NO', 'FALSE', '0') THEN false END`;
    }
    default:
      return raw;
  }
}

/** Cell values that mean "missing" in Excel and database exports; read as NULL. */
const MISSING_MARKERS = "['', '#N/A', 'N/A', 'n/a', 'NULL', 'null', '#NULL!', 'NA']";

export interface CsvLayout {
  registeredName: string;
  delimiter: string;
  /** Records before the first data row (title rows and the header), as DuckDB's `skip` counts them. */
  skip: number;
  /** Columns to read (≥ the header's width, so Excel's trailing empty columns are no error). */
  columnCount: number;
  /** Columns up to the last named one; values further right are a problem when not empty. */
  headerWidth: number;
  /** Some quoted value holds a line break: DuckDB's parallel reader cannot then pad short rows. */
  quotedNewlines: boolean;
  /** Some value may need trimming (see RecordScan.paddedValues); otherwise cells are used as read. */
  trimValues: boolean;
  /** The longest record DuckDB must accept (it sizes its read buffers by it). */
  maxLineBytes: number;
}

/**
 * DuckDB's CSV buffer. Left to itself DuckDB sizes it at 16 × the line limit: 160 MB for a big file's
 * 10 MB limit, which stayed in the page's heap after the read. 32 MiB keeps every record under the limit
 * well inside one buffer (a 4 MiB buffer misread a 3.9 MB quoted record; 16 and 32 MiB read records of
 * up to 9.99 MB right, tests/ingest-early-read.test.ts loads one of 9.9 MB). Small files keep the default.
 */
function readBufferSql(maxLine: number): string {
  return maxLine > 4 * 1024 * 1024 ? `, buffer_size = ${32 * 1024 * 1024}` : '';
}

/**
 * One pass over the file: DuckDB's CSV reader (no sniffing, every column as text, structural errors
 * to `pi_rejects`) → each mapped field's cleaned text (`<field>__raw`) and typed value, and whether
 * the row is blank. Row order is file order: `rec` numbers the records (a column, not the rowid, so
 * that the table can become the dataset's own — store-in-place.ts).
 */
export function parsedTableSql(
  dataset: DatasetDefinition,
  matches: readonly ColumnMatch[],
  layout: CsvLayout,
  orders: DateOrderMap = new Map(),
): string {
  const { columnCount, headerWidth, trimValues } = layout;
  // Missing markers are NULL already (nullstr); trimming is only needed when the scan saw padding.
  const clean = (i: number) => (trimValues ? `pi_clean(c${i})` : `c${i}`);
  const byField = new Map(matches.map((m) => [m.field, m.columnIndex]));
  const mapped = new Set(byField.values());
  const texts = dataset.fields.map((field) => {
    const index = byField.get(field.name);
    return `${index === undefined ? 'NULL::VARCHAR' : clean(index)} AS ${field.name}__txt`;
  });
  const indices = Array.from({ length: columnCount }, (_, i) => i);
  // Values beyond the last named column: allowed when empty (Excel's trailing commas), a problem otherwise.
  const extra = indices.slice(headerWidth).map(clean);
  const unmapped = indices.filter((i) => i < headerWidth && !mapped.has(i));
  const textColumns = dataset.fields.filter((f) => byField.has(f.name)).map((f) => `${f.name}__txt`);
  const blank = `coalesce(${[...textColumns, 'unmapped__value', 'extra__value'].join(', ')}) IS NULL`;
  const headerAgain = headerAgainSql(dataset, matches);
  const { parts, typed, outputs } = parsedColumns(dataset, orders);
  const also = (columns: string[]) => columns.map((c) => `,\n  ${c}`).join('');
  return `CREATE OR REPLACE TABLE pi_parsed AS
SELECT row_number() OVER () AS rec, ${blank} AS ${STAGING_ONLY_COLUMNS[0]}, ${STAGING_ONLY_COLUMNS[1]},
  ${headerAgain} AS ${HEADER_AGAIN},
  ${outputs.join(',\n  ')}
FROM (SELECT *${also(typed)} FROM (SELECT *${also(parts)} FROM (
  SELECT
    ${unmapped.length > 0 ? `coalesce(${unmapped.map(clean).join(', ')})` : 'NULL::VARCHAR'} AS unmapped__value,
    ${extra.length > 0 ? `coalesce(${extra.join(', ')})` : 'NULL::VARCHAR'} AS extra__value,
    ${texts.join(',\n    ')}
  FROM ${readCsvSql(layout, true)}
)))`;
}

/**
 * DuckDB's CSV reader over the file, every column as text. With `keepRejects` the rows it cannot split
 * go to `pi_rejects` (the read); without, they are skipped all the same, so a second look at the file's
 * text (dateTextsSql) numbers its rows as the read did and leaves the read's rejects alone.
 */
function readCsvSql(layout: CsvLayout, keepRejects: boolean): string {
  const { registeredName, delimiter, skip, columnCount, quotedNewlines } = layout;
  const maxLine = Math.trunc(layout.maxLineBytes);
  if (!/^[A-Za-z0-9_.-]+$/.test(registeredName)) throw new Error('unsafe registered file name');
  const columns = Array.from({ length: columnCount }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const rejects = keepRejects
    ? `store_rejects = true, rejects_table = 'pi_rejects', rejects_scan = 'pi_reject_scans'`
    : 'ignore_errors = true';
  return `read_csv('${registeredName}', auto_detect = false, header = false, skip = ${skip},
    delim = ${sqlConstant(delimiter)}, quote = '"', escape = '"', columns = {${columns}},
    null_padding = true, nullstr = ${MISSING_MARKERS}, ${rejects}, max_line_size = ${maxLine}${readBufferSql(maxLine)}${quotedNewlines ? ', parallel = false' : ''})`;
}

/**
 * The cleaned text of some date fields, by record number (`rec`, as in `pi_parsed`), read from the file
 * again: the read keeps a date's text only when it could not be read, and the date-order question needs
 * the text of the dates that were (13/04/2025 can only be day/month; 2025-04-13 says nothing).
 */
export function dateTextsSql(matches: readonly ColumnMatch[], layout: CsvLayout, fields: readonly string[]): string {
  const clean = (i: number) => (layout.trimValues ? `pi_clean(c${i})` : `c${i}`);
  const texts = fields.map((field) => {
    const index = matches.find((m) => m.field === field)?.columnIndex;
    return `${index === undefined ? 'NULL::VARCHAR' : clean(index)} AS ${field}__txt`;
  });
  return `(SELECT row_number() OVER () AS rec, ${texts.join(', ')} FROM ${readCsvSql(layout, false)})`;
}

/**
 * The read's columns after the text: a day/month date's date part (`<field>__part`, its time of day
 * cut off), then each typed field's value (`<field>__typed`), each in a select of its own so that DuckDB
 * plans each expression once rather than once per use (planning the repeated macros had cost most of a
 * small file's read), then the outputs. Text fields keep their text. Typed fields keep the typed value,
 * and their text only when it could not be read (to report it): good rows then carry no second copy.
 */
function parsedColumns(dataset: DatasetDefinition, orders: DateOrderMap) {
  const parts: string[] = [];
  const typed: string[] = [];
  const outputs = dataset.fields.flatMap((field) => {
    if (!isTyped(field)) return [`${field.name}__txt AS ${rawColumn(field.name)}`];
    if (field.type.kind === 'date' && orderOf(orders, field.name) === 'dmy') {
      parts.push(`pi_date_part(${field.name}__txt) AS ${field.name}__part`);
    }
    const value = `${field.name}__typed`;
    typed.push(`${typedExpression(field, orders)} AS ${value}`);
    const type = field.type;
    let bad = `${value} IS NULL`;
    if (type.kind === 'date') bad = `${value} IS NULL OR NOT pi_date_ok(${value})`;
    if (type.kind === 'integer' && type.min !== undefined && type.max !== undefined) {
      bad = `${value} IS NULL OR ${value} NOT BETWEEN ${type.min} AND ${type.max}`;
    }
    return [`CASE WHEN ${bad} THEN ${field.name}__txt END AS ${rawColumn(field.name)}`, `${value} AS ${field.name}`];
  });
  return { parts, typed, outputs };
}

/**
 * A row whose every mapped cell repeats the header's text (extracts joined one after another) is not a
 * record: the read marks it, the checks reject it with that one reason, and its words are never listed
 * as codes. The header texts are bound parameters, set as a variable before the read (headerCellsSql).
 */
export const HEADER_AGAIN = 'header_again';
const HEADER_CELLS = "getvariable('pi_header_cells')";
export const HEADER_AGAIN_REASON =
  'The header row appears again here (were two extracts joined into one file?): not a record';

/** Sets `pi_header_cells` to the header's text of each mapped column, in the order of `matches`. */
export function headerCellsSql(
  matches: readonly ColumnMatch[],
  header: readonly string[],
): { sql: string; params: string[] } {
  const params = matches.map((m) => (header[m.columnIndex] ?? '').trim());
  return { sql: `SET VARIABLE pi_header_cells = list_value(${params.map(() => '?').join(', ')})::VARCHAR[]`, params };
}

function headerAgainSql(dataset: DatasetDefinition, matches: readonly ColumnMatch[]): string {
  if (matches.length === 0) return 'false';
  const same = matches.map((m, k) => {
    const field = dataset.fields.find((f) => f.name === m.field);
    if (!field) throw new Error(`unknown field ${m.field} in ${dataset.id}`);
    return `${field.name}__txt = ${HEADER_CELLS}[${k + 1}]`;
  });
  return `coalesce(${same.join(' AND ')}, false)`;
}

/**
 * A row with nothing in any cell (after cleaning) is blank: skipped, and not counted as read. The read
 * works it out once per row (`blank` in `pi_parsed`): the first non-empty cell settles it.
 */
export const BLANK_ROW = 'blank';

/**
 * The parsed rows with their record number (`rec`) and line in the file (`line`), as `p`. When the
 * file has no blank or broken rows, line = record + a constant and no join is needed; otherwise the
 * segments in `pi_line_map` say how far each stretch of rows is shifted.
 */
export function numberedRowsSql(singleSegmentDelta: number | null): string {
  const numbered = 'SELECT * FROM pi_parsed';
  return singleSegmentDelta === null
    ? `(SELECT r.*, (r.rec + m.delta)::INTEGER AS line FROM (${numbered}) r ASOF JOIN pi_line_map m ON r.rec >= m.from_rec) p`
    : `(SELECT (rec + ${Math.trunc(singleSegmentDelta)})::INTEGER AS line, * FROM pi_parsed) p`;
}

export interface ProblemChecks {
  headerWidth: number;
  /** The line where a quoted value opens and is never closed, when DuckDB loaded that row regardless. */
  unclosedQuoteLine: number | null;
  dateOrders: DateOrderMap;
  /** Mapped fields with formula cells Excel never calculated (listed in `pi_formula_cells`). */
  formulaFields: readonly { field: string; columnIndex: number }[];
}

/** Why a row with a quote that never closes was not loaded; `line` is an SQL expression. */
export function unclosedQuoteReasonSql(line: string): string {
  return `'A double quote on line ' || (${line})::VARCHAR || ' opens a value that is never closed, so that line and every line after it could not be read (check for a stray double quote)'`;
}

/**
 * One reason a staged row cannot be loaded as it is: the rows it applies to, and what the report says.
 * A warning (a bad value in an optional column) leaves that cell empty and the row loaded; anything else
 * (a required value missing or unreadable, a row that does not fit the header, dates out of order)
 * rejects the row.
 */
interface ProblemCheck {
  column: string | null;
  value: string;
  reason: string;
  where: string;
  warning: boolean;
}

/** Every check on a staged row but the formula cells (see formulaChecks). */
function problemChecks(
  dataset: DatasetDefinition,
  options: Pick<ProblemChecks, 'headerWidth' | 'unclosedQuoteLine' | 'dateOrders'>,
): ProblemCheck[] {
  const { headerWidth, unclosedQuoteLine, dateOrders } = options;
  const check = (column: string | null, value: string, reason: string, where: string) => ({
    column,
    value,
    reason,
    where,
    warning: false,
  });
  const checks = [
    check(
      null,
      'extra__value',
      sqlConstant(`Row has more values than the header has columns (${headerWidth})`),
      'extra__value IS NOT NULL',
    ),
  ];
  if (unclosedQuoteLine !== null) {
    // The file ends inside a quoted value: the last row swallowed everything after its opening quote.
    checks.push(
      check(
        null,
        'NULL::VARCHAR',
        unclosedQuoteReasonSql(String(Math.trunc(unclosedQuoteLine))),
        'rec = (SELECT count(*) FROM pi_parsed)',
      ),
    );
  }
  for (const field of dataset.fields) checks.push(...fieldChecks(field, dateOrders));
  for (const [earlier, later] of dataset.dateOrder) {
    const a = dataset.fields.find((f) => f.name === earlier);
    const b = dataset.fields.find((f) => f.name === later);
    if (!a || !b) throw new Error(`dateOrder names an unknown field in ${dataset.id}`);
    const reason = sqlConstant(`${b.label} is before ${a.label.toLowerCase()}`);
    // Only dates that were read: a bad one is a problem (or warning) of its own, and an optional one is left empty.
    const bothRead = `${rawColumn(later)} IS NULL AND ${rawColumn(earlier)} IS NULL`;
    checks.push(check(later, `strftime(${later}, '%d/%m/%Y')`, reason, `${later} < ${earlier} AND ${bothRead}`));
  }
  // A repeated header row gets one reason, not one per column its words cannot fill.
  return [
    check(null, 'NULL::VARCHAR', sqlConstant(HEADER_AGAIN_REASON), HEADER_AGAIN),
    ...checks.map((c) => ({ ...c, where: `NOT ${HEADER_AGAIN} AND (${c.where})` })),
  ];
}

/**
 * The checks on one field's value: required, readable as its type, in range. A value that cannot be
 * read rejects the row when the field is required, and is a warning (the cell left empty) when not.
 */
function fieldChecks(field: FieldDefinition, dateOrders: DateOrderMap): ProblemCheck[] {
  const raw = rawColumn(field.name);
  const checks: ProblemCheck[] = [];
  const check = (value: string, reason: string, where: string) => {
    checks.push({ column: field.name, value, reason, where, warning: !field.required });
  };
  if (field.required) {
    const where = isTyped(field) ? `${raw} IS NULL AND ${field.name} IS NULL` : `${raw} IS NULL`;
    check('NULL::VARCHAR', sqlConstant(`${field.label} is required but empty`), where);
  }
  const type = field.type;
  if (type.kind === 'date') {
    check(raw, `${DATE_ORDER_MACROS[orderOf(dateOrders, field.name)].problem}(${raw})`, `${raw} IS NOT NULL`);
  } else if (type.kind === 'integer') {
    check(raw, sqlConstant(`${field.label} is not a whole number`), `${raw} IS NOT NULL AND ${field.name} IS NULL`);
    if (type.min !== undefined && type.max !== undefined) {
      const where = `${field.name} NOT BETWEEN ${type.min} AND ${type.max}`;
      check(raw, sqlConstant(`${field.label} is outside ${type.min}–${type.max}`), where);
    }
  } else if (type.kind === 'flag') {
    check(raw, sqlConstant(`${field.label} must be Y or N`), `${raw} IS NOT NULL`);
  }
  return checks;
}

/**
 * True for a staged row (of `pi_parsed`) with at least one problem, for the checks that need neither the
 * row's number nor the workbook's formula cells: counted as the rows are read, so a clean file skips
 * the check stage's statements.
 */
export function problemRowSql(dataset: DatasetDefinition, headerWidth: number): string {
  return anyProblem(problemChecks(dataset, { headerWidth, unclosedQuoteLine: null, dateOrders: new Map() }));
}

/** A row that is not blank and fails at least one of the checks. */
const anyProblem = (checks: readonly ProblemCheck[]) =>
  `NOT ${BLANK_ROW} AND (${checks.map((c) => `(${c.where})`).join(' OR ')})`;

/**
 * Every reason a row cannot be loaded as it is, one row per (row, column, reason); `warning` true for
 * a bad value in an optional column (the row loads with that cell empty).
 */
export function problemsTableSql(dataset: DatasetDefinition, rows: string, options: ProblemChecks): string {
  const checks = problemChecks(dataset, options);
  const selects = checks.map(
    (c) =>
      `SELECT rec, line, ${c.column === null ? 'NULL::VARCHAR' : sqlConstant(c.column)} AS column_name, ${c.value} AS value, ${c.reason} AS reason, ${c.warning} AS warning FROM bad WHERE ${c.where}`,
  );
  // One scan finds the (usually few) rows with any problem; each check then reads only those.
  const bad = `bad AS MATERIALIZED (SELECT * FROM ${rows} WHERE ${anyProblem(checks)})`;
  const formulas = formulaChecks(dataset, rows, options.formulaFields);
  if (formulas.length === 0) {
    return `CREATE OR REPLACE TEMP TABLE pi_problems AS\nWITH ${bad}\n${selects.join('\nUNION ALL\n')}`;
  }
  // A formula with no saved value is the one reason given for its cell (its emptiness follows from it).
  return `CREATE OR REPLACE TEMP TABLE pi_problems AS
WITH ${bad},
formula AS (${formulas.join('\nUNION ALL\n')}),
other AS (${selects.join('\nUNION ALL\n')})
SELECT * FROM formula
UNION ALL
SELECT * FROM other o WHERE NOT EXISTS (SELECT 1 FROM formula f WHERE f.rec = o.rec AND f.column_name IS NOT DISTINCT FROM o.column_name)`;
}

/** `pi_problems` with no rows, for a file whose rows the read found clean. */
export const NO_PROBLEMS_SQL = `CREATE OR REPLACE TEMP TABLE pi_problems
  (rec BIGINT, line INTEGER, column_name VARCHAR, value VARCHAR, reason VARCHAR, warning BOOLEAN)`;

/** The staged rows a problem rejects (as opposed to a warning, which leaves the row loaded). */
export const REJECTED_RECS = '(SELECT rec FROM pi_problems WHERE NOT warning)';

/** Rows with a cell that is a formula Excel never calculated, in a column the dataset uses. */
function formulaChecks(
  dataset: DatasetDefinition,
  rows: string,
  fields: readonly { field: string; columnIndex: number }[],
): string[] {
  return fields.map(({ field, columnIndex }) => {
    const definition = dataset.fields.find((f) => f.name === field);
    const label = definition?.label ?? field;
    const reason = `${label} is a formula with no saved value (the workbook was never recalculated and saved in Excel): open it in Excel, save it, and load it again`;
    // The cell is read as empty: in an optional column that is a warning, like any value that cannot be read.
    const warning = definition?.required !== true;
    return `SELECT p.rec, p.line, ${sqlConstant(field)} AS column_name, f.formula AS value, ${sqlConstant(reason)} AS reason, ${warning} AS warning
FROM ${rows} JOIN pi_formula_cells f ON f.line = p.line AND f.column_index = ${Math.trunc(columnIndex)}`;
  });
}

/** The distinct raw values of a code field and what each maps to (null: not recognised). */
export type CodeMaps = ReadonlyMap<string, readonly { raw: string; value: string | null }[]>;

/** Up to this many values to change, a code field is mapped with a CASE (fast); beyond, with a join. */
const CASE_LIMIT = 64;
/** The most distinct values of a code field listed by `codeValuesSql` (most frequent first). */
export const CODE_VALUES_LISTED = 5000;

/** The raw values a CASE must change: all of them when the list may be incomplete, else only those that differ. */
export function valuesToChange(values: readonly { raw: string; value: string | null }[]) {
  const complete = values.length < CODE_VALUES_LISTED;
  return complete ? values.filter((m) => m.value !== m.raw) : values.filter((m) => m.value !== null);
}

/** Whether a code field's values are mapped through the pi_code_map table rather than a CASE. */
export function mapsByJoin(values: readonly { raw: string; value: string | null }[]): boolean {
  return valuesToChange(values).length > CASE_LIMIT;
}

/**
 * A code field's canonical value, from its raw text (`raw`, an SQL column) and the bound parameters to
 * go with it. When every distinct value is listed, values already canonical (nearly all, in most
 * extracts) are kept as they are and only the others are named: the usual file needs no CASE at all.
 * Where nothing can be bound (ALTER TABLE, store-in-place.ts), `mapVariable` names a session variable
 * holding the values to change as a map, raw → value.
 */
export function mappedCodeSql(
  raw: string,
  values: readonly { raw: string; value: string | null }[],
  mapVariable?: string,
): { sql: string; params: (string | null)[] } {
  const change = valuesToChange(values);
  const complete = values.length < CODE_VALUES_LISTED;
  if (change.length === 0) return { sql: complete ? raw : 'NULL::VARCHAR', params: [] };
  if (mapVariable !== undefined) {
    const map = `getvariable(${sqlConstant(mapVariable)})`;
    return {
      sql: `CASE WHEN map_contains(${map}, ${raw}) THEN ${map}[${raw}] ELSE ${complete ? raw : 'NULL::VARCHAR'} END`,
      params: [],
    };
  }
  const whens = change.map(() => 'WHEN ?::VARCHAR THEN ?::VARCHAR').join(' ');
  return {
    sql: `CASE ${raw} ${whens} ${complete ? `ELSE ${raw} ` : ''}END`,
    params: change.flatMap((m) => [m.raw, m.value]),
  };
}

/** A generated id (a file without its own key): the file's name and line where the row has none. */
export function generatedIdSql(raw: string, fileName: string, line: string): string {
  return `coalesce(${raw}, ${fileName} || ':' || ${line})`;
}

/** Columns of `pi_parsed` that only staging needs: whether a row is blank, and values past the header. */
export const STAGING_ONLY_COLUMNS = [BLANK_ROW, 'extra__value', HEADER_AGAIN] as const;

/** What the check and dedupe stages found: rows to leave out, and cells to leave empty. */
export interface ProblemsFound {
  /** Some rows are rejected (`pi_problems` rows that are not warnings). */
  rejected: boolean;
  /** Some optional cells could not be read (warnings): their rows load with those cells empty. */
  warned: boolean;
}

/**
 * A typed field's value as stored. An optional value that could not be read keeps its text in the raw
 * column (that is how the check found it) and is stored empty: a date outside 1900–2099 or an age
 * outside its range was typed, and must not be stored as if it were good.
 */
export function storedTypedSql(field: FieldDefinition, column: string, raw: string, warned: boolean): string {
  return warned && !field.required ? `CASE WHEN ${raw} IS NULL THEN ${column} END` : column;
}

/**
 * Loads the rows with no problem, and those with only warnings, into the dataset's table. Code values
 * are mapped with their raw text as bound parameters, never spliced into the SQL. Returns the
 * statement and its parameters.
 */
export function insertLoadedSql(
  dataset: DatasetDefinition,
  rows: string,
  problems: ProblemsFound,
  target: { fileId: number; fileName: string; codeMaps: CodeMaps },
): { sql: string; params: (string | number | null)[] } {
  const columns = ['load_id', 'source_file', 'source_line'];
  const values = ['?::INTEGER', '?::VARCHAR', 'p.line'];
  const params: (string | number | null)[] = [target.fileId, target.fileName];
  const joins: string[] = [];
  dataset.fields.forEach((field, i) => {
    const raw = `p.${rawColumn(field.name)}`;
    if (field.type.kind === 'code') {
      const codes = target.codeMaps.get(field.name) ?? [];
      columns.push(field.name, `${field.name}_raw`);
      if (!mapsByJoin(codes)) {
        const mapped = mappedCodeSql(raw, codes);
        values.push(mapped.sql, raw);
        params.push(...mapped.params);
      } else {
        joins.push(`LEFT JOIN pi_code_map m${i} ON m${i}.field = ${sqlConstant(field.name)} AND m${i}.raw = ${raw}`);
        values.push(`m${i}.value`, raw);
      }
    } else if (field.name === dataset.generatedIdField) {
      columns.push(field.name);
      values.push(generatedIdSql(raw, '?::VARCHAR', 'p.line'));
      params.push(target.fileName);
    } else {
      columns.push(field.name);
      values.push(field.type.kind === 'text' ? raw : storedTypedSql(field, `p.${field.name}`, raw, problems.warned));
    }
  });
  const sql = `INSERT INTO ${dataset.id} (${columns.join(', ')})
SELECT ${values.join(', ')}
FROM ${rows}
${joins.join('\n')}
WHERE NOT ${BLANK_ROW}${problems.rejected ? ` AND p.rec NOT IN ${REJECTED_RECS}` : ''}`;
  return { sql, params };
}

/** The dataset's coded fields that the file has a column for. */
export function matchedCodeFields(dataset: DatasetDefinition, matches: readonly { field: string }[]) {
  return dataset.fields.filter((f) => f.type.kind === 'code' && matches.some((m) => m.field === f.name));
}

/**
 * The distinct raw values of each code field with their counts, in one scan (at most 5,000 per field,
 * most frequent first). No rows when the file has no code field.
 */
export function codeValuesSql(codeFields: readonly string[]): string {
  if (codeFields.length === 0)
    return 'SELECT NULL::VARCHAR AS field, NULL::VARCHAR AS raw, NULL::INTEGER AS n WHERE false';
  const sets = codeFields.map((f) => `(${rawColumn(f)})`).join(', ');
  const fieldCase = `CASE ${codeFields.map((f) => `WHEN GROUPING(${rawColumn(f)}) = 0 THEN ${sqlConstant(f)}`).join(' ')} END`;
  return `SELECT field, raw, n FROM (
  SELECT ${fieldCase} AS field, coalesce(${codeFields.map(rawColumn).join(', ')}) AS raw, count(*)::INTEGER AS n
  FROM pi_parsed WHERE NOT ${BLANK_ROW} AND NOT ${HEADER_AGAIN}
  GROUP BY GROUPING SETS (${sets})
)
WHERE raw IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY field ORDER BY n DESC, raw) <= ${CODE_VALUES_LISTED}`;
}

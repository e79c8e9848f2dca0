import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import type { ColumnMatch } from './header-match';

/** Quotes one of OUR constants (labels, reasons) as an SQL string. Never used for user input. */
export function sqlConstant(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

export function rawColumn(field: string): string {
  return `${field}__raw`;
}

function typedExpression(field: FieldDefinition): string {
  const raw = rawColumn(field.name);
  switch (field.type.kind) {
    case 'date':
      return `pi_date(${raw})`;
    case 'integer':
      return `TRY_CAST(TRY_CAST(${raw} AS DOUBLE) AS INTEGER)`;
    case 'flag':
      return `CASE WHEN upper(${raw}) IN ('Y', 'YES', 'TRUE', '1') THEN true WHEN upper(${raw}) IN ('N', 'NO', 'FALSE', '0') THEN false END`;
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
}

/**
 * One pass over the file: DuckDB's CSV reader (no sniffing, every column as text, structural errors
 * to `pi_rejects`) → each mapped field's cleaned text (`<field>__raw`) and typed value, and whether
 * the row is blank. Row order is file order, so the table's rowid says which record a row is.
 */
export function parsedTableSql(dataset: DatasetDefinition, matches: readonly ColumnMatch[], layout: CsvLayout): string {
  const { registeredName, delimiter, skip, columnCount, headerWidth, quotedNewlines } = layout;
  if (!/^[A-Za-z0-9_.-]+$/.test(registeredName)) throw new Error('unsafe registered file name');
  const byField = new Map(matches.map((m) => [m.field, m.columnIndex]));
  const mapped = new Set(byField.values());
  const raws = dataset.fields.map((field) => {
    const index = byField.get(field.name);
    return `${index === undefined ? 'NULL::VARCHAR' : `pi_clean(c${index})`} AS ${rawColumn(field.name)}`;
  });
  const indices = Array.from({ length: columnCount }, (_, i) => i);
  // Values beyond the last named column: allowed when empty (Excel's trailing commas), a problem otherwise.
  const extra = indices.slice(headerWidth).map((i) => `pi_clean(c${i})`);
  const unmapped = indices.filter((i) => i < headerWidth && !mapped.has(i));
  const columns = indices.map((i) => `'c${i}': 'VARCHAR'`).join(', ');
  const typed = dataset.fields
    .filter((field) => field.type.kind !== 'text' && field.type.kind !== 'code')
    .map((field) => `${typedExpression(field)} AS ${field.name}`);
  return `CREATE OR REPLACE TEMP TABLE pi_parsed AS
SELECT all_null, unmapped_empty, extra__value, ${dataset.fields.map((f) => rawColumn(f.name)).join(', ')}${typed.length > 0 ? `,\n  ${typed.join(',\n  ')}` : ''}
FROM (
  SELECT
    coalesce(${indices.map((i) => `c${i}`).join(', ')}) IS NULL AS all_null,
    ${unmapped.length > 0 ? unmapped.map((i) => `pi_clean(c${i}) IS NULL`).join(' AND ') : 'true'} AS unmapped_empty,
    ${extra.length > 0 ? `coalesce(${extra.join(', ')})` : 'NULL::VARCHAR'} AS extra__value,
    ${raws.join(',\n    ')}
  FROM read_csv('${registeredName}', auto_detect = false, header = false, skip = ${skip},
    delim = ${sqlConstant(delimiter)}, quote = '"', escape = '"', columns = {${columns}},
    null_padding = true, nullstr = ${MISSING_MARKERS}, store_rejects = true, rejects_table = 'pi_rejects',
    rejects_scan = 'pi_reject_scans', max_line_size = 10000000${quotedNewlines ? ', parallel = false' : ''})
)`;
}

/**
 * A row with nothing in any cell (after cleaning) is blank: skipped, and not counted as read. Checked
 * where rows are used rather than stored, so the one pass over the file stays as light as possible.
 */
export function blankSql(dataset: DatasetDefinition): string {
  return `(all_null OR (unmapped_empty AND coalesce(${dataset.fields.map((f) => rawColumn(f.name)).join(', ')}, extra__value) IS NULL))`;
}

/**
 * The parsed rows with their record number (`rec`) and line in the file (`line`), as `p`. When the
 * file has no blank or broken rows, line = record + a constant and no join is needed; otherwise the
 * segments in `pi_line_map` say how far each stretch of rows is shifted.
 */
export function numberedRowsSql(singleSegmentDelta: number | null): string {
  const numbered = 'SELECT rowid + 1 AS rec, * FROM pi_parsed';
  return singleSegmentDelta === null
    ? `(SELECT r.*, (r.rec + m.delta)::INTEGER AS line FROM (${numbered}) r ASOF JOIN pi_line_map m ON r.rec >= m.from_rec) p`
    : `(SELECT rowid + 1 AS rec, (rowid + 1 + ${Math.trunc(singleSegmentDelta)})::INTEGER AS line, * FROM pi_parsed) p`;
}

/** Every reason a row cannot be loaded, one row per (row, column, reason). */
export function problemsTableSql(
  dataset: DatasetDefinition,
  headerWidth: number,
  rows: string,
  unclosedQuote: boolean,
): string {
  const select = (column: string | null, value: string, reason: string, where: string) =>
    `SELECT rec, line, ${column === null ? 'NULL::VARCHAR' : sqlConstant(column)} AS column_name, ${value} AS value, ${reason} AS reason FROM ${rows} WHERE NOT ${blankSql(dataset)} AND ${where}`;
  const checks: string[] = [
    select(
      null,
      'extra__value',
      sqlConstant(`Row has more values than the header has columns (${headerWidth})`),
      'extra__value IS NOT NULL',
    ),
  ];
  if (unclosedQuote) {
    // The file ends inside a quoted value: the last row swallowed everything after its opening quote.
    checks.push(
      select(
        null,
        'NULL::VARCHAR',
        sqlConstant(
          'A quoted value is never closed, so everything after it was read as one value (check for a stray double quote)',
        ),
        'rec = (SELECT count(*) FROM pi_parsed)',
      ),
    );
  }
  for (const field of dataset.fields) {
    const raw = rawColumn(field.name);
    if (field.required) {
      checks.push(
        select(field.name, 'NULL::VARCHAR', sqlConstant(`${field.label} is required but empty`), `${raw} IS NULL`),
      );
    }
    const type = field.type;
    if (type.kind === 'date') {
      checks.push(
        select(
          field.name,
          raw,
          `pi_date_problem(${raw})`,
          `${raw} IS NOT NULL AND (${field.name} IS NULL OR NOT pi_date_ok(${field.name}))`,
        ),
      );
    } else if (type.kind === 'integer') {
      checks.push(
        select(
          field.name,
          raw,
          sqlConstant(`${field.label} is not a whole number`),
          `${raw} IS NOT NULL AND ${field.name} IS NULL`,
        ),
      );
      if (type.min !== undefined && type.max !== undefined) {
        checks.push(
          select(
            field.name,
            raw,
            sqlConstant(`${field.label} is outside ${type.min}–${type.max}`),
            `${field.name} NOT BETWEEN ${type.min} AND ${type.max}`,
          ),
        );
      }
    } else if (type.kind === 'flag') {
      checks.push(
        select(
          field.name,
          raw,
          sqlConstant(`${field.label} must be Y or N`),
          `${raw} IS NOT NULL AND ${field.name} IS NULL`,
        ),
      );
    }
  }
  for (const [earlier, later] of dataset.dateOrder) {
    const a = dataset.fields.find((f) => f.name === earlier);
    const b = dataset.fields.find((f) => f.name === later);
    if (!a || !b) throw new Error(`dateOrder names an unknown field in ${dataset.id}`);
    checks.push(
      select(
        later,
        rawColumn(later),
        sqlConstant(`${b.label} is before ${a.label.toLowerCase()}`),
        `${later} < ${earlier}`,
      ),
    );
  }
  return `CREATE OR REPLACE TEMP TABLE pi_problems AS\n${checks.join('\nUNION ALL\n')}`;
}

/** Loads the rows with no problem into the dataset's table. Params: file id, file name, file name. */
export function insertLoadedSql(dataset: DatasetDefinition, rows: string, anyProblems: boolean): string {
  const columns = ['load_id', 'source_file', 'source_line'];
  const values = ['?::INTEGER', '?::VARCHAR', 'p.line'];
  const joins: string[] = [];
  dataset.fields.forEach((field, i) => {
    const raw = `p.${rawColumn(field.name)}`;
    if (field.type.kind === 'code') {
      joins.push(`LEFT JOIN pi_code_map m${i} ON m${i}.field = ${sqlConstant(field.name)} AND m${i}.raw = ${raw}`);
      columns.push(field.name, `${field.name}_raw`);
      values.push(`m${i}.value`, raw);
    } else if (field.name === dataset.generatedIdField) {
      columns.push(field.name);
      values.push(`coalesce(${raw}, ?::VARCHAR || ':' || p.line)`);
    } else {
      columns.push(field.name);
      values.push(field.type.kind === 'text' ? raw : `p.${field.name}`);
    }
  });
  return `INSERT INTO ${dataset.id} (${columns.join(', ')})
SELECT ${values.join(', ')}
FROM ${rows}
${joins.join('\n')}
WHERE NOT ${blankSql(dataset)}${anyProblems ? ' AND p.rec NOT IN (SELECT rec FROM pi_problems)' : ''}`;
}

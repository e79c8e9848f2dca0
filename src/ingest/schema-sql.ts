import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';

/**
 * Macros shared by ingest and indicators. All dates are read as text and converted here, so a bad
 * value becomes a reported rejection rather than a failed load, and US month/day is never guessed.
 *
 * Accepted: dd/mm/yyyy and d/m/yyyy (also with "-" or "." between parts), dd/mm/yy, yyyy-mm-dd
 * (and yyyy/mm/dd), and Excel serial day numbers (five digits, e.g. 45383 = 01/04/2024);
 * a time after the date ("2024-05-01 00:00:00", "01/05/2024 09:30") is ignored.
 * Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999 (the POSIX rule; children's services
 * dates are all after 1970, so this never guesses wrongly for them).
 * Dates outside 1900–2099 are rejected as implausible (the check is `pi_date_ok`).
 */
export const MACROS: readonly string[] = [
  // Cell text → trimmed text, or NULL when empty or a "missing" marker. Built to be cheap on the common
  // case (no surrounding spaces): the full trim of spaces, tabs and NBSPs runs only where needed.
  // Missing markers (#N/A, NULL, N/A…) are already NULL: the CSV reader's `nullstr` handles them.
  // Only values that start or end with white space are trimmed; the tests are O(1) prefix/suffix checks.
  `CREATE OR REPLACE MACRO pi_clean(v) AS
     CASE
       WHEN prefix(v, ' ') OR suffix(v, ' ') OR prefix(v, '\u00a0') OR suffix(v, '\u00a0')
         OR prefix(v, '\t') OR suffix(v, '\t') OR suffix(v, '\n') OR suffix(v, '\r') OR prefix(v, '\n')
         THEN CASE WHEN trim(v, ' \t\r\n\u00a0') IN ('', '#N/A', 'N/A', 'NULL') THEN NULL
                   ELSE trim(v, ' \t\r\n\u00a0') END
       ELSE v
     END`,
  `CREATE OR REPLACE MACRO pi_date_part(v) AS
     CASE WHEN contains(v, ':') THEN regexp_replace(v, '[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?$', '') ELSE v END`,
  // Common shapes are matched with LIKE (cheap); anything else goes through the regular expressions.
  `CREATE OR REPLACE MACRO pi_date_raw(d) AS
     CASE
       WHEN d LIKE '__/__/____' OR d LIKE '_/__/____' OR d LIKE '__/_/____' OR d LIKE '_/_/____'
         THEN try_strptime(d, '%d/%m/%Y')::DATE
       WHEN d LIKE '____-__-__' THEN try_strptime(d, '%Y-%m-%d')::DATE
       -- An Excel serial day number (a date cell saved as a plain number): 45383 = 01/04/2024.
       WHEN regexp_full_match(d, '[0-9]{5}([.][0-9]+)?') THEN DATE '1899-12-30' + floor(d::DOUBLE)::INTEGER
       WHEN regexp_full_match(d, '[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}') THEN try_strptime(translate(d, '/.', '--'), '%Y-%m-%d')::DATE
       WHEN regexp_full_match(d, '[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}') THEN try_strptime(translate(d, '.-', '//'), '%d/%m/%Y')::DATE
       WHEN regexp_full_match(d, '[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2}') THEN try_strptime(
         regexp_replace(translate(d, '.-', '//'), '/([0-9]{2})$', '') || '/' ||
           (CASE WHEN right(d, 2)::INTEGER < 70 THEN 2000 ELSE 1900 END + right(d, 2)::INTEGER)::VARCHAR,
         '%d/%m/%Y')::DATE
     END`,
  // Text → DATE, or NULL when unreadable. Callers reject dates outside 1900–2099 (see pi_date_ok).
  `CREATE OR REPLACE MACRO pi_date(v) AS pi_date_raw(pi_date_part(v))`,
  `CREATE OR REPLACE MACRO pi_date_ok(d) AS d BETWEEN DATE '1900-01-01' AND DATE '2099-12-31'`,
  // The two leading numbers of a d/m/y-shaped date (any of / . - between), as a list, else NULL.
  `CREATE OR REPLACE MACRO pi_date_dm(v) AS
     CASE WHEN regexp_full_match(pi_date_part(v), '[0-9]{1,2}[/.-][0-9]{1,2}[/.-]([0-9]{2}|[0-9]{4})')
       THEN string_split(translate(pi_date_part(v), '.-', '//'), '/')[1:2]::INTEGER[] END`,
  // Can only be month/day: the second number is over 12 (and could be a day), the first could be a month.
  `CREATE OR REPLACE MACRO pi_date_looks_us(v) AS
     coalesce(pi_date_dm(v)[2] BETWEEN 13 AND 31 AND pi_date_dm(v)[1] BETWEEN 1 AND 12, false)`,
  // Can only be day/month: the first number is over 12 (and could be a day), the second could be a month.
  `CREATE OR REPLACE MACRO pi_date_looks_uk(v) AS
     coalesce(pi_date_dm(v)[1] BETWEEN 13 AND 31 AND pi_date_dm(v)[2] BETWEEN 1 AND 12, false)`,
  // Could be either: both numbers 1–12 and different (03/04 is 3 April or 4 March; 05/05 is the same date).
  `CREATE OR REPLACE MACRO pi_date_ambiguous(v) AS
     coalesce(pi_date_dm(v)[1] BETWEEN 1 AND 12 AND pi_date_dm(v)[2] BETWEEN 1 AND 12
       AND pi_date_dm(v)[1] <> pi_date_dm(v)[2], false)`,
  // Month/day/year, when the user says a column is written that way (ISO and serial dates are unchanged).
  `CREATE OR REPLACE MACRO pi_date_mdy(v) AS
     pi_date(regexp_replace(v, '^([0-9]{1,2})([/.-])([0-9]{1,2})([/.-])', '\\3\\2\\1\\4'))`,
  // Day/month/year, except dates that could be either: used for a column that also holds month/day dates.
  `CREATE OR REPLACE MACRO pi_date_unsure(v) AS CASE WHEN pi_date_ambiguous(v) THEN NULL ELSE pi_date(v) END`,
  // Why a date could not be read, in the user's words (only ever evaluated on rejected values).
  `CREATE OR REPLACE MACRO pi_date_problem(v) AS
     CASE
       WHEN pi_date_raw(pi_date_part(v)) IS NOT NULL THEN 'Date is outside the years 1900–2099'
       WHEN pi_date_looks_us(v)
         THEN 'Month is over 12: dates are read as day/month/year, and this looks like a US month/day date'
       WHEN pi_date_dm(v) IS NOT NULL
         OR regexp_full_match(pi_date_part(v), '[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}')
         THEN 'No such date in the calendar'
       ELSE 'Not a date in an accepted format (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)'
     END`,
  `CREATE OR REPLACE MACRO pi_date_problem_unsure(v) AS
     CASE WHEN pi_date_ambiguous(v)
       THEN 'Could be day/month or month/day: other dates in this column can only be month/day, so this one was not guessed'
       ELSE pi_date_problem(v) END`,
  `CREATE OR REPLACE MACRO pi_date_problem_mdy(v) AS
     CASE
       WHEN pi_date_mdy(v) IS NOT NULL THEN 'Date is outside the years 1900–2099'
       WHEN pi_date_dm(v)[1] BETWEEN 13 AND 31 AND pi_date_dm(v)[2] BETWEEN 1 AND 12
         THEN 'Month is over 12: this column is read as month/day/year, and this looks like a day/month date'
       WHEN pi_date_dm(v) IS NOT NULL THEN 'No such date in the calendar'
       ELSE pi_date_problem(v)
     END`,
  // Start of the period containing d: 1 = month, 3 = financial quarter (Apr–Jun = Q1), 12 = financial year.
  `CREATE OR REPLACE MACRO pi_period_start(d, months) AS
     CASE months
       WHEN 1 THEN date_trunc('month', d)::DATE
       WHEN 3 THEN date_trunc('quarter', d)::DATE
       ELSE make_date(year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END, 4, 1)
     END`,
];

export function sqlType(field: FieldDefinition): string {
  switch (field.type.kind) {
    case 'date':
      return 'DATE';
    case 'integer':
      return 'INTEGER';
    case 'flag':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** A column of a dataset's typed table. */
export interface TableColumn {
  name: string;
  type: string;
  notNull: boolean;
}

/** The typed table's columns: provenance, then canonical fields (code fields keep their raw text too). */
export function tableColumns(dataset: DatasetDefinition): TableColumn[] {
  return [
    { name: 'load_id', type: 'INTEGER', notNull: true },
    { name: 'source_file', type: 'VARCHAR', notNull: true },
    { name: 'source_line', type: 'INTEGER', notNull: true },
    ...dataset.fields.flatMap((field) =>
      // A code value that is not recognised is kept as written (…_raw) with no canonical value, so it
      // can be mapped later without loading the file again: only the raw text is required.
      field.type.kind === 'code'
        ? [
            { name: field.name, type: 'VARCHAR', notNull: false },
            { name: `${field.name}_raw`, type: 'VARCHAR', notNull: field.required },
          ]
        : [{ name: field.name, type: sqlType(field), notNull: field.required }],
    ),
  ];
}

/** The typed table of a dataset (tableColumns). */
export function createTableSql(dataset: DatasetDefinition): string {
  const columns = tableColumns(dataset).map((c) => `${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
  return `CREATE TABLE IF NOT EXISTS ${dataset.id} (\n  ${columns.join(',\n  ')}\n)`;
}

/**
 * Where the earlier version of a record goes when a later file changes it (next quarter's extract):
 * the dataset's columns and the file that superseded it, so that removing that file puts it back.
 */
export const SUPERSEDED_SUFFIX = '__superseded';

export function supersededTable(dataset: DatasetDefinition): string {
  return `${dataset.id}${SUPERSEDED_SUFFIX}`;
}

export function createSupersededSql(dataset: DatasetDefinition): string {
  const columns = tableColumns(dataset).map((c) => `${c.name} ${c.type}`);
  return `CREATE TABLE IF NOT EXISTS ${supersededTable(dataset)} (\n  ${columns.join(',\n  ')},\n  superseded_by INTEGER NOT NULL\n)`;
}

/**
 * Every value a later file changed in a record already loaded: the file (load_id) and line that
 * changed it, the record's key as the user reads it, the field, and the old and new values as text
 * (dates dd/mm/yyyy, codes as written; NULL for a blank), with where the old version came from.
 */
export const CREATE_CHANGES_SQL = `CREATE TABLE IF NOT EXISTS pi_changes (
  load_id INTEGER NOT NULL,
  dataset_id VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  line INTEGER NOT NULL,
  record_key VARCHAR NOT NULL,
  field VARCHAR NOT NULL,
  field_label VARCHAR NOT NULL,
  old_value VARCHAR,
  new_value VARCHAR,
  earlier_load_id INTEGER NOT NULL,
  earlier_file VARCHAR NOT NULL,
  earlier_line INTEGER NOT NULL
)`;

/** A table of problems found in files, line by line: rejected rows, or warnings of loaded ones. */
const problemsTable = (name: 'pi_rejections' | 'pi_warnings') => `CREATE TABLE IF NOT EXISTS ${name} (
  load_id INTEGER NOT NULL,
  dataset_id VARCHAR,
  source_file VARCHAR NOT NULL,
  line INTEGER,
  column_name VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL
)`;

/** Rows that could not be loaded, with the file, line, column and reason. */
export const CREATE_REJECTIONS_SQL = problemsTable('pi_rejections');

/** Optional values that could not be read, of rows that were loaded with those cells empty. */
export const CREATE_WARNINGS_SQL = problemsTable('pi_warnings');

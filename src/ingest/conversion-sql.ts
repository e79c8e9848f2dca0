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

/**
 * Staged text rows → one row per data row with each field's cleaned raw text and its typed value.
 * Rows empty in every column are left out (they are counted as blank rows).
 */
export function parsedTableSql(
  dataset: DatasetDefinition,
  matches: readonly ColumnMatch[],
  headerWidth: number,
  columnCount: number,
): string {
  const byField = new Map(matches.map((m) => [m.field, m.columnIndex]));
  const raws = dataset.fields.map((field) => {
    const index = byField.get(field.name);
    return `${index === undefined ? 'NULL::VARCHAR' : `pi_clean(s.c${index})`} AS ${rawColumn(field.name)}`;
  });
  const cells = Array.from({ length: columnCount }, (_, i) => `pi_clean(s.c${i})`);
  const anyValue = cells.join(', ');
  // Values beyond the last named column: allowed when empty (Excel's trailing commas), a problem otherwise.
  const extra = cells.slice(headerWidth);
  const extraValue = extra.length > 0 ? `coalesce(${extra.join(', ')})` : 'NULL::VARCHAR';
  const typed = dataset.fields
    .filter((field) => field.type.kind !== 'text' && field.type.kind !== 'code')
    .map((field) => `${typedExpression(field)} AS ${field.name}`);
  return `CREATE OR REPLACE TEMP TABLE pi_parsed AS
WITH raw AS (
  SELECT s.rec, (s.rec + m.delta)::INTEGER AS line, ${extraValue} AS extra__value,
    ${raws.join(',\n    ')}
  FROM pi_stage s ASOF JOIN pi_line_map m ON s.rec >= m.from_rec
  WHERE coalesce(${anyValue}) IS NOT NULL
)
SELECT raw.*${typed.length > 0 ? `,\n  ${typed.join(',\n  ')}` : ''}
FROM raw`;
}

/** Every reason a row cannot be loaded, one row per (row, column, reason). */
export function problemsTableSql(dataset: DatasetDefinition, headerWidth: number): string {
  const select = (column: string | null, value: string, reason: string, where: string) =>
    `SELECT rec, line, ${column === null ? 'NULL::VARCHAR' : sqlConstant(column)} AS column_name, ${value} AS value, ${reason} AS reason FROM pi_parsed WHERE ${where}`;
  const checks: string[] = [
    select(
      null,
      'extra__value',
      sqlConstant(`Row has more values than the header has columns (${headerWidth})`),
      'extra__value IS NOT NULL',
    ),
  ];
  for (const field of dataset.fields) {
    const raw = rawColumn(field.name);
    if (field.required) {
      checks.push(
        select(field.name, 'NULL::VARCHAR', sqlConstant(`${field.label} is required but empty`), `${raw} IS NULL`),
      );
    }
    const type = field.type;
    if (type.kind === 'date') {
      checks.push(select(field.name, raw, `pi_date_problem(${raw})`, `${raw} IS NOT NULL AND ${field.name} IS NULL`));
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
export function insertLoadedSql(dataset: DatasetDefinition): string {
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
FROM pi_parsed p
${joins.join('\n')}
WHERE p.rec NOT IN (SELECT rec FROM pi_problems)`;
}

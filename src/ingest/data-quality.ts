import { z } from 'zod';
import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import type { CsvValue } from '../shared/csv';
import { fullFileName } from '../shared/file-name';
import { sqlConstant } from './conversion-sql';
import type { RejectionGroup } from './load-report';
import { problemGroups } from './problem-groups';

export interface ColumnQuality {
  field: string;
  label: string;
  /** Rows with a value (for coded columns: with a value as written). */
  filled: number;
  /** Coded columns: rows whose value is not (yet) mapped to the standard list. */
  unmapped: number | null;
  /** Date columns: earliest and latest (ISO). */
  earliest: string | null;
  latest: string | null;
}

export interface DatasetQuality {
  rows: number;
  columns: ColumnQuality[];
  /** Groups of rows identical in every column (provenance aside), and the extra copies they hold. */
  duplicateGroups: number;
  duplicateRows: number;
  rejections: { column: string | null; reason: string; count: number }[];
  /** Optional values that could not be read, left empty in rows that were loaded: the first lines of each. */
  warnings: RejectionGroup[];
  unmappedValues: { field: string; value: string; count: number }[];
}

const num = z.number();
const numberRow = z.record(z.string(), z.union([z.number(), z.string(), z.null()]));

/** The written values of each code field that no code was found for, most frequent first (200 at most). */
async function unmappedValuesOf(engine: Engine, dataset: DatasetDefinition): Promise<DatasetQuality['unmappedValues']> {
  const codeFields = dataset.fields.filter((f) => f.type.kind === 'code');
  if (codeFields.length === 0) return [];
  return engine.query(
    codeFields
      .map(
        (f) =>
          `SELECT '${f.name}' AS field, ${f.name}_raw AS value, count(*)::DOUBLE AS count FROM ${dataset.id}
           WHERE ${f.name} IS NULL AND ${f.name}_raw IS NOT NULL GROUP BY ALL`,
      )
      .join(' UNION ALL ')
      .concat(' ORDER BY count DESC, field, value LIMIT 200'),
    [],
    z.object({ field: z.string(), value: z.string(), count: num }),
  );
}

/** Completeness, ranges, duplicates, rejections and unmapped codes of one loaded dataset. */
export async function datasetQuality(engine: Engine, dataset: DatasetDefinition): Promise<DatasetQuality> {
  const t = dataset.id;
  const parts = dataset.fields.flatMap((field, i) => {
    const valueColumn = field.type.kind === 'code' ? `${field.name}_raw` : field.name;
    const out = [`count(${valueColumn})::DOUBLE AS f${i}`];
    if (field.type.kind === 'code')
      out.push(`count(*) FILTER (WHERE ${field.name} IS NULL AND ${field.name}_raw IS NOT NULL)::DOUBLE AS u${i}`);
    if (field.type.kind === 'date') {
      out.push(
        `strftime(min(${field.name}), '%Y-%m-%d') AS e${i}`,
        `strftime(max(${field.name}), '%Y-%m-%d') AS l${i}`,
      );
    }
    return out;
  });
  const [summary] = await engine.query(`SELECT count(*)::DOUBLE AS n, ${parts.join(', ')} FROM ${t}`, [], numberRow);
  const value = (key: string) => summary?.[key] ?? null;
  const columns = dataset.fields.map((field, i) => ({
    field: field.name,
    label: field.label,
    filled: Number(value(`f${i}`) ?? 0),
    unmapped: field.type.kind === 'code' ? Number(value(`u${i}`) ?? 0) : null,
    earliest: field.type.kind === 'date' ? (value(`e${i}`) as string | null) : null,
    latest: field.type.kind === 'date' ? (value(`l${i}`) as string | null) : null,
  }));

  // Compare what the file said: an id the app made up (file:line) differs on every row, so leave it out.
  const canonical = dataset.fields.map((f) =>
    f.type.kind === 'code'
      ? `${f.name}_raw`
      : f.name === dataset.generatedIdField
        ? `nullif(${f.name}, source_file || ':' || source_line)`
        : f.name,
  );
  const [dups] = await engine.query(
    `SELECT count(*)::DOUBLE AS groups, coalesce(sum(c - 1), 0)::DOUBLE AS extra
     FROM (SELECT count(*) AS c FROM ${t} GROUP BY ${canonical.join(', ')} HAVING count(*) > 1)`,
    [],
    z.object({ groups: num, extra: num }),
  );

  const rejections = await engine.query(
    `SELECT column_name AS "column", reason, count(*)::DOUBLE AS count FROM pi_rejections
     WHERE dataset_id = ? GROUP BY ALL ORDER BY count DESC, reason`,
    [dataset.id],
    z.object({ column: z.string().nullable(), reason: z.string(), count: num }),
  );

  const warnings = await problemGroups(engine, 'pi_warnings', { datasetId: dataset.id });

  const unmappedValues = await unmappedValuesOf(engine, dataset);

  return {
    rows: Number(value('n') ?? 0),
    columns,
    duplicateGroups: dups?.groups ?? 0,
    duplicateRows: dups?.extra ?? 0,
    rejections,
    warnings,
    unmappedValues,
  };
}

/**
 * Every rejected row of one dataset (or, with null, of all), as a table for a CSV file: dataset, file,
 * line, column, value as written, reason. Written with the safe CSV writer (see shared/csv.ts).
 */
export async function rejectedRowsTable(engine: Engine, datasetId: string | null): Promise<CsvValue[][]> {
  const rows = await engine.query(
    `SELECT coalesce(dataset_id, '') AS dataset_id, source_file, line, column_name, value, reason FROM pi_rejections
     WHERE ?::VARCHAR IS NULL OR dataset_id = ? ORDER BY dataset_id, source_file, line, column_name`,
    [datasetId, datasetId],
    z.object({
      dataset_id: z.string(),
      source_file: z.string(),
      line: z.number().nullable(),
      column_name: z.string().nullable(),
      value: z.string().nullable(),
      reason: z.string(),
    }),
  );
  return [
    ['dataset', 'file', 'line', 'column', 'value', 'reason'],
    ...rows.map((r) => [
      r.dataset_id,
      fullFileName(r.source_file),
      r.line,
      r.column_name ?? '(whole row)',
      r.value,
      r.reason,
    ]),
  ];
}

/** Per file of a dataset: rows loaded (in the table), of those with warnings, and rows rejected (distinct lines). */
export async function fileCounts(
  engine: Engine,
  dataset: DatasetDefinition,
): Promise<{ file: string; loaded: number; warned: number; rejected: number }[]> {
  return engine.query(
    `WITH loaded AS (SELECT source_file AS file, count(*) AS n FROM ${dataset.id} GROUP BY 1),
     warned AS (SELECT source_file AS file, count(DISTINCT line) AS n FROM pi_warnings WHERE dataset_id = ? GROUP BY 1),
     rejected AS (SELECT source_file AS file, count(DISTINCT line) AS n FROM pi_rejections WHERE dataset_id = ? GROUP BY 1)
     SELECT file, coalesce(loaded.n, 0)::DOUBLE AS loaded, coalesce(warned.n, 0)::DOUBLE AS warned,
       coalesce(rejected.n, 0)::DOUBLE AS rejected
     FROM loaded FULL OUTER JOIN rejected USING (file) LEFT JOIN warned USING (file) ORDER BY file`,
    [dataset.id, dataset.id],
    z.object({ file: z.string(), loaded: num, warned: num, rejected: num }),
  );
}

export interface RepeatedRecords {
  /** The record key, as field labels. */
  key: string[];
  /** Rows whose key another row of the dataset shares. */
  rows: number;
  /** The first of them: file, line and key value, grouped by key. */
  examples: { file: string; line: number; key: string }[];
}

const repeatRow = z.object({ file: z.string(), line: z.number(), key_text: z.string(), total: z.number() });

/** A dataset about children identifies them, their cases and their records by its `…_id` columns. */
function identifying(dataset: DatasetDefinition, fieldName: string): boolean {
  return dataset.about === 'children' && fieldName.endsWith('_id');
}

/**
 * Rows that share a record key with another row of the dataset (for each of the dataset's keys):
 * loaded, because inside one extract a repeat is data the definitions deal with, and listed here so
 * nobody has to take that on trust (two answers from one person on one day; one person booked twice).
 */
export async function repeatedRecords(engine: Engine, dataset: DatasetDefinition): Promise<RepeatedRecords[]> {
  const out: RepeatedRecords[] = [];
  for (const names of dataset.recordKeys) {
    const fields = names.map((n) => dataset.fields.find((f) => f.name === n)).filter((f) => f !== undefined);
    const columns = fields.map((f) => (f.type.kind === 'code' ? `${f.name}_raw` : f.name));
    const text = `concat_ws(' / ', ${columns.map((c) => `coalesce(CAST(${c} AS VARCHAR), '(blank)')`).join(', ')})`;
    // A child's, case's or record's identifier links records and is never shown (not even here): the
    // file and line find the row, and the rows sharing a key stay together (ordered by the whole key).
    const shown = `concat_ws(' / ', ${fields
      .map((f, i) =>
        identifying(dataset, f.name)
          ? sqlConstant(`(${f.label.toLowerCase()} not shown)`)
          : `coalesce(CAST(${columns[i]} AS VARCHAR), '(blank)')`,
      )
      .join(', ')})`;
    const rows = await engine.query(
      `SELECT source_file AS file, source_line AS line, shown_text AS key_text, count(*) OVER ()::INTEGER AS total FROM (
         SELECT source_file, source_line, ${text} AS sort_key, ${shown} AS shown_text,
                count(*) OVER (PARTITION BY ${columns.join(', ')}) AS n
         FROM ${dataset.id} WHERE ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')}
       ) WHERE n > 1 ORDER BY sort_key, file, line LIMIT 50`,
      [],
      repeatRow,
    );
    if (rows.length > 0) {
      out.push({
        key: fields.map((f) => f.label),
        rows: rows[0]?.total ?? 0,
        examples: rows.map((r) => ({ file: r.file, line: r.line, key: r.key_text })),
      });
    }
  }
  return out;
}

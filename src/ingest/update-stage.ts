import { z } from 'zod';
import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { sqlConstant } from './conversion-sql';
import type { ColumnMatch } from './header-match';
import { good, labels, shownValueSql, staged, stored } from './record-key-sql';
import { supersededTable } from './schema-sql';

/**
 * Next quarter's extract. Partners send their whole caseload again each quarter: most records are the
 * ones already loaded, some have changed since (a closure date filled in, an outcome corrected), some
 * are new. A record whose key is loaded with the same values (every field the file gives, typed values
 * as stored, codes as written) is already held: it is not loaded again, nor counted twice. One whose
 * values changed replaces the loaded version, and every changed value is listed in `pi_changes`; the
 * earlier version is set aside in the dataset's `…__superseded` table, so that removing the later file
 * puts it back. A key that is on more than one record (there, or in this file) cannot say which record
 * it corrects: such a row is rejected with the reason, never guessed.
 */
export interface UpdateFindings {
  /** Rows already held with the same values: not loaded again. */
  unchanged: number;
  /** Rows that replace the loaded version of their record. */
  updated: number;
  /** Values changed across the updated records. */
  valuesChanged: number;
  /** Rows rejected because their key is on more than one record. */
  ambiguous: number;
}

/** One changed value, as the user reads it (dates dd/mm/yyyy, codes as written; null is a blank). */
export interface RecordChange {
  file: string;
  line: number;
  /** The record's key: "Episode ID: E3" or "Child ID: A; Assessment start date: 03/04/2024". */
  key: string;
  field: string;
  fieldLabel: string;
  oldValue: string | null;
  newValue: string | null;
  earlierFile: string;
  earlierLine: number;
}

/** The fields the file gives, other than its key: what an extract can have changed. */
function comparedFields(dataset: DatasetDefinition, matches: readonly ColumnMatch[], key: readonly FieldDefinition[]) {
  const mapped = new Set(matches.map((m) => m.field));
  return dataset.fields.filter((f) => mapped.has(f.name) && !key.includes(f));
}

/** "Episode ID: E3; Child ID: A": the key with its labels, its values as the user reads them. */
const labelledKey = (key: readonly FieldDefinition[]) =>
  `concat_ws('; ', ${key
    .map((f) => `${sqlConstant(`${f.label}: `)} || coalesce(${shownValueSql(f, staged(f))}, '(blank)')`)
    .join(', ')})`;

const CHANGE_TYPE = 'STRUCT(field VARCHAR, label VARCHAR, old VARCHAR, new VARCHAR, differs BOOLEAN)[]';

/** Whether a staged row (p) differs from a loaded one (t) in any field the file gives. */
const differsSql = (fields: readonly FieldDefinition[]) =>
  fields.length > 0 ? fields.map((f) => `(${staged(f)} IS DISTINCT FROM ${stored(f)})`).join(' OR ') : 'false';

/**
 * `pi_updates`: each good staged row joined to the loaded records with its key, whether it differs,
 * and how many records share the key on either side. Only these flags are kept for every match (a
 * whole quarter's caseload); the values are spelled out for the changed records alone.
 */
function matchesSql(dataset: DatasetDefinition, rows: string, key: FieldDefinition[], fields: FieldDefinition[]) {
  const keys = key.map(staged);
  return `CREATE OR REPLACE TEMP TABLE pi_updates AS
SELECT p.rec, p.line, t.load_id AS earlier_load_id, t.source_file AS earlier_file, t.source_line AS earlier_line,
  ${differsSql(fields)} AS differs, p.in_file_n, count(*) OVER (PARTITION BY p.rec) AS loaded_n
FROM (SELECT p.*, count(*) OVER (PARTITION BY ${keys.join(', ')}) AS in_file_n FROM ${rows} WHERE ${good}) p
JOIN ${dataset.id} t ON ${key.map((f) => `${staged(f)} IS NOT DISTINCT FROM ${stored(f)}`).join(' AND ')}`;
}

/** Every changed value of the updated records (staged row p against the loaded version t it replaces). */
function changesSql(dataset: DatasetDefinition, rows: string, key: FieldDefinition[], fields: FieldDefinition[]) {
  const list = fields.map(
    (f) =>
      `{field: ${sqlConstant(f.name)}, label: ${sqlConstant(f.label)}, old: ${shownValueSql(f, stored(f))}, new: ${shownValueSql(f, staged(f))}, differs: ${staged(f)} IS DISTINCT FROM ${stored(f)}}`,
  );
  return `INSERT INTO pi_changes
SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, line, record_key, c.field, c.label, c.old, c.new,
  earlier_load_id, earlier_file, earlier_line
FROM (
  SELECT p.line, ${labelledKey(key)} AS record_key, u.earlier_load_id, u.earlier_file, u.earlier_line,
    unnest([${list.join(', ')}]::${CHANGE_TYPE}) AS c
  FROM ${rows}
  JOIN pi_updates u ON u.rec = p.rec
  JOIN pi_update_verdicts v ON v.rec = p.rec AND v.verdict = 'updated'
  JOIN ${dataset.id} t ON t.load_id = u.earlier_load_id AND t.source_line = u.earlier_line
)
WHERE c.differs`;
}

/** Per staged row: held (the same values are loaded), or an update of one record, or ambiguous. */
const VERDICTS = `CREATE OR REPLACE TEMP TABLE pi_update_verdicts AS
SELECT rec, CASE WHEN bool_or(NOT differs) THEN 'held'
  WHEN max(loaded_n) = 1 AND max(in_file_n) = 1 THEN 'updated' ELSE 'ambiguous' END AS verdict
FROM pi_updates GROUP BY rec`;

const findingsRow = z.object({ unchanged: z.number(), updated: z.number(), ambiguous: z.number() });
const valuesRow = z.object({ n: z.number() });

/**
 * The update stage (after the checks, before the store), for rows whose key is already loaded: lists
 * the changes of updated records, rejects the ambiguous rows, and takes the rows already held out of
 * what is stored (and out of the problems, so their warnings are not listed again).
 */
export async function compareWithLoaded(
  engine: Engine,
  plan: { dataset: DatasetDefinition; matches: readonly ColumnMatch[]; fileId: number; fileName: string },
  rows: string,
  key: FieldDefinition[],
): Promise<UpdateFindings> {
  const { dataset } = plan;
  const fields = comparedFields(dataset, plan.matches, key);
  await engine.run(matchesSql(dataset, rows, key, fields));
  await engine.run(VERDICTS);
  const [found] = await engine.query(
    `SELECT count(*) FILTER (WHERE verdict = 'held')::INTEGER AS unchanged,
       count(*) FILTER (WHERE verdict = 'updated')::INTEGER AS updated,
       count(*) FILTER (WHERE verdict = 'ambiguous')::INTEGER AS ambiguous
     FROM pi_update_verdicts`,
    [],
    findingsRow,
  );
  const reason = `'Already loaded from “' || earlier_file || '” (line ' || earlier_line || ') with other values, and the same ${labels(key).replace(/'/g, "''")} is on more than one record, so which one this corrects cannot be told'`;
  await engine.run(`INSERT INTO pi_problems
SELECT p.rec, p.line, NULL::VARCHAR, ${labelledKey(key)}, ${reason}, false
FROM ${rows} JOIN (
  FROM pi_updates u JOIN pi_update_verdicts v USING (rec) WHERE v.verdict = 'ambiguous'
  QUALIFY row_number() OVER (PARTITION BY u.rec ORDER BY u.earlier_load_id, u.earlier_line) = 1
) u ON u.rec = p.rec`);
  await engine.run(changesSql(dataset, rows, key, fields), [plan.fileId, dataset.id, plan.fileName]);
  const held = `(SELECT rec FROM pi_update_verdicts WHERE verdict = 'held')`;
  await engine.run(`DELETE FROM pi_problems WHERE rec IN ${held}; DELETE FROM pi_parsed WHERE rec IN ${held}`);
  const [values] = await engine.query(
    'SELECT count(*)::INTEGER AS n FROM pi_changes WHERE load_id = ?',
    [plan.fileId],
    valuesRow,
  );
  return {
    unchanged: found?.unchanged ?? 0,
    updated: found?.updated ?? 0,
    ambiguous: found?.ambiguous ?? 0,
    valuesChanged: values?.n ?? 0,
  };
}

/** The earlier versions of the records a file changed (one per updated record), as `pi_changes` names them. */
const earlierVersions = `(SELECT DISTINCT earlier_load_id, earlier_line FROM pi_changes WHERE load_id = ?)`;

/**
 * After the store: the earlier versions of the records this file updated leave the dataset's table
 * for its `…__superseded` table, marked with this file (so nothing is counted twice, and nothing lost).
 * A field this file does not give (a partner's extract without that column) keeps the earlier
 * version's value in the record that replaces it: a column left out says nothing about the value, and
 * blanking it would change the record silently.
 */
export async function setAsideSuperseded(
  engine: Engine,
  plan: { dataset: DatasetDefinition; matches: readonly ColumnMatch[] },
  fileId: number,
): Promise<void> {
  const { dataset } = plan;
  const aside = supersededTable(dataset);
  await engine.run(
    `INSERT INTO ${aside} SELECT t.*, ?::INTEGER FROM ${dataset.id} t
JOIN ${earlierVersions} e ON t.load_id = e.earlier_load_id AND t.source_line = e.earlier_line`,
    [fileId, fileId],
  );
  await engine.run(
    `DELETE FROM ${dataset.id} t USING ${earlierVersions} e
WHERE t.load_id = e.earlier_load_id AND t.source_line = e.earlier_line`,
    [fileId],
  );
  await keepFieldsNotGiven(engine, plan, fileId);
}

/** The columns of the fields a file does not give, copied from the versions its records replace. */
async function keepFieldsNotGiven(
  engine: Engine,
  plan: { dataset: DatasetDefinition; matches: readonly ColumnMatch[] },
  fileId: number,
): Promise<void> {
  const given = new Set(plan.matches.map((m) => m.field));
  const columns = plan.dataset.fields
    .filter((f) => !given.has(f.name))
    .flatMap((f) => (f.type.kind === 'code' ? [f.name, `${f.name}_raw`] : [f.name]));
  if (columns.length === 0) return;
  await engine.run(
    `UPDATE ${plan.dataset.id} t SET ${columns.map((c) => `${c} = s.${c}`).join(', ')}
FROM (SELECT DISTINCT line, earlier_load_id, earlier_line FROM pi_changes WHERE load_id = ?) c,
  ${supersededTable(plan.dataset)} s
WHERE t.load_id = ? AND t.source_line = c.line
  AND s.load_id = c.earlier_load_id AND s.source_line = c.earlier_line AND s.superseded_by = ?`,
    [fileId, fileId, fileId],
  );
}

/**
 * When a file's records are removed: the versions it superseded come back (or, when a later file has
 * superseded this file's version in turn, now count as superseded by that later file), this file's own
 * set-aside versions go, and so do the changes it brought. Returns how many versions came back.
 */
export async function forgetVersionsOf(engine: Engine, dataset: DatasetDefinition, fileId: number): Promise<number> {
  const aside = supersededTable(dataset);
  await engine.run(
    `UPDATE ${aside} s SET superseded_by = later.superseded_by
FROM (SELECT DISTINCT line, earlier_load_id, earlier_line FROM pi_changes WHERE load_id = ?) c, ${aside} later
WHERE s.superseded_by = ? AND s.load_id = c.earlier_load_id AND s.source_line = c.earlier_line
  AND later.load_id = ? AND later.source_line = c.line`,
    [fileId, fileId, fileId],
  );
  await engine.run(`DELETE FROM ${aside} WHERE load_id = ?`, [fileId]);
  const [back] = await engine.query(
    `INSERT INTO ${dataset.id} SELECT * EXCLUDE (superseded_by) FROM ${aside} WHERE superseded_by = ?`,
    [fileId],
    countedRow,
  );
  await engine.run(`DELETE FROM ${aside} WHERE superseded_by = ?`, [fileId]);
  await engine.run('DELETE FROM pi_changes WHERE load_id = ?', [fileId]);
  return back?.Count ?? 0;
}

/** What DuckDB answers to an INSERT or a DELETE: the number of rows. */
export const countedRow = z.object({ Count: z.number() });

const changeRow = z.object({
  source_file: z.string(),
  line: z.number(),
  record_key: z.string(),
  field: z.string(),
  field_label: z.string(),
  old_value: z.string().nullable(),
  new_value: z.string().nullable(),
  earlier_file: z.string(),
  earlier_line: z.number(),
});

/** The changes a file brought (all of them, or the first `limit`), in the file's order. */
export async function recordChanges(engine: Engine, fileId: number, limit?: number): Promise<RecordChange[]> {
  const rows = await engine.query(
    `SELECT source_file, line, record_key, field, field_label, old_value, new_value, earlier_file, earlier_line
     FROM pi_changes WHERE load_id = ? ORDER BY line, field_label
     ${limit === undefined ? '' : 'LIMIT ?'}`,
    limit === undefined ? [fileId] : [fileId, limit],
    changeRow,
  );
  return rows.map((r) => ({
    file: r.source_file,
    line: r.line,
    key: r.record_key,
    field: r.field,
    fieldLabel: r.field_label,
    oldValue: r.old_value,
    newValue: r.new_value,
    earlierFile: r.earlier_file,
    earlierLine: r.earlier_line,
  }));
}

/** A changed value as the user reads it: a blank is shown as "(blank)". */
export const shownChange = (value: string | null): string => value ?? '(blank)';

/** The changes as CSV rows (header first), for the safe CSV writer. */
export function changesCsvRows(changes: readonly RecordChange[]): (string | number)[][] {
  return [
    ['File', 'Line', 'Record', 'Field', 'Old value', 'New value', 'Earlier file', 'Earlier line'],
    ...changes.map((c) => [
      c.file,
      c.line,
      c.key,
      c.fieldLabel,
      shownChange(c.oldValue),
      shownChange(c.newValue),
      c.earlierFile,
      c.earlierLine,
    ]),
  ];
}

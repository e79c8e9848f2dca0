import { z } from 'zod';
import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import {
  type CodeMaps,
  generatedIdSql,
  isTyped,
  mappedCodeSql,
  mapsByJoin,
  type ProblemsFound,
  REJECTED_RECS,
  rawColumn,
  STAGING_ONLY_COLUMNS,
  sqlConstant,
  valuesToChange,
} from './conversion-sql';
import { tableColumns } from './schema-sql';

// The store stage's fast path, for a dataset's first big file: the staged table `pi_parsed` is turned
// into the dataset's table column by column (ALTER TABLE), instead of every row being copied into it. A
// copy holds the file twice at its height (staged and stored at once) and takes longer; done in place,
// each step rewrites at most one column.
//
// Only where the result is the copy's, exactly: the dataset has no rows yet, every row's line is its
// record number plus one shift, and each code field's changes are few enough for a CASE (otherwise the
// copy joins `pi_code_map`). ALTER TABLE takes no bound parameters and no subquery, so the file name
// and the code values to change reach it through session variables set from tables filled with bound
// parameters: user text never becomes SQL text.

/**
 * From this many staged rows. Below it the copy is one quick statement, and storing in place (five
 * statements) made the sample's eleven small files load slower, not faster.
 */
export const STORE_IN_PLACE_FROM = 50_000;

/** Whether the staged file can be stored in place: the dataset is empty, lines are one shift, codes need no join. */
export async function canStoreInPlace(
  engine: Engine,
  dataset: DatasetDefinition,
  lineDelta: number | null,
  codeMaps: CodeMaps,
): Promise<boolean> {
  if (lineDelta === null) return false;
  if ([...codeMaps.values()].some((values) => mapsByJoin(values))) return false;
  const [row] = await engine.query(
    `SELECT (SELECT count(*) FROM ${dataset.id})::INTEGER AS n`,
    [],
    z.object({ n: z.number() }),
  );
  return row?.n === 0;
}

export interface InPlaceTarget {
  fileId: number;
  fileName: string;
  dataset: DatasetDefinition;
  lineDelta: number;
  codeMaps: CodeMaps;
  /** Whether `pi_problems` lists rows to leave out, and cells to leave empty. */
  problems: ProblemsFound;
}

/** Turns `pi_parsed` into the dataset's table (see canStoreInPlace for when); returns its rows. */
export async function storeInPlace(engine: Engine, target: InPlaceTarget): Promise<number> {
  await setVariables(engine, target);
  const steps = [
    ...keepRowsSql(target.problems.rejected),
    ...target.dataset.fields.flatMap((f) => fieldSql(f, target)),
  ];
  steps.push(...provenanceSql(target), ...leftoverSql(), ...notNullSql(target.dataset));
  await engine.run(steps.join(';\n'));
  try {
    await engine.run(
      `BEGIN TRANSACTION; DROP TABLE ${target.dataset.id}; ALTER TABLE pi_parsed RENAME TO ${target.dataset.id}; COMMIT`,
    );
  } catch (error) {
    await engine.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const [stored] = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM ${target.dataset.id} WHERE load_id = ?`,
    [target.fileId],
    z.object({ n: z.number() }),
  );
  return stored?.n ?? 0;
}

const PARSED = 'ALTER TABLE pi_parsed';

/** The file's name and each code field's values to change, as session variables (from bound parameters). */
async function setVariables(engine: Engine, target: InPlaceTarget): Promise<void> {
  const changes = [...target.codeMaps].flatMap(([field, values]) =>
    valuesToChange(values).map((m) => ({ field, raw: m.raw, value: m.value })),
  );
  await engine.run('CREATE OR REPLACE TEMP TABLE pi_store_names (field VARCHAR, raw VARCHAR, value VARCHAR)');
  const rows = [{ field: '', raw: '', value: target.fileName }, ...changes];
  await insertRows(
    engine,
    'pi_store_names',
    rows.map((r) => [r.field, r.raw, r.value]),
  );
  const fields = [...new Set(changes.map((c) => c.field))];
  const codes = fields.map(
    (field) =>
      `SET VARIABLE ${codeVariable(target.dataset, field)} = (SELECT map(list(raw ORDER BY raw), list(value ORDER BY raw)) FROM pi_store_names WHERE field = ${sqlConstant(field)})`,
  );
  await engine.run(
    [`SET VARIABLE pi_store_file = (SELECT value FROM pi_store_names WHERE field = '')`, ...codes].join(';\n'),
  );
}

function codeVariable(dataset: DatasetDefinition, field: string): string {
  return `pi_store_code_${dataset.fields.findIndex((f) => f.name === field)}`;
}

/** Blank rows and rejected rows go (deleted rows take no part in anything after). */
function keepRowsSql(anyRejected: boolean): string[] {
  const problems = anyRejected ? ` OR rec IN ${REJECTED_RECS}` : '';
  return [`DELETE FROM pi_parsed WHERE blank${problems}`];
}

/** A field's column as the copy would store it (insertLoadedSql). */
function fieldSql(field: FieldDefinition, target: InPlaceTarget): string[] {
  const raw = rawColumn(field.name);
  if (field.type.kind === 'code') {
    const values = target.codeMaps.get(field.name) ?? [];
    return [
      `${PARSED} ADD COLUMN ${field.name} VARCHAR`,
      `${PARSED} ALTER ${field.name} SET DATA TYPE VARCHAR USING (${mappedCodeSql(raw, values, codeVariable(target.dataset, field.name)).sql})`,
      `${PARSED} RENAME ${raw} TO ${field.name}_raw`,
    ];
  }
  if (isTyped(field)) {
    // An optional value that could not be read is left empty, as the copy stores it (storedTypedSql).
    const empty =
      target.problems.warned && !field.required
        ? [`UPDATE pi_parsed SET ${field.name} = NULL WHERE ${raw} IS NOT NULL`]
        : [];
    return [...empty, `${PARSED} DROP COLUMN ${raw}`];
  }
  const rename = `${PARSED} RENAME ${raw} TO ${field.name}`;
  if (field.name !== target.dataset.generatedIdField) return [rename];
  const line = `(rec + ${Math.trunc(target.lineDelta)})`;
  return [
    `${PARSED} ALTER ${raw} SET DATA TYPE VARCHAR USING (${generatedIdSql(raw, "getvariable('pi_store_file')", line)})`,
    rename,
  ];
}

/** The file, line and load of every row; the record number becomes the line. */
function provenanceSql(target: InPlaceTarget): string[] {
  return [
    `${PARSED} ALTER rec SET DATA TYPE INTEGER USING (rec + ${Math.trunc(target.lineDelta)})`,
    `${PARSED} RENAME rec TO source_line`,
    `${PARSED} ADD COLUMN load_id INTEGER DEFAULT ${Math.trunc(target.fileId)}`,
    `${PARSED} ALTER load_id DROP DEFAULT`,
    `${PARSED} ADD COLUMN source_file VARCHAR`,
    `${PARSED} ALTER source_file SET DATA TYPE VARCHAR USING (getvariable('pi_store_file'))`,
  ];
}

/** The columns only staging needs (blank, extra values): dropped. */
function leftoverSql(): string[] {
  return STAGING_ONLY_COLUMNS.map((name) => `${PARSED} DROP COLUMN ${name}`);
}

/** The dataset table's NOT NULL columns (tableColumns), so later files are held to them as before. */
function notNullSql(dataset: DatasetDefinition): string[] {
  return tableColumns(dataset)
    .filter((c) => c.notNull)
    .map((c) => `${PARSED} ALTER ${c.name} SET NOT NULL`);
}

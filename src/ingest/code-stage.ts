import { canonicalCode } from '../datasets/code-values';
import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import { type CodeMaps, mapsByJoin, matchedCodeFields } from './conversion-sql';
import type { ColumnMatch } from './header-match';
import type { UnmappedCode } from './load-report';
import type { StagedRows } from './read-stage';
import { mappedValue, type ValueMappings } from './value-mapping';

export interface CodeStage {
  codeMaps: CodeMaps;
  unmappedCodes: UnmappedCode[];
}

/**
 * The map-codes stage: the distinct values of each coded column (a handful, listed by the read stage's
 * statement) are mapped in TypeScript, where the aliases, the labels in words and the user's mappings
 * live (canonicalCode); a value nobody has
 * mapped stays as written and is listed. Fields with many values are mapped through the `pi_code_map`
 * table rather than a CASE.
 */
export async function mapCodes(
  engine: Engine,
  plan: { dataset: DatasetDefinition; matches: readonly ColumnMatch[] },
  staged: Pick<StagedRows, 'codeValues'>,
  valueMappings: ValueMappings | undefined,
): Promise<CodeStage> {
  const { dataset } = plan;
  const codeFields = matchedCodeFields(dataset, plan.matches);
  const codeMaps = new Map<string, { raw: string; value: string | null }[]>();
  const unmappedCodes: UnmappedCode[] = [];
  for (const { field: name, raw, n } of staged.codeValues) {
    const field = codeFields.find((f) => f.name === name);
    if (field?.type.kind !== 'code') continue;
    const value = canonicalCode(field.type, raw) ?? mappedValue(valueMappings, dataset.id, field.name, raw) ?? null;
    const list = codeMaps.get(field.name) ?? [];
    list.push({ raw, value });
    codeMaps.set(field.name, list);
    if (value === null) unmappedCodes.push({ field: field.name, value: raw, count: n });
  }
  await fillCodeMapTable(
    engine,
    [...codeMaps].filter(([, list]) => mapsByJoin(list)).flatMap(([field, list]) => list.map((m) => ({ field, ...m }))),
  );
  return { codeMaps, unmappedCodes };
}

async function fillCodeMapTable(engine: Engine, rows: { field: string; raw: string; value: string | null }[]) {
  // Only fields with many values to change are mapped by a join (see mapsByJoin): usually none.
  if (rows.length === 0) return;
  await engine.run('CREATE OR REPLACE TEMP TABLE pi_code_map (field VARCHAR, raw VARCHAR, value VARCHAR)');
  await insertRows(
    engine,
    'pi_code_map',
    rows.map((r) => [r.field, r.raw, r.value]),
  );
}

import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import type { FileHandler } from './file-handlers';
import {
  CREATE_CHANGES_SQL,
  CREATE_REJECTIONS_SQL,
  CREATE_WARNINGS_SQL,
  createSupersededSql,
  createTableSql,
  MACROS,
  supersededTable,
  tableColumns,
} from './schema-sql';

/** Creates macros, the typed tables of the given datasets and the file handlers' tables. Safe to run more than once. */
export async function prepareDatabase(
  engine: Engine,
  datasets: readonly DatasetDefinition[],
  handlers: readonly FileHandler[] = [],
): Promise<void> {
  for (const statement of MACROS) await engine.run(statement);
  for (const dataset of datasets) await engine.run(createTableSql(dataset));
  for (const dataset of datasets) await engine.run(createSupersededSql(dataset));
  await engine.run(CREATE_REJECTIONS_SQL);
  await engine.run(CREATE_CHANGES_SQL);
  await engine.run(CREATE_WARNINGS_SQL);
  for (const handler of handlers) for (const statement of handler.createSql) await engine.run(statement);
}

/** Deletes every loaded row (and earlier version), change, rejection and warning, and what the handlers loaded (the tables stay, empty). */
export async function clearLoadedData(
  engine: Engine,
  datasets: readonly DatasetDefinition[],
  handlers: readonly FileHandler[] = [],
): Promise<void> {
  // One statement: each would otherwise wait its own turn in the engine's queue.
  const tables = [...datasets.flatMap((d) => [d.id, supersededTable(d)]), 'pi_changes', 'pi_rejections', 'pi_warnings'];
  await engine.run(tables.map((table) => `DELETE FROM ${table}`).join('; '));
  for (const handler of handlers) await handler.clear(engine);
}

/**
 * Every table that holds what was loaded, to keep on this computer: each dataset's rows, the rejections
 * and warnings, and the handlers' tables. What the indicators build from them is built again.
 */
export function loadedTables(datasets: readonly DatasetDefinition[], handlers: readonly FileHandler[] = []): string[] {
  return [
    ...datasets.map((d) => d.id),
    // Earlier versions of records a later extract changed, and the changes themselves (the report lists them).
    ...datasets.map((d) => supersededTable(d)),
    'pi_changes',
    'pi_rejections',
    'pi_warnings',
    ...handlers.flatMap((handler) => handler.keptTables),
  ];
}

/**
 * Each dataset table's columns in the order a new table has them (createTableSql). A table that a big
 * file was stored into in place (store-in-place.ts) has them in another order; kept rows are written in
 * this one, the order of the empty table they go back into.
 */
export function newTableColumnOrder(datasets: readonly DatasetDefinition[]): Map<string, string[]> {
  return new Map(datasets.map((dataset) => [dataset.id, tableColumns(dataset).map((c) => c.name)]));
}

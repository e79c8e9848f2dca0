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
  for (const dataset of datasets) await engine.run(`DELETE FROM ${dataset.id}`);
  for (const dataset of datasets) await engine.run(`DELETE FROM ${supersededTable(dataset)}`);
  await engine.run('DELETE FROM pi_changes');
  await engine.run('DELETE FROM pi_rejections');
  await engine.run('DELETE FROM pi_warnings');
  for (const handler of handlers) await handler.clear(engine);
}

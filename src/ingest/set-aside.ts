import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { supersededTable } from './schema-sql';

/** What a file's removal or replacement can change: its dataset's records, their earlier versions, the changes, problems. */
export function tablesOfFile(dataset: DatasetDefinition | undefined): string[] {
  const dataTables = dataset ? [dataset.id, supersededTable(dataset)] : [];
  return [...dataTables, 'pi_changes', 'pi_rejections', 'pi_warnings'];
}

/** A copy of some tables, to put back exactly as they were (or to let go). */
export interface SetAside {
  restore(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Copies tables aside before a change the user has not confirmed yet (removing or replacing a file, to
 * show its effect first). Copies rather than a transaction: the engine's queue runs the pages' queries
 * and its background work (summary tables, which it may stop and run again) between any two of ours,
 * and a stopped statement inside a transaction would abort it — a copy is put back whatever ran between.
 * The table names are the app's own, never the user's.
 */
export async function setTablesAside(engine: Engine, tables: readonly string[]): Promise<SetAside> {
  const copies = tables.map((table, i) => ({ table, copy: `pi_aside_${i}` }));
  await engine.run(copies.map((c) => `CREATE OR REPLACE TEMP TABLE ${c.copy} AS SELECT * FROM ${c.table}`).join(';\n'));
  const release = () => engine.run(copies.map((c) => `DROP TABLE IF EXISTS ${c.copy}`).join(';\n'));
  return {
    async restore() {
      await engine.run(
        copies.map((c) => `DELETE FROM ${c.table}; INSERT INTO ${c.table} SELECT * FROM ${c.copy}`).join(';\n'),
      );
      await release();
    },
    release,
  };
}

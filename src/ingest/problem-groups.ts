import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { RejectionGroup } from './load-report';

const exampleRow = z.object({
  column_name: z.string().nullable(),
  reason: z.string(),
  n: z.number(),
  line: z.number().nullable(),
  value: z.string().nullable(),
});

/**
 * Rejections (or warnings) grouped by column and reason, largest first, with the first three lines of
 * each: of one file (its load report) or of a whole dataset (the Data quality page). `table` is one of
 * our two table names, never user text; the file or dataset is a bound parameter.
 */
export async function problemGroups(
  engine: Engine,
  table: 'pi_rejections' | 'pi_warnings',
  scope: { loadId: number } | { datasetId: string },
): Promise<RejectionGroup[]> {
  const [where, key] = 'loadId' in scope ? ['load_id', scope.loadId] : ['dataset_id', scope.datasetId];
  const examples = await engine.query(
    `SELECT column_name, reason, n, line, value FROM (
       SELECT column_name, reason, line, value,
         count(*) OVER (PARTITION BY column_name, reason)::DOUBLE AS n,
         row_number() OVER (PARTITION BY column_name, reason ORDER BY source_file, line) AS k,
         source_file
       FROM ${table} WHERE ${where} = ?)
     WHERE k <= 3 ORDER BY n DESC, column_name, reason, source_file, line`,
    [key],
    exampleRow,
  );
  const groups = new Map<string, RejectionGroup>();
  for (const row of examples) {
    const id = `${row.column_name ?? ''}\u0000${row.reason}`;
    let group = groups.get(id);
    if (!group) {
      group = { column: row.column_name, reason: row.reason, count: row.n, examples: [] };
      groups.set(id, group);
    }
    group.examples.push({ line: row.line, value: row.value });
  }
  return [...groups.values()];
}

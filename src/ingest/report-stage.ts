import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { FileReport, RejectionGroup } from './load-report';

const exampleRow = z.object({
  column_name: z.string().nullable(),
  reason: z.string(),
  n: z.number(),
  line: z.number().nullable(),
  value: z.string().nullable(),
});

/** The rejections of one file grouped by column and reason, with the first three lines of each. */
async function rejectionGroups(engine: Engine, fileId: number): Promise<RejectionGroup[]> {
  const examples = await engine.query(
    `SELECT column_name, reason, n, line, value FROM (
       SELECT column_name, reason, line, value,
         count(*) OVER (PARTITION BY column_name, reason) AS n,
         row_number() OVER (PARTITION BY column_name, reason ORDER BY line) AS k
       FROM pi_rejections WHERE load_id = ?)
     WHERE k <= 3 ORDER BY n DESC, column_name, reason, line`,
    [fileId],
    exampleRow,
  );
  const groups = new Map<string, RejectionGroup>();
  for (const row of examples) {
    const key = `${row.column_name ?? ''}\u0000${row.reason}`;
    let group = groups.get(key);
    if (!group) {
      group = { column: row.column_name, reason: row.reason, count: row.n, examples: [] };
      groups.set(key, group);
    }
    group.examples.push({ line: row.line, value: row.value });
  }
  return [...groups.values()];
}

export interface RowCounts {
  /** Non-blank rows DuckDB staged. */
  rowsNotBlank: number;
  /** Rows the dataset's table holds from the file, as the store stage's statement counted them. */
  rowsLoaded: number;
  /** Rows DuckDB could not split, rows with a problem, and lines swallowed by an unclosed quote. */
  structural: number;
  problemRows: number;
  swallowed: number;
}

/**
 * The report stage: rows read = rows loaded + rows rejected, the reasons with examples, and a status
 * and message a business manager can act on.
 */
export async function reportRows(
  engine: Engine,
  target: { fileId: number; fileName: string },
  counts: RowCounts,
): Promise<Pick<FileReport, 'status' | 'message' | 'rowsRead' | 'rowsLoaded' | 'rowsRejected' | 'rejections'>> {
  const { fileId, fileName } = target;
  const { rowsLoaded } = counts;
  const rowsRejected = counts.problemRows + counts.structural + counts.swallowed;
  const rowsRead = counts.rowsNotBlank + counts.structural + counts.swallowed;
  let status: FileReport['status'] = rowsRejected > 0 ? 'partial' : 'loaded';
  let message: string | null = null;
  if (rowsRead === 0) {
    status = 'empty';
    message = `“${fileName}” has a header row but no data rows.`;
  } else if (rowsLoaded === 0) {
    status = 'failed';
    message = `No rows of “${fileName}” could be loaded: every row has a problem (see the reasons below).`;
  } else if (rowsRejected > 0) {
    message = `${rowsRejected.toLocaleString('en-GB')} of ${rowsRead.toLocaleString('en-GB')} rows in “${fileName}” were not loaded (reasons below).`;
  }
  const rejections = rowsRejected > 0 ? await rejectionGroups(engine, fileId) : [];
  return { status, message, rowsRead, rowsLoaded, rowsRejected, rejections };
}

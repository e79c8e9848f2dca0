import type { Engine } from '../engine/engine';
import { shownFileName } from '../shared/file-name';
import type { FileReport } from './load-report';
import { problemGroups } from './problem-groups';

export interface RowCounts {
  /** Non-blank rows DuckDB staged. */
  rowsNotBlank: number;
  /** Rows the dataset's table holds from the file, as the store stage's statement counted them. */
  rowsLoaded: number;
  /** Rows DuckDB could not split, rows with a problem, and lines swallowed by an unclosed quote. */
  structural: number;
  rejectedRows: number;
  swallowed: number;
  /** Loaded rows with a bad optional value left empty. */
  warnedRows: number;
  /** Rows already held with the same values (next quarter's extract): not loaded again. */
  unchanged: number;
  /** Of the rows loaded, those that replace the loaded version of their record. */
  updated: number;
}

type RowsReport = Pick<
  FileReport,
  | 'status'
  | 'message'
  | 'rowsRead'
  | 'rowsLoaded'
  | 'rowsRejected'
  | 'rowsWarned'
  | 'rowsUnchanged'
  | 'rowsUpdated'
  | 'rejections'
  | 'warnings'
>;

/** "3 rows", "1 row". */
const rowsText = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

/**
 * The report stage: rows read = rows loaded + rows already held unchanged + rows rejected (and of the
 * rows loaded, those with warnings and those updating a record), the reasons with examples, and a
 * status and message a business manager can act on.
 */
export async function reportRows(
  engine: Engine,
  target: { fileId: number; fileName: string },
  counts: RowCounts,
): Promise<RowsReport> {
  const { fileId, fileName } = target;
  const { rowsLoaded, unchanged: rowsUnchanged, updated: rowsUpdated } = counts;
  const rowsRejected = counts.rejectedRows + counts.structural + counts.swallowed;
  const rowsRead = counts.rowsNotBlank + counts.structural + counts.swallowed;
  // Counted among the rows the store kept (not rejected), so they are among the rows loaded.
  const rowsWarned = counts.warnedRows;
  let status: FileReport['status'] = rowsRejected > 0 ? 'partial' : 'loaded';
  const messages: string[] = [];
  if (rowsRead === 0) {
    status = 'empty';
    messages.push(`“${shownFileName(fileName)}” has a header row but no data rows.`);
  } else if (rowsLoaded === 0 && rowsUnchanged > 0 && rowsRejected === 0) {
    messages.push(
      `Every record in “${shownFileName(fileName)}” is already loaded with the same values: nothing was added or changed.`,
    );
  } else if (rowsLoaded === 0 && rowsUnchanged === 0) {
    status = 'failed';
    messages.push(
      `No rows of “${shownFileName(fileName)}” could be loaded: every row has a problem (see the reasons below).`,
    );
  } else if (rowsRejected > 0) {
    messages.push(
      `${rowsRejected.toLocaleString('en-GB')} of ${rowsRead.toLocaleString('en-GB')} rows in “${shownFileName(fileName)}” were not loaded (reasons below).`,
    );
  }
  if (rowsWarned > 0) {
    messages.push(
      `${rowsText(rowsWarned)} loaded with warnings: a value in an optional column was unreadable and left empty (listed below).`,
    );
  }
  const rejections = rowsRejected > 0 ? await problemGroups(engine, 'pi_rejections', { loadId: fileId }) : [];
  const warnings = rowsWarned > 0 ? await problemGroups(engine, 'pi_warnings', { loadId: fileId }) : [];
  const message = messages.length > 0 ? messages.join(' ') : null;
  return {
    ...{ status, message, rowsRead, rowsLoaded, rowsRejected, rowsWarned, rowsUnchanged, rowsUpdated },
    ...{ rejections, warnings },
  };
}

import { shownFileName } from '../shared/file-name';
import type { DateColumnReport } from './date-order';
import type { DuplicateReport } from './dedupe-stage';
import type { ColumnMatch } from './header-match';

export interface RejectionExample {
  line: number | null;
  value: string | null;
}

export interface RejectionGroup {
  column: string | null;
  reason: string;
  count: number;
  examples: RejectionExample[];
}

export interface UnmappedCode {
  field: string;
  value: string;
  count: number;
}

/**
 * loaded: every row; partial: some rows rejected; empty: no data rows; failed: nothing could be used;
 * duplicate: the same bytes were loaded before; unconfirmed: the file resembles a dataset only weakly
 * (most of its columns are unknown to it), so it waits for the user to confirm its columns.
 */
export type FileStatus = 'loaded' | 'partial' | 'empty' | 'failed' | 'duplicate' | 'unconfirmed';

/**
 * What happened to one file. rowsRead = rowsLoaded + rowsUnchanged + rowsRejected, always: rowsLoaded
 * are the rows the dataset's table holds from the file (new records, and rowsUpdated of them replacing
 * the loaded version of their record); rowsUnchanged were already loaded with the same values (next
 * quarter's extract) and are not loaded twice. rowsWarned of the rows loaded had a bad value in an
 * optional column, left empty.
 */
export interface FileReport {
  fileId: number;
  fileName: string;
  bytes: number;
  datasetId: string | null;
  /** 0–1: how well the header fits the dataset it was recognised as. */
  confidence: number | null;
  /** The file's header cells, as found (for the column-mapping screen). */
  header: string[];
  /** A few values of each header column, from the top of the file (for the column-mapping screen). */
  columnSamples: string[][];
  /** The dataset the file was recognised as, or else the one it came closest to. */
  closestDatasetId: string | null;
  status: FileStatus;
  /** Plain-English message for the user when the file failed or needs attention. */
  message: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Rows whose record is already loaded with the same values: recognised, not loaded twice. */
  rowsUnchanged: number;
  /** Of the rows loaded, those that replace the loaded version of their record (its values changed). */
  rowsUpdated: number;
  /** Loaded rows with a value in an optional column that could not be read (the cell left empty). */
  rowsWarned: number;
  /** Rows with nothing in any column: skipped and not counted as read. */
  blankRows: number;
  encoding: string | null;
  delimiter: string | null;
  /** Line of the header row (1 unless title rows sit above it). */
  headerLine: number | null;
  columns: ColumnMatch[];
  ignoredColumns: string[];
  rejections: RejectionGroup[];
  /** The warnings of loaded rows, grouped like the rejections. */
  warnings: RejectionGroup[];
  unmappedCodes: UnmappedCode[];
  /** Fingerprint of the file's bytes, to recognise the same file dropped twice. */
  contentHash: string | null;
  /** True if line numbers could not be matched exactly to the file (they are then estimates). */
  linesApproximate: boolean;
  /** True when mixed or old-Mac line ends were made uniform before reading. */
  lineEndsNormalised: boolean;
  /** Date columns that are, or look, month/day in this file (see date-order.ts). */
  dateColumns: DateColumnReport[];
  /** Records this file repeats (inside itself, or already loaded from an earlier file), and what was done. */
  duplicates: DuplicateReport | null;
  durationMs: number;
}

/** A report for a file that has not been read yet (status failed until something better is known). */
export function emptyFileReport(fileId: number, fileName: string, bytes: number): FileReport {
  return {
    fileId,
    fileName,
    bytes,
    datasetId: null,
    confidence: null,
    header: [],
    columnSamples: [],
    closestDatasetId: null,
    status: 'failed',
    message: null,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsUnchanged: 0,
    rowsUpdated: 0,
    rowsWarned: 0,
    blankRows: 0,
    encoding: null,
    delimiter: null,
    headerLine: null,
    columns: [],
    ignoredColumns: [],
    rejections: [],
    warnings: [],
    unmappedCodes: [],
    contentHash: null,
    linesApproximate: false,
    lineEndsNormalised: false,
    dateColumns: [],
    duplicates: null,
    durationMs: 0,
  };
}

/** The report for a file whose exact bytes were loaded before: nothing is loaded twice. */
export function duplicateFileReport(fileId: number, fileName: string, bytes: number, hash: string, earlier: string) {
  return {
    ...emptyFileReport(fileId, fileName, bytes),
    status: 'duplicate' as const,
    contentHash: hash,
    message: `“${shownFileName(fileName)}” is the same file as “${shownFileName(earlier)}”, which is already loaded, so it was not loaded again.`,
  };
}

export type LoadStatus = 'ok' | 'partial' | 'failed';

export interface LoadReport {
  files: FileReport[];
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Rows already loaded with the same values (not loaded twice): read = loaded + unchanged + rejected. */
  rowsUnchanged: number;
  /** Of the rows loaded, those updating a record already loaded. */
  rowsUpdated: number;
  /** Of the rows loaded, those with warnings. */
  rowsWarned: number;
  status: LoadStatus;
}

export function summariseLoad(files: FileReport[]): LoadReport {
  const rowsRead = files.reduce((sum, f) => sum + f.rowsRead, 0);
  const rowsLoaded = files.reduce((sum, f) => sum + f.rowsLoaded, 0);
  const rowsRejected = files.reduce((sum, f) => sum + f.rowsRejected, 0);
  const rowsWarned = files.reduce((sum, f) => sum + f.rowsWarned, 0);
  const rowsUnchanged = files.reduce((sum, f) => sum + (f.rowsUnchanged ?? 0), 0);
  const rowsUpdated = files.reduce((sum, f) => sum + (f.rowsUpdated ?? 0), 0);
  const anyProblem = files.some((f) => f.status !== 'loaded');
  let status: LoadStatus = 'ok';
  if (rowsLoaded === 0 && rowsUnchanged === 0 && files.length > 0) status = 'failed';
  else if (anyProblem) status = 'partial';
  return { files, rowsRead, rowsLoaded, rowsRejected, rowsUnchanged, rowsUpdated, rowsWarned, status };
}

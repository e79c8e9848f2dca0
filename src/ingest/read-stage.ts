import { z } from 'zod';
import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import {
  BLANK_ROW,
  type CsvLayout,
  codeValuesSql,
  type DateOrderMap,
  headerCellsSql,
  matchedCodeFields,
  NO_PROBLEMS_SQL,
  numberedRowsSql,
  parsedTableSql,
  problemRowSql,
  rawColumn,
  sqlConstant,
  unclosedQuoteReasonSql,
} from './conversion-sql';
import type { ColumnMatch } from './header-match';
import { buildLineMap } from './line-map';
import type { RecordScan } from './record-scan';
import type { TextLayout } from './sniff';

/** What the read stage needs: the registered file, its layout and scan, and the columns to read. */
export interface ReadPlan {
  registeredName: string;
  layout: TextLayout;
  scan: RecordScan;
  dataset: DatasetDefinition;
  matches: readonly ColumnMatch[];
}

export interface StagedRows {
  /** Rows DuckDB could not split into columns, with the file line and the reason in the user's words. */
  structural: { line: number; reason: string; csv_line: string | null }[];
  /** Rows read into `pi_parsed` (blank ones included). */
  staged: number;
  /** SQL for the staged rows with their record number and file line, as `p`. */
  rows: string;
  /** Line = record + this for every row; null when stretches differ (`pi_line_map`). */
  lineDelta: number | null;
  /** True when the file's lines could not be matched exactly to DuckDB's rows (numbers are estimates). */
  linesApproximate: boolean;
  headerWidth: number;
  /**
   * Rows with at least one problem or warning the checks need neither line numbers nor formula cells
   * for (problemRowSql), counted as the rows are numbered: 0 lets a clean file skip the check statements.
   */
  problemRows: number;
  /** Rows with a date the read could not take as day/month (the only rows date detection looks at). */
  unreadDates: number;
  /** The distinct raw values of each coded column the file has, with their counts (codeValuesSql). */
  codeValues: CodeValue[];
  /** Staged rows that are not blank. */
  rowsNotBlank: number;
}

export interface CodeValue {
  field: string;
  raw: string;
  n: number;
}

/** One statement's rows: kind 0 a row DuckDB could not split, 1 a code value, 2 the counts. */
const stagedFactRow = z.object({
  kind: z.number(),
  line: z.number().nullable(),
  reason: z.string().nullable(),
  csv_line: z.string().nullable(),
  field: z.string().nullable(),
  raw: z.string().nullable(),
  code_n: z.number().nullable(),
  staged: z.number().nullable(),
  not_blank: z.number().nullable(),
  problem_rows: z.number().nullable(),
  unread_dates: z.number().nullable(),
});

/** DuckDB's structural CSV errors in the user's words (`line` is the error's line in the file). */
export function structuralReasonSql(headerWidth: number, unclosedQuoteLine: number | null): string {
  const unclosed =
    unclosedQuoteLine === null
      ? ''
      : `WHEN error_type = 'UNQUOTED VALUE' AND line = ${Math.trunc(unclosedQuoteLine)} THEN ${unclosedQuoteReasonSql('line')}`;
  return `CASE ${unclosed}
    WHEN error_type = 'TOO MANY COLUMNS' THEN ${sqlConstant(`Row has more values than the header has columns (${headerWidth})`)}
    WHEN error_type = 'UNQUOTED VALUE' THEN 'A double quote is out of place: a quoted value must be followed by the delimiter or the end of the line (check for a stray double quote)'
    WHEN error_type = 'LINE SIZE OVER MAXIMUM' THEN 'Row is too long to read (over 10 MB in one row)'
    ELSE 'Row could not be read: ' || error_message END`;
}

/** How the CSV is read: what the record scan found, or what a read started before the scan assumes. */
export interface ReadStyle {
  quotedNewlines: boolean;
  trimValues: boolean;
  maxLineBytes: number;
}

/**
 * The longest record accepted: 10 MB (a long case note with line breaks in it) — but no record is longer
 * than its file, and DuckDB sizes its buffers by this, so small files read with its 2 MB default
 * (much quicker for each small file than buffers sized for the largest record). Its buffer: readBufferSql.
 */
export function maxLineBytes(fileBytes: number): number {
  return fileBytes < 2 * 1024 * 1024 ? 2 * 1024 * 1024 : 10_000_000;
}

/** The style a finished scan asks for. */
export function readStyleOf(scan: RecordScan): ReadStyle {
  return {
    quotedNewlines: scan.quotedNewlines,
    trimValues: scan.paddedValues || scan.quotedNewlines,
    maxLineBytes: maxLineBytes(scan.bytes),
  };
}

/** Named columns end at the last non-empty header cell; later cells may only be empty. */
export function headerWidthOf(layout: TextLayout): number {
  return Math.max(1, ...layout.header.map((h, i) => (h.trim() === '' ? 0 : i + 1)));
}

/** What DuckDB's CSV reader is told of the file: for the read, and for a second look at its text. */
export function csvLayoutOf(plan: Omit<ReadPlan, 'scan'>, style: ReadStyle): CsvLayout {
  const { layout } = plan;
  return {
    registeredName: plan.registeredName,
    delimiter: layout.delimiter,
    skip: layout.headerIndex + 1,
    columnCount: Math.max(1, layout.columnCount),
    headerWidth: headerWidthOf(layout),
    ...style,
  };
}

/**
 * DuckDB's CSV reader fills `pi_parsed` (every mapped field's text and typed value) and puts rows it
 * cannot split aside in `pi_rejects`; `pi_problems`, where the check and dedupe stages list the rows
 * they turn away, starts empty in the same round trip. Needs the layout only, not the record scan, so
 * that it can run while the scan is still going.
 */
export async function readCsv(
  engine: Engine,
  plan: Omit<ReadPlan, 'scan'>,
  style: ReadStyle,
  dateOrders: DateOrderMap,
): Promise<void> {
  const { layout } = plan;
  const csv = csvLayoutOf(plan, style);
  const headerCells = headerCellsSql(plan.matches, layout.header);
  await engine.run(headerCells.sql, headerCells.params);
  await engine.run(
    `DROP TABLE IF EXISTS pi_rejects; DROP TABLE IF EXISTS pi_reject_scans; ${NO_PROBLEMS_SQL};
${parsedTableSql(plan.dataset, plan.matches, csv, dateOrders)}`,
  );
}

/**
 * Everything the later stages need to know of the staged rows, in one statement (one scan each, one
 * round trip): the rows DuckDB could not split, in the user's words; the counts (rows, rows with a
 * problem, dates not read as day/month, rows not blank); and the distinct values of each coded column
 * (for the map-codes stage).
 */
function stagedFactsSql(plan: ReadPlan, headerWidth: number): string {
  const dates = plan.dataset.fields
    .filter((f) => f.type.kind === 'date')
    .map((f) => `${rawColumn(f.name)} IS NOT NULL`);
  const codes = codeValuesSql(matchedCodeFields(plan.dataset, plan.matches).map((f) => f.name));
  return `WITH n AS (
       SELECT count(*)::INTEGER AS staged, count(*) FILTER (WHERE NOT ${BLANK_ROW})::INTEGER AS not_blank,
         count(*) FILTER (WHERE ${problemRowSql(plan.dataset, headerWidth)})::INTEGER AS problem_rows,
         count(*) FILTER (WHERE ${dates.length > 0 ? dates.join(' OR ') : 'false'})::INTEGER AS unread_dates
       FROM pi_parsed),
     codes AS (${codes})
     SELECT 0 AS kind, line::INTEGER AS line, ${structuralReasonSql(headerWidth, plan.scan.unclosedQuoteRecord)} AS reason,
       left(csv_line, 200) AS csv_line, NULL::VARCHAR AS field, NULL::VARCHAR AS raw, NULL::INTEGER AS code_n,
       NULL::INTEGER AS staged, NULL::INTEGER AS not_blank, NULL::INTEGER AS problem_rows,
       NULL::INTEGER AS unread_dates
     FROM pi_rejects
     UNION ALL SELECT 1, NULL, NULL, NULL, codes.field, codes.raw, codes.n, NULL, NULL, NULL, NULL FROM codes
     UNION ALL SELECT 2, NULL, NULL, NULL, NULL, NULL, NULL, n.staged, n.not_blank, n.problem_rows, n.unread_dates
       FROM n
     ORDER BY kind, line, field, code_n DESC, raw`;
}

/** The read stage's second half: the staged rows' facts (stagedFactsSql), and every staged row's line in the file. */
export async function numberStagedRows(engine: Engine, plan: ReadPlan): Promise<StagedRows> {
  const headerWidth = headerWidthOf(plan.layout);
  const rows = await engine.query(stagedFactsSql(plan, headerWidth), [], stagedFactRow);
  const counts = rows.find((r) => r.kind === 2);
  const structural = rows.flatMap((r) =>
    r.kind === 0 && r.line !== null && r.reason !== null
      ? [{ line: r.line, reason: r.reason, csv_line: r.csv_line }]
      : [],
  );
  const codeValues = rows.flatMap((r) =>
    r.kind === 1 && r.field !== null && r.raw !== null ? [{ field: r.field, raw: r.raw, n: r.code_n ?? 0 }] : [],
  );
  const staged = counts?.staged ?? 0;
  const numbering = await numberRows(engine, plan.layout.headerIndex + 1, plan.scan, structural, staged);
  return {
    structural,
    staged,
    headerWidth,
    problemRows: counts?.problem_rows ?? 0,
    unreadDates: counts?.unread_dates ?? 0,
    codeValues,
    rowsNotBlank: counts?.not_blank ?? 0,
    ...numbering,
  };
}

/** The whole read stage: the CSV read with the scan's style, then numbered. */
export async function readRows(engine: Engine, plan: ReadPlan, dateOrders: DateOrderMap): Promise<StagedRows> {
  await readCsv(engine, plan, readStyleOf(plan.scan), dateOrders);
  return numberStagedRows(engine, plan);
}

/** Gives every staged row its file line: one shift for the whole file, or stretches in `pi_line_map`. */
async function numberRows(
  engine: Engine,
  skip: number,
  scan: RecordScan,
  structural: readonly { line: number }[],
  staged: number,
): Promise<{ rows: string; lineDelta: number | null; linesApproximate: boolean }> {
  const lineMap = buildLineMap(
    skip,
    scan.records,
    scan.blankRecords,
    structural.map((r) => r.line),
  );
  const linesApproximate = lineMap.expectedRows !== staged;
  const segments = linesApproximate ? [{ fromRec: 1, delta: skip }] : lineMap.segments;
  if (segments.length === 1) {
    const lineDelta = segments[0]?.delta ?? skip;
    return { rows: numberedRowsSql(lineDelta), lineDelta, linesApproximate };
  }
  await engine.run('CREATE OR REPLACE TEMP TABLE pi_line_map (from_rec BIGINT, delta INTEGER)');
  await insertRows(
    engine,
    'pi_line_map',
    segments.map((s) => [s.fromRec, s.delta]),
  );
  return { rows: numberedRowsSql(null), lineDelta: null, linesApproximate };
}

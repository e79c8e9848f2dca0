import { z } from 'zod';
import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import {
  type DateOrderMap,
  dateTextsSql,
  problemsTableSql,
  REJECTED_RECS,
  rawColumn,
  sqlConstant,
} from './conversion-sql';
import type { DateColumnReport, DateOrder } from './date-order';
import type { ColumnMatch } from './header-match';
import { csvLayoutOf, type ReadPlan, readStyleOf, type StagedRows } from './read-stage';

/** A cell of a workbook that holds a formula Excel never calculated (no saved value). */
export interface FormulaCell {
  /** Row number in the sheet (= line of the sheet's CSV). */
  line: number;
  /** 0-based column. */
  column: number;
  formula: string;
}

const detectionRow = z.object({
  field: z.string(),
  month_day: z.number(),
  ambiguous: z.number(),
  line: z.number().nullable(),
  value: z.string().nullable(),
});

/**
 * Per date field read so far: how many values can only be month/day (02/13/2024), the first of them,
 * and how many that could be either were left unread (only while the column is "unsure"). The dates
 * that can only be day/month were read, so their text is not kept: countDayMonthDates finds them.
 */
export async function detectDateOrders(
  engine: Engine,
  dataset: DatasetDefinition,
  matches: readonly ColumnMatch[],
  staged: StagedRows,
): Promise<Map<string, Omit<DateColumnReport, 'order'>>> {
  const dateFields = dataset.fields.filter((f) => f.type.kind === 'date' && matches.some((m) => m.field === f.name));
  // Every date was read day/month (or is empty): nothing to look at.
  if (dateFields.length === 0 || staged.unreadDates === 0) return new Map();
  const parts = dateFields.map((f) => {
    const raw = `p.${rawColumn(f.name)}`;
    return `SELECT ${sqlConstant(f.name)} AS field, ${raw} AS value, p.line,
      pi_date_looks_us(${raw}) AS us, pi_date_ambiguous(${raw}) AS amb
    FROM ${staged.rows} WHERE ${raw} IS NOT NULL`;
  });
  const rows = await engine.query(
    `SELECT field, count(*) FILTER (WHERE us)::INTEGER AS month_day, count(*) FILTER (WHERE amb)::INTEGER AS ambiguous,
       min(line) FILTER (WHERE us)::INTEGER AS line, arg_min(value, line) FILTER (WHERE us) AS value
     FROM (${parts.join('\nUNION ALL\n')}) GROUP BY field`,
    [],
    detectionRow,
  );
  return new Map(
    rows.map((r) => [
      r.field,
      {
        field: r.field,
        monthDayCount: r.month_day,
        ambiguousCount: r.ambiguous,
        example: r.line !== null && r.value !== null ? { line: r.line, value: r.value } : null,
        dayMonthCount: 0,
        dayMonthExample: null,
      },
    ]),
  );
}

const dayMonthRow = z.object({ field: z.string(), n: z.number(), line: z.number(), value: z.string() });

/**
 * For the columns the user is to be asked about: how many dates can only be day/month (13/04/2025), and
 * the first of them — the evidence against month/day, said beside the evidence for it. The read keeps
 * no text of a date it could read, so the file's text is looked at again, for these columns only (a
 * file with doubtful dates is read twice already; a plain file never comes here).
 */
export async function countDayMonthDates(
  engine: Engine,
  plan: ReadPlan,
  staged: StagedRows,
  fields: readonly string[],
): Promise<Map<string, { dayMonthCount: number; dayMonthExample: { line: number; value: string } | null }>> {
  if (fields.length === 0) return new Map();
  const texts = dateTextsSql(plan.matches, csvLayoutOf(plan, readStyleOf(plan.scan)), fields);
  const parts = fields.map(
    (field) => `SELECT ${sqlConstant(field)} AS field, t.${field}__txt AS value, p.line
    FROM ${staged.rows} JOIN ${texts} t ON t.rec = p.rec WHERE pi_date_looks_uk(t.${field}__txt)`,
  );
  const rows = await engine.query(
    `SELECT field, count(*)::INTEGER AS n, min(line)::INTEGER AS line, arg_min(value, line) AS value
     FROM (${parts.join('\nUNION ALL\n')}) GROUP BY field`,
    [],
    dayMonthRow,
  );
  return new Map(
    fields.map((field) => {
      const row = rows.find((r) => r.field === field);
      return [
        field,
        { dayMonthCount: row?.n ?? 0, dayMonthExample: row ? { line: row.line, value: row.value } : null },
      ];
    }),
  );
}

/** Date columns worth showing in the load report: read as month/day, unsure, or holding month/day dates. */
export function dateColumnReports(
  detections: ReadonlyMap<string, Omit<DateColumnReport, 'order'>>,
  orders: DateOrderMap,
): DateColumnReport[] {
  const fields = new Set([...detections.keys(), ...[...orders].filter(([, o]) => o !== 'dmy').map(([f]) => f)]);
  return [...fields].flatMap((field) => {
    const order: DateOrder = orders.get(field) ?? 'dmy';
    const found = detections.get(field) ?? {
      field,
      monthDayCount: 0,
      ambiguousCount: 0,
      example: null,
      dayMonthCount: 0,
      dayMonthExample: null,
    };
    if (order === 'dmy' && found.monthDayCount === 0) return [];
    return [{ ...found, order }];
  });
}

async function storeFormulaCells(engine: Engine, cells: readonly FormulaCell[]): Promise<void> {
  await engine.run(
    'CREATE OR REPLACE TEMP TABLE pi_formula_cells (line INTEGER, column_index INTEGER, formula VARCHAR)',
  );
  await insertRows(
    engine,
    'pi_formula_cells',
    cells.map((c) => [c.line, c.column, c.formula]),
  );
}

/** Rows the checks reject, and rows that load with a warning (a bad optional value left empty). */
export interface ProblemCounts {
  rejectedRows: number;
  warnedRows: number;
}

const NO_PROBLEM_ROWS: ProblemCounts = { rejectedRows: 0, warnedRows: 0 };

/**
 * The check stage: every reason a staged row cannot be loaded as it is goes to `pi_problems` (one row
 * per row, column and reason, and whether it is only a warning; the read stage leaves it empty).
 * Returns how many rows are rejected and how many load with warnings.
 */
export async function checkRows(
  engine: Engine,
  plan: { dataset: DatasetDefinition; matches: readonly ColumnMatch[] },
  staged: StagedRows,
  options: { dateOrders: DateOrderMap; unclosedQuoteLine: number | null; formulaCells: readonly FormulaCell[] },
): Promise<ProblemCounts> {
  const formulaColumns = new Set(options.formulaCells.map((c) => c.column));
  const formulaFields = plan.matches
    .filter((m) => formulaColumns.has(m.columnIndex))
    .map((m) => ({ field: m.field, columnIndex: m.columnIndex }));
  if (formulaFields.length > 0) await storeFormulaCells(engine, options.formulaCells);
  // A quote that never closes: DuckDB either rejected its row (already counted) or swallowed the rest of
  // the file into the last row, which is then a problem row.
  const unclosedQuoteLine =
    options.unclosedQuoteLine !== null && !staged.structural.some((r) => r.line === options.unclosedQuoteLine)
      ? options.unclosedQuoteLine
      : null;
  // Without formula cells or an unclosed quote, the rows with a problem were counted as they were
  // numbered (problemRowSql: the same conditions): a clean file needs no scan here.
  if (formulaFields.length === 0 && unclosedQuoteLine === null && staged.problemRows === 0) return NO_PROBLEM_ROWS;
  await engine.run(
    problemsTableSql(plan.dataset, staged.rows, {
      headerWidth: staged.headerWidth,
      unclosedQuoteLine,
      dateOrders: options.dateOrders,
      formulaFields,
    }),
  );
  return countProblemRows(engine);
}

/** How many staged rows are rejected, and how many of the others have a warning. */
export async function countProblemRows(engine: Engine): Promise<ProblemCounts> {
  const [count] = await engine.query(
    `SELECT count(DISTINCT rec) FILTER (WHERE NOT warning)::INTEGER AS rejected,
       count(DISTINCT rec) FILTER (WHERE warning AND rec NOT IN ${REJECTED_RECS})::INTEGER AS warned
     FROM pi_problems`,
    [],
    z.object({ rejected: z.number(), warned: z.number() }),
  );
  return { rejectedRows: count?.rejected ?? 0, warnedRows: count?.warned ?? 0 };
}

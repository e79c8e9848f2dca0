import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { ownValue } from '../shared/own';
import {
  checkRows,
  countDayMonthDates,
  dateColumnReports,
  detectDateOrders,
  type FormulaCell,
  type ProblemCounts,
} from './check-stage';
import type { DateOrderMap } from './conversion-sql';
import type { ChosenDateOrder, DateColumnReport, DateOrder } from './date-order';
import { numberStagedRows, type ReadPlan, readRows, type StagedRows } from './read-stage';

export interface CheckedRows {
  staged: StagedRows;
  problems: ProblemCounts;
  unclosedQuoteLine: number | null;
  dateColumns: DateColumnReport[];
}

/** How date columns are first read: as the user chose (day/month or month/day), else day/month. */
export function firstDateOrders(
  dataset: DatasetDefinition,
  chosenOrders: Readonly<Record<string, ChosenDateOrder>> | undefined,
): Map<string, DateOrder> {
  return new Map<string, DateOrder>(
    dataset.fields.flatMap((f) => {
      const chosen = f.type.kind === 'date' ? ownValue(chosenOrders, f.name) : undefined;
      return chosen === 'dmy' || chosen === 'mdy' ? [[f.name, chosen] as const] : [];
    }),
  );
}

/**
 * Read, then check. Dates are read day/month unless the user chose otherwise for a column; a column
 * found to hold month/day-only dates is read again as "unsure", so its dates that could be either are
 * rejected rather than guessed (a second read, only for such files). With `alreadyRead` the first read
 * was made while the file was scanned (see load-file) and only its rows are numbered here.
 */
export async function checkAndRead(
  engine: Engine,
  plan: ReadPlan,
  options: {
    chosenOrders: Readonly<Record<string, ChosenDateOrder>> | undefined;
    formulaCells: readonly FormulaCell[];
    onChecking: () => Promise<void>;
    /** `pi_parsed` already holds the file, read while it was scanned with the style the scan asks for. */
    alreadyRead?: boolean;
  },
): Promise<CheckedRows> {
  const orders = new Map(firstDateOrders(plan.dataset, options.chosenOrders));
  let staged = options.alreadyRead ? await numberStagedRows(engine, plan) : await readRows(engine, plan, orders);
  let detections = await detectDateOrders(engine, plan.dataset, plan.matches, staged);
  const unsure = [...detections.values()].filter((d) => d.monthDayCount > 0 && !orders.has(d.field));
  if (unsure.length > 0) {
    for (const d of unsure) orders.set(d.field, 'unsure');
    staged = await readRows(engine, plan, orders);
    detections = await detectDateOrders(engine, plan.dataset, plan.matches, staged);
    // The user will be asked which way these columns are written: say the evidence both ways.
    const fields = unsure.map((d) => d.field);
    const dayMonth = await countDayMonthDates(engine, plan, staged, fields);
    for (const field of fields) {
      const found = detections.get(field);
      const evidence = dayMonth.get(field);
      if (found && evidence) detections.set(field, { ...found, ...evidence });
    }
  }
  await options.onChecking();
  const unclosedQuoteLine = plan.scan.unclosedQuoteRecord;
  const problems = await checkRows(engine, plan, staged, {
    dateOrders: orders as DateOrderMap,
    unclosedQuoteLine,
    formulaCells: options.formulaCells,
  });
  return { staged, problems, unclosedQuoteLine, dateColumns: dateColumnReports(detections, orders) };
}

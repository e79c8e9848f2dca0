import type { Engine } from '../engine/engine';
import { ownValue } from '../shared/own';
import { checkRows, dateColumnReports, detectDateOrders, type FormulaCell } from './check-stage';
import type { DateOrderMap } from './conversion-sql';
import type { ChosenDateOrder, DateColumnReport, DateOrder } from './date-order';
import { type ReadPlan, readRows, type StagedRows } from './read-stage';

export interface CheckedRows {
  staged: StagedRows;
  problemRows: number;
  unclosedQuoteLine: number | null;
  dateColumns: DateColumnReport[];
}

/**
 * Read, then check. Dates are read day/month unless the user chose otherwise for a column; a column
 * found to hold month/day-only dates is read again as "unsure", so its dates that could be either are
 * rejected rather than guessed (a second read, only for such files).
 */
export async function checkAndRead(
  engine: Engine,
  plan: ReadPlan,
  options: {
    chosenOrders: Readonly<Record<string, ChosenDateOrder>> | undefined;
    formulaCells: readonly FormulaCell[];
    onChecking: () => Promise<void>;
  },
): Promise<CheckedRows> {
  const orders = new Map<string, DateOrder>(
    plan.dataset.fields.flatMap((f) => {
      const chosen = f.type.kind === 'date' ? ownValue(options.chosenOrders, f.name) : undefined;
      return chosen === 'dmy' || chosen === 'mdy' ? [[f.name, chosen] as const] : [];
    }),
  );
  let staged = await readRows(engine, plan, orders);
  let detections = await detectDateOrders(engine, plan.dataset, plan.matches, staged);
  const unsure = [...detections.values()].filter((d) => d.monthDayCount > 0 && !orders.has(d.field));
  if (unsure.length > 0) {
    for (const d of unsure) orders.set(d.field, 'unsure');
    staged = await readRows(engine, plan, orders);
    detections = await detectDateOrders(engine, plan.dataset, plan.matches, staged);
  }
  await options.onChecking();
  const unclosedQuoteLine = plan.scan.unclosedQuoteRecord;
  const problemRows = await checkRows(engine, plan, staged, {
    dateOrders: orders as DateOrderMap,
    unclosedQuoteLine,
    formulaCells: options.formulaCells,
  });
  return { staged, problemRows, unclosedQuoteLine, dateColumns: dateColumnReports(detections, orders) };
}

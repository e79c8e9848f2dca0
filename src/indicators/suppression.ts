/**
 * Small-number suppression for publishable tables, following the DfE children's statistics convention
 * (publishing.md §3): counts of 1 to 5 are shown as `c`; secondary suppression hides further cells so
 * that no hidden count can be worked out from a row, column or grand total; a rate or percentage is
 * withheld when its numerator or denominator is hidden. 0 is a true zero and is never hidden by the first
 * rule. Series published at several granularities are protected together in publication.ts.
 */
import { DEFAULT_THRESHOLD, protectCells, type Relation, SUPPRESSED } from './disclosure';

export { DEFAULT_THRESHOLD, isSmall, SUPPRESSED } from './disclosure';

export type Published = number | typeof SUPPRESSED | null;

/** A table of counts with (optionally) its row and column totals, as published. */
export interface CountTable {
  /** cells[row][column]; null = not available (never suppressed, never counted). */
  cells: readonly (readonly (number | null)[])[];
  /** Whether a total of each row is published (so a single hidden cell in a row could be recovered). */
  rowTotals: boolean;
  columnTotals: boolean;
}

export interface SuppressedTable {
  cells: Published[][];
  hidden: boolean[][];
  rowTotals: Published[] | null;
  columnTotals: Published[] | null;
  grandTotal: Published | null;
}

/**
 * Primary then secondary suppression of a table whose totals are cells too: row totals, column totals
 * and the grand total are protected with the body (disclosure.ts), so no hidden count can be worked out
 * from any of them — by one subtraction or by a chain of them.
 */
export function suppressTable(table: CountTable, threshold = DEFAULT_THRESHOLD): SuppressedTable {
  const rows = table.cells.length;
  const cols = Math.max(0, ...table.cells.map((r) => r.length));
  const value = (r: number, c: number) => table.cells[r]?.[c] ?? null;
  const sum = (ns: (number | null)[]) => ns.reduce<number>((a, n) => a + (n ?? 0), 0);
  const body = (r: number, c: number) => r * cols + c;
  const values: (number | null)[] = [];
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < cols; c += 1) values.push(value(r, c));
  const relations: Relation[] = [];
  const rowTotalAt: number[] = [];
  const colTotalAt: number[] = [];
  if (table.rowTotals) {
    for (let r = 0; r < rows; r += 1) {
      rowTotalAt.push(values.push(sum(Array.from({ length: cols }, (_, c) => value(r, c)))) - 1);
      relations.push({ total: rowTotalAt[r] as number, parts: rowCells(r) });
    }
  }
  if (table.columnTotals) {
    for (let c = 0; c < cols; c += 1) {
      colTotalAt.push(values.push(sum(Array.from({ length: rows }, (_, r) => value(r, c)))) - 1);
      relations.push({ total: colTotalAt[c] as number, parts: Array.from({ length: rows }, (_, r) => body(r, c)) });
    }
  }
  let grandAt: number | null = null;
  if (table.rowTotals || table.columnTotals) {
    grandAt = values.push(sum(values.slice(0, rows * cols))) - 1;
    if (table.rowTotals) relations.push({ total: grandAt, parts: rowTotalAt });
    if (table.columnTotals) relations.push({ total: grandAt, parts: colTotalAt });
    relations.push({ total: grandAt, parts: values.slice(0, rows * cols).map((_, i) => i) });
  }
  function rowCells(r: number) {
    return Array.from({ length: cols }, (_, c) => body(r, c));
  }
  const hidden = protectCells(values, relations, threshold);
  const publish = (i: number): Published =>
    values[i] === null ? null : hidden[i] ? SUPPRESSED : (values[i] as number);
  return {
    cells: table.cells.map((row, r) => row.map((_, c) => publish(body(r, c)))),
    hidden: table.cells.map((row, r) => row.map((_, c) => hidden[body(r, c)] === true)),
    rowTotals: table.rowTotals ? rowTotalAt.map(publish) : null,
    columnTotals: table.columnTotals ? colTotalAt.map(publish) : null,
    grandTotal: grandAt === null ? null : publish(grandAt),
  };
}

export interface RateCell {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface PublishedRateCell {
  numerator: Published;
  denominator: Published;
  /** Withheld (`c`) when the numerator or denominator is hidden. */
  value: Published;
  suppressed: boolean;
}

/**
 * Suppresses an indicator table: rows (e.g. agencies) × columns (e.g. periods) of numerator /
 * denominator / value. Numerators and denominators are each protected against their totals; a value is
 * withheld when either of its parts is hidden. For a count indicator (no denominator) the value is the
 * numerator and is hidden with it.
 */
export function suppressIndicatorTable(
  cells: readonly (readonly RateCell[])[],
  options: { rowTotals: boolean; columnTotals: boolean; threshold?: number },
): PublishedRateCell[][] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const numerators = suppressTable({ ...options, cells: cells.map((r) => r.map((c) => c.numerator)) }, threshold);
  const denominators = suppressTable({ ...options, cells: cells.map((r) => r.map((c) => c.denominator)) }, threshold);
  return cells.map((row, r) =>
    row.map((cell, c) => {
      const hideNumerator = numerators.hidden[r]?.[c] === true;
      const hideDenominator = denominators.hidden[r]?.[c] === true;
      const suppressed = hideNumerator || hideDenominator;
      return {
        numerator: numerators.cells[r]?.[c] ?? null,
        denominator: denominators.cells[r]?.[c] ?? null,
        value: cell.value === null ? null : suppressed ? SUPPRESSED : cell.value,
        suppressed,
      };
    }),
  );
}

/** A single series (one row of periods, no totals published): primary suppression and withheld rates. */
export function suppressSeries(points: readonly RateCell[], threshold = DEFAULT_THRESHOLD): PublishedRateCell[] {
  return suppressIndicatorTable([points], { rowTotals: false, columnTotals: false, threshold })[0] ?? [];
}

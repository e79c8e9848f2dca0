/**
 * Small-number suppression for publishable outputs, following the DfE children's statistics convention
 * (domain.md §3.3): counts of 1 to 5 are shown as `c`; secondary suppression hides further cells so that
 * no hidden count can be worked out from a row or column total; a rate or percentage is withheld when
 * its numerator or denominator is hidden. 0 is a true zero and is never hidden by the first rule.
 */

export const SUPPRESSED = 'c';
export const DEFAULT_THRESHOLD = 5;

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

export const isSmall = (n: number | null, threshold = DEFAULT_THRESHOLD): boolean =>
  n !== null && n >= 1 && n <= threshold;

/**
 * Primary then secondary suppression. In any line (row or column) whose total is published and that
 * has exactly one hidden cell, the smallest other count in that line is hidden too (a non-zero one if
 * there is one); this repeats until no line gives a hidden cell away. A total of 1–5 is itself hidden.
 */
export function suppressTable(table: CountTable, threshold = DEFAULT_THRESHOLD): SuppressedTable {
  const rows = table.cells.length;
  const cols = Math.max(0, ...table.cells.map((r) => r.length));
  const value = (r: number, c: number) => table.cells[r]?.[c] ?? null;
  const hidden = table.cells.map((row) => row.map((n) => isSmall(n, threshold)));
  const sum = (ns: (number | null)[]) => ns.reduce<number>((a, n) => a + (n ?? 0), 0);
  const rowTotal = (r: number) => sum(Array.from({ length: cols }, (_, c) => value(r, c)));
  const colTotal = (c: number) => sum(Array.from({ length: rows }, (_, r) => value(r, c)));

  const lines: { cells: [number, number][]; total: number }[] = [];
  if (table.rowTotals) {
    for (let r = 0; r < rows; r += 1) {
      lines.push({ cells: Array.from({ length: cols }, (_, c) => [r, c] as [number, number]), total: rowTotal(r) });
    }
  }
  if (table.columnTotals) {
    for (let c = 0; c < cols; c += 1) {
      lines.push({ cells: Array.from({ length: rows }, (_, r) => [r, c] as [number, number]), total: colTotal(c) });
    }
  }
  const isHidden = (r: number, c: number) => hidden[r]?.[c] === true;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const present = line.cells.filter(([r, c]) => value(r, c) !== null);
      const hiddenCells = present.filter(([r, c]) => isHidden(r, c));
      // A hidden total protects its line; one hidden cell next to a shown total does not.
      if (hiddenCells.length !== 1 || isSmall(line.total, threshold)) continue;
      const candidates = present
        .filter(([r, c]) => !isHidden(r, c))
        .sort(([r1, c1], [r2, c2]) => {
          const a = value(r1, c1) as number;
          const b = value(r2, c2) as number;
          return (a === 0 ? 1 : 0) - (b === 0 ? 1 : 0) || a - b;
        });
      const pick = candidates[0];
      if (pick) {
        (hidden[pick[0]] as boolean[])[pick[1]] = true;
        changed = true;
      }
    }
  }
  const publish = (n: number | null, hide: boolean): Published => (n === null ? null : hide ? SUPPRESSED : n);
  const rowTotals = table.rowTotals
    ? Array.from({ length: rows }, (_, r) => publish(rowTotal(r), isSmall(rowTotal(r), threshold)))
    : null;
  const columnTotals = table.columnTotals
    ? Array.from({ length: cols }, (_, c) => publish(colTotal(c), isSmall(colTotal(c), threshold)))
    : null;
  const grand = sum(table.cells.map((_, r) => rowTotal(r)));
  return {
    cells: table.cells.map((row, r) => row.map((n, c) => publish(n, isHidden(r, c)))),
    hidden,
    rowTotals,
    columnTotals,
    grandTotal: table.rowTotals || table.columnTotals ? publish(grand, isSmall(grand, threshold)) : null,
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

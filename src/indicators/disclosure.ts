/**
 * Disclosure control for everything the tool publishes. Cells are counts (any granularity, any table,
 * totals included); relations say which cells add up to which (a quarter is the sum of its months, a
 * row total the sum of its row). Counts of 1–5 are hidden first; then, while anyone holding every
 * published cell could work out a hidden one exactly — by subtracting, or by any combination of the
 * published sums — one more cell is hidden. "Could work out" is decided by linear algebra: a hidden cell
 * is recoverable when it is fixed by the equations of the relations once the published values are put
 * in, which covers every subtraction and every chain of them.
 */

export const SUPPRESSED = 'c';
export const DEFAULT_THRESHOLD = 5;

export const isSmall = (n: number | null, threshold = DEFAULT_THRESHOLD): boolean =>
  n !== null && n >= 1 && n <= threshold;

/** total = Σ parts (cell indices). A relation with a missing (null) cell is not usable by anyone. */
export interface Relation {
  total: number;
  parts: readonly number[];
}

const EPSILON = 1e-9;

/**
 * Indices of hidden cells whose value follows exactly from the published cells and the relations.
 * Gaussian elimination to reduced row-echelon form over the hidden cells; a hidden cell is fixed when
 * some reduced equation involves it alone.
 */
export function recoverableCells(
  values: readonly (number | null)[],
  relations: readonly Relation[],
  hidden: readonly boolean[],
): number[] {
  const unknowns = values.flatMap((v, i) => (v !== null && hidden[i] ? [i] : []));
  if (unknowns.length === 0) return [];
  const column = new Map(unknowns.map((cell, j) => [cell, j]));
  const rows: number[][] = [];
  for (const relation of relations) {
    const members = [relation.total, ...relation.parts];
    if (members.some((m) => values[m] === null || values[m] === undefined)) continue;
    if (!members.some((m) => hidden[m])) continue;
    // total − Σ parts = 0, with the published members moved to the right-hand side (the last column).
    const row = new Array<number>(unknowns.length + 1).fill(0);
    const add = (cell: number, sign: number) => {
      const j = column.get(cell);
      if (j !== undefined) row[j] = (row[j] as number) + sign;
      else row[unknowns.length] = (row[unknowns.length] as number) - sign * (values[cell] as number);
    };
    add(relation.total, 1);
    for (const part of relation.parts) add(part, -1);
    rows.push(row);
  }
  return determined(rows, unknowns.length).map((j) => unknowns[j] as number);
}

/** Columns (< n) fixed by the linear system `rows` (each row: n coefficients and a constant). */
function determined(rows: number[][], n: number): number[] {
  let pivotRow = 0;
  const pivots: number[] = [];
  for (let col = 0; col < n && pivotRow < rows.length; col += 1) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r += 1) {
      if (Math.abs((rows[r] as number[])[col] as number) > Math.abs((rows[best] as number[])[col] as number)) best = r;
    }
    if (Math.abs((rows[best] as number[])[col] as number) < EPSILON) continue;
    [rows[pivotRow], rows[best]] = [rows[best] as number[], rows[pivotRow] as number[]];
    const pivot = rows[pivotRow] as number[];
    const scale = pivot[col] as number;
    for (let k = col; k <= n; k += 1) pivot[k] = (pivot[k] as number) / scale;
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r] as number[];
      const factor = row[col] as number;
      if (r === pivotRow || Math.abs(factor) < EPSILON) continue;
      for (let k = col; k <= n; k += 1) row[k] = (row[k] as number) - factor * (pivot[k] as number);
    }
    pivots.push(col);
    pivotRow += 1;
  }
  return pivots.filter((col, r) => {
    const row = rows[r] as number[];
    for (let k = 0; k < n; k += 1) if (k !== col && Math.abs(row[k] as number) > EPSILON) return false;
    return true;
  });
}

/** The published cells that share a relation with `cell`, the best to hide first. */
function candidatesNear(
  cell: number,
  values: readonly (number | null)[],
  relations: readonly Relation[],
  hidden: boolean[],
) {
  const near = new Set<number>();
  for (const relation of relations) {
    const members = [relation.total, ...relation.parts];
    if (!members.includes(cell)) continue;
    for (const m of members) if (!hidden[m] && values[m] !== null && values[m] !== undefined) near.add(m);
  }
  // Prefer a non-zero count (a hidden zero protects little once zeros are shown), then the smallest, then
  // a part rather than a total (totals are what readers look at first).
  const isTotal = new Set(relations.map((r) => r.total));
  return [...near].sort((a, b) => {
    const va = values[a] as number;
    const vb = values[b] as number;
    return (
      (va === 0 ? 1 : 0) - (vb === 0 ? 1 : 0) || va - vb || Number(isTotal.has(a)) - Number(isTotal.has(b)) || a - b
    );
  });
}

/**
 * Which cells to hide: every count of 1–5, then, until no hidden cell can be worked out, one more cell.
 * The next cell is chosen by looking one step ahead: of the published cells that share a relation with
 * an exposed one, the one whose hiding leaves the fewest cells exposed (hiding a year's total can stop
 * what would otherwise take a month in every quarter), then the smallest non-zero. Null cells are not
 * published and never hidden.
 */
export function protectCells(
  values: readonly (number | null)[],
  relations: readonly Relation[],
  threshold = DEFAULT_THRESHOLD,
): boolean[] {
  const hidden = values.map((v) => isSmall(v, threshold));
  let exposed = recoverableCells(values, relations, hidden);
  while (exposed.length > 0) {
    let candidates = [...new Set(exposed.flatMap((cell) => candidatesNear(cell, values, relations, hidden)))];
    // A hidden zero can be fixed by relations whose members are all hidden: widen the search.
    if (candidates.length === 0)
      candidates = [...new Set(relations.flatMap((r) => candidatesNear(r.total, values, relations, hidden)))];
    let best: { cell: number; exposed: number[] } | null = null;
    for (const cell of candidates) {
      hidden[cell] = true;
      const after = recoverableCells(values, relations, hidden);
      hidden[cell] = false;
      if (!best || after.length < best.exposed.length) best = { cell, exposed: after };
      if (after.length === 0) break; // candidates come best-first, so the first that clears all wins
    }
    if (!best) return hidden;
    hidden[best.cell] = true;
    exposed = best.exposed;
  }
  return hidden;
}

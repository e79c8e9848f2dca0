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
 * Whether a hidden cell is fixed depends only on the coefficients of the hidden cells in the equations
 * (the published values only move the right-hand side), so the equations are reduced — sparse Gaussian
 * elimination to reduced row-echelon form over the hidden cells — and a hidden cell is fixed when some
 * reduced equation involves it alone.
 */
export function recoverableCells(
  values: readonly (number | null)[],
  relations: readonly Relation[],
  hidden: readonly boolean[],
): number[] {
  const basis = new Map<number, Map<number, number>>();
  for (const relation of relations) {
    const members = [relation.total, ...relation.parts];
    if (members.some((m) => values[m] === null || values[m] === undefined)) continue;
    const row = new Map<number, number>();
    const add = (cell: number, sign: number) => {
      if (hidden[cell]) row.set(cell, (row.get(cell) ?? 0) + sign);
    };
    add(relation.total, 1);
    for (const part of relation.parts) add(part, -1);
    for (const [cell, coefficient] of row) if (Math.abs(coefficient) < EPSILON) row.delete(cell);
    if (row.size > 0) insertRow(basis, row);
  }
  const fixed: number[] = [];
  for (const [pivot, row] of basis) if (row.size === 1) fixed.push(pivot);
  return fixed.sort((a, b) => a - b);
}

/**
 * Hidden cells pinned by bounds rather than by equations: a count is never negative, and a hidden count
 * shown as `c` is read as at least 1. So where a relation's total and some of its parts are published
 * and the hidden parts must add up to what is left, a remainder of 0 pins each hidden part at 0, and a
 * remainder equal to the number of hidden parts pins each at 1 (six hidden months under a published
 * year of 6). Those parts are exposed as surely as by subtraction.
 */
export function boundExposedCells(
  values: readonly (number | null)[],
  relations: readonly Relation[],
  hidden: readonly boolean[],
): number[] {
  const exposed = new Set<number>();
  for (const relation of relations) {
    const total = values[relation.total];
    if (hidden[relation.total] || total === null || total === undefined) continue;
    if (relation.parts.some((p) => values[p] === null || values[p] === undefined)) continue;
    const hiddenParts = relation.parts.filter((p) => hidden[p]);
    if (hiddenParts.length === 0) continue;
    const rest = relation.parts.reduce((sum, p) => (hidden[p] ? sum : sum + (values[p] as number)), 0);
    const remainder = total - rest;
    if (Math.abs(remainder) < EPSILON || Math.abs(remainder - hiddenParts.length) < EPSILON) {
      for (const p of hiddenParts) exposed.add(p);
    }
  }
  return [...exposed].sort((a, b) => a - b);
}

/** Every hidden cell that can be worked out: by equations (recoverableCells) or by bounds. */
export function exposedCells(
  values: readonly (number | null)[],
  relations: readonly Relation[],
  hidden: readonly boolean[],
): number[] {
  const all = new Set([
    ...recoverableCells(values, relations, hidden),
    ...boundExposedCells(values, relations, hidden),
  ]);
  return [...all].sort((a, b) => a - b);
}

/** row ← row − factor × other, dropping what cancels. */
function subtractRow(row: Map<number, number>, other: ReadonlyMap<number, number>, factor: number) {
  for (const [cell, coefficient] of other) {
    const next = (row.get(cell) ?? 0) - factor * coefficient;
    if (Math.abs(next) < EPSILON) row.delete(cell);
    else row.set(cell, next);
  }
}

/**
 * Adds an equation to a basis kept in reduced row-echelon form (pivot cell → its row, pivot
 * coefficient 1, no other row holding that cell).
 */
function insertRow(basis: Map<number, Map<number, number>>, row: Map<number, number>) {
  for (const cell of [...row.keys()]) {
    const pivotRow = basis.get(cell);
    const factor = row.get(cell);
    if (pivotRow && factor !== undefined) subtractRow(row, pivotRow, factor);
  }
  if (row.size === 0) return;
  // The pivot: the cell with the largest coefficient (stable), scaled to 1.
  let pivot = -1;
  let best = 0;
  for (const [cell, coefficient] of row) {
    if (Math.abs(coefficient) > best + EPSILON || (Math.abs(Math.abs(coefficient) - best) <= EPSILON && cell < pivot)) {
      pivot = cell;
      best = Math.abs(coefficient);
    }
  }
  const scale = row.get(pivot) as number;
  for (const [cell, coefficient] of row) row.set(cell, coefficient / scale);
  for (const other of basis.values()) {
    const factor = other.get(pivot);
    if (factor !== undefined) subtractRow(other, row, factor);
  }
  basis.set(pivot, row);
}

interface RelationIndex {
  /** The relations each cell is a member of. */
  of: Map<number, Relation[]>;
  totals: Set<number>;
}

function indexRelations(relations: readonly Relation[]): RelationIndex {
  const of = new Map<number, Relation[]>();
  for (const relation of relations) {
    for (const m of new Set([relation.total, ...relation.parts])) {
      const list = of.get(m) ?? [];
      list.push(relation);
      of.set(m, list);
    }
  }
  return { of, totals: new Set(relations.map((r) => r.total)) };
}

/** Relations with more members than this (a range of sixty months) are far-reaching, not local. */
const LOCAL_RELATION = 13;

/**
 * The published cells that share a relation with any of `cells`, the best to hide first: those in a
 * local relation (a quarter and its months, a table row, a year and its quarters) before those only in
 * a far-reaching one (a range of sixty months), then a non-zero count (a hidden zero protects little once zeros are shown), then the
 * smallest, then a part rather than a total (totals are what readers look at first).
 */
function candidatesNear(
  cells: readonly number[],
  values: readonly (number | null)[],
  index: RelationIndex,
  hidden: boolean[],
): number[] {
  const near = new Map<number, number>();
  for (const cell of cells) {
    for (const relation of index.of.get(cell) ?? []) {
      const size = relation.parts.length + 1 > LOCAL_RELATION ? 1 : 0;
      for (const m of [relation.total, ...relation.parts]) {
        if (hidden[m] || values[m] === null || values[m] === undefined) continue;
        near.set(m, Math.min(size, near.get(m) ?? Number.POSITIVE_INFINITY));
      }
    }
  }
  return [...near.keys()].sort((a, b) => {
    const va = values[a] as number;
    const vb = values[b] as number;
    return (
      (near.get(a) as number) - (near.get(b) as number) ||
      (va === 0 ? 1 : 0) - (vb === 0 ? 1 : 0) ||
      va - vb ||
      Number(index.totals.has(a)) - Number(index.totals.has(b)) ||
      a - b
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
  /** Cells hidden from the start, besides the small counts (parts of hidden wholes: protectWithin). */
  start?: readonly boolean[],
): boolean[] {
  const hidden = values.map((v, i) => isSmall(v, threshold) || (start?.[i] === true && v !== null));
  // Cells no relation connects cannot tell each other anything: each connected group is protected alone.
  for (const group of connectedGroups(values.length, relations)) {
    if (!group.cells.some((cell) => hidden[cell])) continue;
    const local = new Map(group.cells.map((cell, i) => [cell, i]));
    const subHidden = protectGroup(
      group.cells.map((cell) => values[cell] ?? null),
      group.relations.map((r) => ({
        total: local.get(r.total) as number,
        parts: r.parts.map((p) => local.get(p) as number),
      })),
      group.cells.map((cell) => hidden[cell] === true),
    );
    group.cells.forEach((cell, i) => {
      hidden[cell] = subHidden[i] === true;
    });
  }
  return hidden;
}

/** A count that is part of another: the notifications on time of the notifications (part ≤ whole). */
export interface Within {
  part: number;
  whole: number;
}

/**
 * protectCells where some counts are parts of others. A part shown beside its hidden whole bounds the
 * whole from below ("7 on time" of `c` notifications: at least 7), which with the sums can pin it (a
 * year of 8 in two hidden quarters, one at least 7 and the other at least 1). So a part is hidden
 * wherever its whole is, and the protection runs again from everything hidden so far, until no whole is
 * hidden with a part shown. A 0 stays shown, as in the DfE's tables ("0 of c", the rate withheld): it
 * bounds nothing, and a hidden 0 is too often pinned by coincidences (a quarter equal to its last
 * month) that no further hiding can break.
 */
export function protectWithin(
  values: readonly (number | null)[],
  relations: readonly Relation[],
  within: readonly Within[],
  threshold = DEFAULT_THRESHOLD,
): boolean[] {
  let hidden = protectCells(values, relations, threshold);
  for (;;) {
    const shownParts = within.filter((w) => hidden[w.whole] && !hidden[w.part] && (values[w.part] ?? 0) > 0);
    if (shownParts.length === 0) return hidden;
    const start = [...hidden];
    for (const w of shownParts) start[w.part] = true;
    hidden = protectCells(values, relations, threshold, start);
  }
}

/** Disjoint sets over 0…size−1: `parent` to join two roots, `find` for a cell's root (paths halved as it goes). */
export function unionFind(size: number) {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) [x, parent[x]] = [parent[x] as number, root];
    return root;
  };
  return { parent, find };
}

/** The cells joined by relations, group by group (union–find); cells in no relation are left out. */
export function connectedGroups(
  size: number,
  relations: readonly Relation[],
): { cells: number[]; relations: Relation[] }[] {
  const { parent, find } = unionFind(size);
  for (const r of relations) for (const p of r.parts) parent[find(p)] = find(r.total);
  const groups = new Map<number, { cells: number[]; relations: Relation[] }>();
  const groupOf = (cell: number) => {
    const root = find(cell);
    let group = groups.get(root);
    if (!group) {
      group = { cells: [], relations: [] };
      groups.set(root, group);
    }
    return group;
  };
  const inRelation = new Set(relations.flatMap((r) => [r.total, ...r.parts]));
  for (const cell of [...inRelation].sort((a, b) => a - b)) groupOf(cell).cells.push(cell);
  for (const r of relations) groupOf(r.total).relations.push(r);
  return [...groups.values()];
}

/** Above this many exposed cells, one cell next to each is hidden at once (no looking ahead). */
const BATCH_ABOVE = 4;
/** How many candidates are tried when looking one step ahead. */
const LOOKAHEAD = 12;

/** protectCells for one connected group, starting from the cells already hidden. */
function protectGroup(values: readonly (number | null)[], relations: readonly Relation[], start: boolean[]): boolean[] {
  const hidden = start;
  const index = indexRelations(relations);
  let exposed = exposedCells(values, relations, hidden);
  while (exposed.length > 0) {
    if (exposed.length > BATCH_ABOVE) {
      // Many exposed at once (a large pack): hide the best neighbour of each, then look again.
      let hid = false;
      for (const cell of exposed) {
        const next = candidatesNear([cell], values, index, hidden)[0];
        if (next !== undefined) {
          hidden[next] = true;
          hid = true;
        }
      }
      if (hid) {
        exposed = exposedCells(values, relations, hidden);
        continue;
      }
    }
    let candidates = candidatesNear(exposed, values, index, hidden);
    // A hidden zero can be fixed by relations whose members are all hidden: widen the search.
    if (candidates.length === 0)
      candidates = candidatesNear(
        relations.map((r) => r.total),
        values,
        index,
        hidden,
      );
    let best: { cell: number; exposed: number[] } | null = null;
    for (const cell of candidates.slice(0, LOOKAHEAD)) {
      hidden[cell] = true;
      const after = exposedCells(values, relations, hidden);
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

import type { Relation } from '../indicators/disclosure';
import type { JointPublication } from '../indicators/joint-disclosure';
import type { Composition } from '../indicators/profiles';
import type { PackViewId } from './pack-view-ids';

/**
 * A view's table (closure reasons by period, standards met by agency, grades by domain, recommendations
 * by owner) before and after disclosure control. Counts are cells; a share cell has two (how many met,
 * out of how many); a table drawn as stacked bars also publishes each row's total.
 */
export interface TableDraft {
  id: PackViewId;
  title: string;
  description: string;
  rowLabel: string;
  columnLabel: string;
  /** What the table covers, in words ("2024-25 to 31/03/2025"). */
  coverage: string;
  /** Rows are periods (drawn as stacked bars), or categories (a heatmap). */
  periods: boolean;
  rows: { key: string; label: string; span: string }[];
  columns: { key: string; label: string }[];
  /** Count per cell; null where the cell has no meaning (a share with nothing to share). */
  n: (number | null)[][];
  /** For a share table: what each count is out of. */
  total: (number | null)[][] | null;
  /** A total per row is shown (stacked bars). */
  rowTotals: boolean;
  /**
   * A row's cells add up to something a reader can use (a period's closures, a standard's ratings);
   * false when the columns count different things (the review steps): only columns add up then.
   */
  rowsAddUp: boolean;
  /** The dates the whole table covers. */
  span: string;
  /** The datasets it counts from. */
  datasets: readonly string[];
  /** Indicator counts its cells add up to (from the profile's definition). */
  composes: readonly Composition[];
  /** Columns whose counts are part of another column's in the same row ("of which on time"). */
  within: readonly { part: string; whole: string }[];
}

export interface TableCell {
  n: number | null;
  total: number | null;
  /** The count or what it is out of is hidden: the cell shows `c`. */
  hidden: boolean;
}

export interface TableFigures
  extends Omit<TableDraft, 'n' | 'total' | 'span' | 'datasets' | 'composes' | 'rowsAddUp' | 'within'> {
  shares: boolean;
  cells: TableCell[][];
  /** Each row's total as published (null when hidden), when the table shows them. */
  totals: { value: number | null; hidden: boolean }[] | null;
}

const indexOf = (draft: TableDraft, r: number, c: number) => r * draft.columns.length + c;

/** The cells of a table in one disclosure problem, with its totals, rows and columns; returns the offset. */
export function addTable(joint: JointPublication, draft: TableDraft): number {
  const source = joint.item(draft.datasets);
  const size = draft.rows.length * draft.columns.length;
  const values: (number | null)[] = [];
  const spans: string[] = [];
  const relations: Relation[] = [];
  for (const [r, row] of draft.rows.entries()) {
    for (const [c] of draft.columns.entries()) {
      values.push(draft.n[r]?.[c] ?? null);
      spans.push(row.span);
    }
  }
  if (draft.total) {
    for (const [r, row] of draft.rows.entries()) {
      for (const [c] of draft.columns.entries()) {
        values.push(draft.total[r]?.[c] ?? null);
        spans.push(row.span);
      }
    }
  }
  if (draft.rowTotals) {
    for (const [r, row] of draft.rows.entries()) {
      const parts = draft.columns.map((_, c) => indexOf(draft, r, c));
      relations.push({ total: values.length, parts });
      values.push(parts.reduce((a, i) => a + (values[i] ?? 0), 0));
      spans.push(row.span);
    }
  }
  const offset = joint.add(source, values, spans, relations);
  addLines(joint, source, draft, offset);
  if (draft.total) addLines(joint, source, draft, offset + size);
  addParts(joint, draft, offset);
  return offset;
}

/** Counts that are part of others: a share's count of what it is out of, an "of which" of its column. */
function addParts(joint: JointPublication, draft: TableDraft, offset: number) {
  const size = draft.rows.length * draft.columns.length;
  const column = (key: string) => draft.columns.findIndex((c) => c.key === key);
  draft.rows.forEach((_, r) => {
    draft.columns.forEach((__, c) => {
      if (draft.total) joint.within(offset + indexOf(draft, r, c), offset + size + indexOf(draft, r, c));
    });
    for (const { part, whole } of draft.within) {
      const p = column(part);
      const w = column(whole);
      if (p >= 0 && w >= 0) joint.within(offset + indexOf(draft, r, p), offset + indexOf(draft, r, w));
    }
  });
}

/** Rows (their own dates), columns and the whole table (the table's dates): sums a reader can make. */
function addLines(joint: JointPublication, source: number, draft: TableDraft, offset: number) {
  const at = (r: number, c: number) => offset + indexOf(draft, r, c);
  if (draft.rowsAddUp) {
    draft.rows.forEach((row, r) => {
      joint.line(
        source,
        row.span,
        draft.columns.map((_, c) => at(r, c)),
      );
    });
  }
  // A column (or the whole table) adds up over rows of the same dates, or over the periods of the table.
  draft.columns.forEach((_, c) => {
    joint.line(
      source,
      draft.span,
      draft.rows.map((_, r) => at(r, c)),
    );
  });
  if (draft.rowsAddUp) {
    joint.line(
      source,
      draft.span,
      draft.rows.flatMap((_, r) => draft.columns.map((__, c) => at(r, c))),
    );
  }
}

/** The table as published: hidden counts (and the shares resting on them) taken out. */
export function publishTable(draft: TableDraft, hidden: readonly boolean[] | null, offset: number): TableFigures {
  const size = draft.rows.length * draft.columns.length;
  const isHidden = (i: number) => hidden !== null && offset >= 0 && hidden[offset + i] === true;
  const cells = draft.rows.map((_, r) =>
    draft.columns.map((__, c): TableCell => {
      const i = indexOf(draft, r, c);
      const hide = isHidden(i) || (draft.total !== null && isHidden(size + i));
      return {
        n: hide ? null : (draft.n[r]?.[c] ?? null),
        total: hide ? null : (draft.total?.[r]?.[c] ?? null),
        hidden: hide && (draft.n[r]?.[c] ?? null) !== null,
      };
    }),
  );
  const totalsAt = size * (draft.total ? 2 : 1);
  const totals = draft.rowTotals
    ? draft.rows.map((_, r) => {
        const hide = isHidden(totalsAt + r);
        const value = (draft.n[r] ?? []).reduce<number>((a, v) => a + (v ?? 0), 0);
        return { value: hide ? null : value, hidden: hide };
      })
    : null;
  const { n: _n, total: _t, span: _s, datasets: _d, composes: _c, rowsAddUp: _r, within: _w, ...meta } = draft;
  return { ...meta, shares: draft.total !== null, cells, totals };
}

/**
 * The declared sums between a table and indicator counts, where they hold: for a table by period, each
 * row's chosen cells against the indicator's count for the same dates; for a table by category, the
 * chosen cells of the whole table against the count for the table's dates. `cellAt` finds an
 * indicator's count (global index) by indicator, measure and dates.
 */
export function compositionRelations(
  draft: TableDraft,
  offset: number,
  cellAt: (indicator: string, measure: 'numerator' | 'denominator', span: string) => number | undefined,
  valueAt: (cell: number) => number | null,
): Relation[] {
  const size = draft.rows.length * draft.columns.length;
  const out: Relation[] = [];
  for (const c of draft.composes) {
    const base = offset + (c.of === 'total' ? size : 0);
    const columns = draft.columns.flatMap((col, i) =>
      (!c.columns || c.columns.includes(col.key)) && !c.excludeColumns?.includes(col.key) ? [i] : [],
    );
    const rows = draft.rows.flatMap((row, r) => (c.excludeRows?.includes(row.key) ? [] : [r]));
    const groups = draft.periods
      ? rows.map((r) => ({ span: draft.rows[r]?.span ?? '', rows: [r] }))
      : [{ span: draft.span, rows }];
    for (const group of groups) {
      const total = cellAt(c.indicator, c.measure, group.span);
      if (total === undefined) continue;
      const parts = group.rows.flatMap((r) => columns.map((col) => base + indexOf(draft, r, col)));
      const values = parts.map(valueAt);
      if (values.some((v) => v === null)) continue;
      const sum = values.reduce<number>((a, v) => a + (v as number), 0);
      if (Math.abs(sum - (valueAt(total) ?? Number.NaN)) < 1e-9) out.push({ total, parts });
    }
  }
  return out;
}

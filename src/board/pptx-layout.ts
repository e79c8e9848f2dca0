/**
 * Laying out a PowerPoint table ahead of time: how many lines a cell's text takes at a size, and where
 * a long table must run on to the next slide. PowerPoint grows a row to fit its text, so a table laid
 * out with too little height runs off the foot of the slide; the estimate errs on the tall side
 * (Arial's average glyph taken as 0.55 em, 0.6 em bold).
 */

export type Cell = { text: string; options?: Record<string, unknown> };

export interface PptxTable {
  rows: Cell[][];
  /** Column widths, inches. */
  colW: number[];
  /** Rows repeated at the top of each slide the table runs on to. */
  headerRows: number;
  /** Row heights, inches (set when laid out). */
  rowH?: number[];
}

/** Inside a cell: the table's cell margin each side, inches. */
const CELL_MARGIN = 0.06;
const LINE = 1.2;

/** Lines a text takes in a box `width` inches wide at `pt` points, wrapping at spaces. */
export function textLines(text: string, width: number, pt: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width * 72) / (pt * (bold ? 0.6 : 0.55))));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        lines += used === 0 ? 0 : 1;
        used = word.length;
        // A word longer than a line breaks inside itself.
        while (used > perLine) {
          lines += 1;
          used -= perLine;
        }
      }
    }
  }
  return Math.max(1, lines);
}

/** A row's height: its tallest cell (a cell spanning columns has their width). */
export function rowHeight(row: readonly Cell[], colW: readonly number[], pt: number): number {
  let column = 0;
  let lines = 1;
  for (const cell of row) {
    const span = Number(cell.options?.colspan ?? 1);
    const width = colW.slice(column, column + span).reduce((a, b) => a + b, 0) - 2 * CELL_MARGIN;
    lines = Math.max(lines, textLines(cell.text, width, pt, cell.options?.bold === true));
    column += span;
  }
  return (lines * pt * LINE) / 72 + 2 * CELL_MARGIN + 0.04;
}

/**
 * The table in parts that fit: the first `first` inches tall (under the narrative), the rest `then`
 * inches (under the title alone), each with the header rows; never a part of one lone row when the
 * table has more, and each part's row heights set.
 */
export function pageTable(table: PptxTable, first: number, then: number, pt: number): PptxTable[] {
  const heights = table.rows.map((row) => rowHeight(row, table.colW, pt));
  const head = table.rows.slice(0, table.headerRows);
  const headHeights = heights.slice(0, table.headerRows);
  const headHeight = headHeights.reduce((a, b) => a + b, 0);
  const body = table.rows.slice(table.headerRows).map((row, i) => ({ row, h: heights[table.headerRows + i] ?? 0 }));
  const parts: { row: Cell[]; h: number }[][] = [];
  let current: { row: Cell[]; h: number }[] = [];
  let room = first - headHeight;
  for (const item of body) {
    if (current.length > 0 && item.h > room) {
      parts.push(current);
      current = [];
      room = then - headHeight;
    }
    current.push(item);
    room -= item.h;
  }
  if (current.length > 0) parts.push(current);
  // A last part of one row takes the row before it along, so no slide holds a lone row.
  const last = parts.at(-1);
  const before = parts.at(-2);
  if (last && before && last.length === 1 && before.length > 2)
    last.unshift(before.pop() as { row: Cell[]; h: number });
  return parts.map((part) => ({
    rows: [...head, ...part.map((p) => p.row)],
    colW: table.colW,
    headerRows: table.headerRows,
    rowH: [...headHeights, ...part.map((p) => p.h)],
  }));
}

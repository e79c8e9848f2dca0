import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './workbook-damage';

/**
 * The sizes an HTML table or SpreadsheetML 2003 file ("Excel" exports that are really markup) can
 * declare, checked before SheetJS reads it: a cell spanning a billion columns, or a row numbered in
 * the hundreds of millions, is refused at once, in words, instead of being laid out in memory.
 */
const DECLARED =
  /\b(colspan|rowspan|ss:Index|ss:ExpandedColumnCount|ss:ExpandedRowCount|ss:MergeAcross|ss:MergeDown)\s*=\s*["']?\s*([^\s"'>]+)/gi;

/** Attributes that count columns, and those that count rows (ss:Index counts either, by its element). */
const COLUMN_ATTRIBUTES = new Set(['colspan', 'ss:expandedcolumncount', 'ss:mergeacross']);

const thousands = (n: number) => n.toLocaleString('en-GB');

/** The element whose start tag holds text[at]: "tr", "row", "cell", "td"… (lower case). */
function elementAt(text: string, at: number): string {
  const open = text.lastIndexOf('<', at);
  return /^<\s*([\w:-]+)/.exec(text.slice(open, open + 40))?.[1]?.toLowerCase() ?? '';
}

/** Where text[at] is, as a person would find it: which row of the table, and which cell of that row. */
function place(text: string, at: number, rowTag: RegExp, cellTag: RegExp): string {
  const before = text.slice(0, at);
  let rows = 0;
  let rowStart = 0;
  for (const m of before.matchAll(rowTag)) {
    rows += 1;
    rowStart = m.index;
  }
  const cells = before.slice(rowStart).match(cellTag)?.length ?? 0;
  return cells > 0 ? `cell ${thousands(cells)} of row ${thousands(rows)}` : `row ${thousands(Math.max(rows, 1))}`;
}

/** Null when every declared size is within Excel's grid; otherwise why the file is refused. */
export function oversizedMarkup(text: string): string | null {
  DECLARED.lastIndex = 0;
  for (let m = DECLARED.exec(text); m !== null; m = DECLARED.exec(text)) {
    const name = (m[1] ?? '').toLowerCase();
    const value = Number(m[2]);
    const element = elementAt(text, m.index);
    const columns = COLUMN_ATTRIBUTES.has(name) || (name === 'ss:index' && element !== 'row');
    const limit = columns ? EXCEL_MAX_COLUMNS : EXCEL_MAX_ROWS;
    if (Number.isNaN(value) || value <= limit) continue;
    const html = name === 'colspan' || name === 'rowspan';
    const where = /(^|:)table$/.test(element)
      ? 'its table'
      : html
        ? `the table’s ${place(text, m.index, /<tr[\s>]/gi, /<t[dh][\s>]/gi)}`
        : `${place(text, m.index, /<(?:ss:)?Row[\s>]/gi, /<(?:ss:)?Cell[\s>]/gi)} of its sheet`;
    const claim = `${m[1]}="${(m[2] ?? '').slice(0, 20)}"`;
    const what = columns ? `column ${thousands(EXCEL_MAX_COLUMNS)} (XFD)` : `row ${thousands(EXCEL_MAX_ROWS)}`;
    return `${where} says ${claim}, beyond Excel’s last ${what}`;
  }
  return null;
}

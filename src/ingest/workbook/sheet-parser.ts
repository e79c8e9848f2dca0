import { serialToIsoDate } from './serial-dates';
import type { SheetCsvWriter } from './sheet-csv';
import { cellAt, cellName, damaged, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './workbook-damage';
import { decodeXmlText, stringItemText } from './xml-text';

/** A formula cell with no saved value: where it is and what it says. */
export interface UncalculatedCell {
  row: number;
  column: number;
  formula: string;
}

export interface SheetContext {
  /** The sheet's name, for messages naming a damaged cell. */
  sheetName: string;
  sharedStrings: readonly string[];
  /** Per cell style (cellXfs entry): whether it shows a date; its length is how many styles there are. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const ROW_START = /<((?:[\w.-]+:)?)row(?=[\s>/])/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const FORMULA = /<(?:[\w.-]+:)?f(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** Where an unprefixed attribute's value starts within text[from, to), or -1 (r, t and s are never prefixed). */
function attrStart(text: string, name: string, from: number, to: number): number {
  const at = text.indexOf(` ${name}="`, from);
  return at < 0 || at >= to ? -1 : at + name.length + 3;
}

/** A whole number written at text[start…] (digits up to the first non-digit), or NaN. */
function numberAt(text: string, start: number): number {
  let n = 0;
  let i = start;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  return i === start ? Number.NaN : n;
}

/**
 * The 0-based column of a cell reference "AB12" at text[start…], or -1. Reading stops once past Excel's
 * last column: "AAAAAAA" is answered as too far, not computed.
 */
function columnAt(text: string, start: number): number {
  let column = 0;
  let i = start;
  for (; i < text.length && column <= EXCEL_MAX_COLUMNS; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else break;
  }
  return i === start ? -1 : column - 1;
}

/** Up to 20 characters of an attribute's value starting at text[start…], for a message. */
function attributeText(text: string, start: number): string {
  const end = text.indexOf('"', start);
  return text.slice(start, end < 0 ? start + 20 : Math.min(end, start + 20));
}

/** Whether text[start, end) is a whole number written in digits only. */
function isDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Streams a worksheet's XML into the CSV writer, row by row, as it is inflated. Date-formatted numbers
 * become yyyy-mm-dd; text stays as written; formulas without a saved value are listed (and left empty).
 * A cell that points at shared text or a style the workbook does not hold, or lies beyond Excel's grid,
 * stops the read with a WorkbookRefusal naming it: never an empty value in its place, never an array
 * sized by what a hostile file claims.
 * Cells are found with indexOf and read in place: a regular expression or a copied string per cell was
 * most of the time on a million-row sheet.
 */
export class SheetParser {
  private buffer = '';
  private lastRow = 0;
  /** Serial → yyyy-mm-dd: a sheet has few distinct dates, and Date objects are the costly part. */
  private readonly dates = new Map<string, string>();
  readonly uncalculated: UncalculatedCell[] = [];
  /** Rows whose only content is formulas without saved values (they would otherwise read as blank). */
  readonly formulaOnlyRows = { count: 0, first: 0 };

  constructor(
    private readonly context: SheetContext,
    private readonly writer: SheetCsvWriter,
  ) {}

  push(text: string): void {
    this.buffer += text;
    const buffer = this.buffer;
    let consumed = 0;
    ROW_START.lastIndex = 0;
    for (let m = ROW_START.exec(buffer); m !== null; m = ROW_START.exec(buffer)) {
      const tagEnd = buffer.indexOf('>', m.index);
      if (tagEnd < 0) break;
      if (buffer.charCodeAt(tagEnd - 1) === 47) {
        consumed = tagEnd + 1;
        ROW_START.lastIndex = consumed;
        continue;
      }
      const prefix = m[1] ?? '';
      const close = `</${prefix}row>`;
      const end = buffer.indexOf(close, tagEnd);
      if (end < 0) break;
      this.row(buffer, m.index, tagEnd, end, prefix);
      consumed = end + close.length;
      ROW_START.lastIndex = consumed;
    }
    this.buffer = buffer.slice(consumed);
  }

  /** The row whose start tag is buffer[start, tagEnd] and whose cells end at `end`. */
  private row(buffer: string, start: number, tagEnd: number, end: number, prefix: string): void {
    const r = attrStart(buffer, 'r', start, tagEnd);
    const n = r < 0 ? Number.NaN : numberAt(buffer, r);
    // NaN (no number written) is never greater; a number too long for a double is Infinity, and refused.
    // Only a number the file writes is bounded: it decides how many empty rows the CSV gets before this
    // one. Rows counted one by one cost nothing ahead, and a huge sheet is the expansion budget's to stop.
    const rowNumber = n > this.lastRow ? n : this.lastRow + 1;
    if (rowNumber === n && n > EXCEL_MAX_ROWS) {
      // A number too long to read exactly is shown as written.
      const shown = Number.isSafeInteger(n) ? n.toLocaleString('en-GB') : attributeText(buffer, r);
      throw damaged(
        `sheet “${this.context.sheetName}” has a row numbered ${shown}, beyond Excel’s last row (1,048,576)`,
      );
    }
    this.lastRow = rowNumber;
    const formulasBefore = this.uncalculated.length;
    const open = `<${prefix}c`;
    const close = `</${prefix}c>`;
    const cells: string[] = [];
    let next = 0;
    let any = false;
    let pos = buffer.indexOf(open, tagEnd);
    while (pos >= 0 && pos < end) {
      const after = buffer.charCodeAt(pos + open.length);
      const cellTagEnd = buffer.indexOf('>', pos);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        pos = buffer.indexOf(open, pos + open.length); // another element whose name starts with "c"
        continue;
      }
      const selfClosing = buffer.charCodeAt(cellTagEnd - 1) === 47;
      const closeAt = selfClosing ? cellTagEnd : buffer.indexOf(close, cellTagEnd);
      const ref = attrStart(buffer, 'r', pos, cellTagEnd);
      const col = ref < 0 ? -1 : columnAt(buffer, ref);
      const column = col >= 0 ? col : next;
      if (column >= EXCEL_MAX_COLUMNS) {
        const where =
          col >= 0
            ? cellAt(this.context.sheetName, attributeText(buffer, ref))
            : `row ${rowNumber.toLocaleString('en-GB')} of sheet “${this.context.sheetName}” has a cell that`;
        throw damaged(`${where} is beyond Excel’s last column (XFD)`);
      }
      next = column + 1;
      const text = selfClosing ? '' : this.cellText(buffer, pos, cellTagEnd, closeAt, rowNumber, column);
      while (cells.length < column) cells.push('');
      cells[column] = text;
      if (text !== '') any = true;
      pos = buffer.indexOf(open, selfClosing ? cellTagEnd + 1 : closeAt + close.length);
    }
    if (any) this.writer.write(rowNumber, cells);
    else if (this.uncalculated.length > formulasBefore) {
      if (this.formulaOnlyRows.count === 0) this.formulaOnlyRows.first = rowNumber;
      this.formulaOnlyRows.count += 1;
    }
  }

  /** Shared text item `index` (as written in the cell), or a refusal naming the cell. */
  private sharedString(buffer: string, start: number, end: number, row: number, column: number): string {
    const strings = this.context.sharedStrings;
    const text = isDigits(buffer, start, end) ? strings[numberAt(buffer, start)] : undefined;
    if (text !== undefined) return text;
    const written = buffer.slice(start, Math.min(end, start + 20));
    throw damaged(
      `${cellName(this.context.sheetName, column, row)} points at shared text number ${written}, which the workbook does not contain`,
    );
  }

  /** Whether the cell's style shows a date; a style the workbook does not have is a refusal naming the cell. */
  private isDateStyle(buffer: string, start: number, tagEnd: number, row: number, column: number): boolean {
    const s = attrStart(buffer, 's', start, tagEnd);
    if (s < 0) return false;
    const styles = this.context.dateStyles;
    const index = numberAt(buffer, s);
    // Style 0 is the default: a workbook without a styles part may still name it.
    if (index === 0 || styles[index] !== undefined) return styles[index] === true;
    throw damaged(
      `${cellName(this.context.sheetName, column, row)} uses cell style number ${attributeText(buffer, s)}, which the workbook does not contain`,
    );
  }

  private date(value: string): string {
    let iso = this.dates.get(value);
    if (iso === undefined) {
      iso = serialToIsoDate(Number(value), this.context.date1904) ?? value;
      if (this.dates.size < 100_000) this.dates.set(value, iso);
    }
    return iso;
  }

  /** The text of the cell whose start tag is buffer[start, tagEnd] and content ends at `closeAt`. */
  private cellText(
    buffer: string,
    start: number,
    tagEnd: number,
    closeAt: number,
    row: number,
    column: number,
  ): string {
    const t = attrStart(buffer, 't', start, tagEnd);
    const type = t < 0 ? 'n' : buffer.slice(t, buffer.indexOf('"', t));
    // The common case, <v>…</v> and nothing else, is read in place.
    const plain = buffer.startsWith('<v>', tagEnd + 1) && buffer.startsWith('</v>', closeAt - 4);
    if (plain && type === 's') return this.sharedString(buffer, tagEnd + 4, closeAt - 4, row, column);
    const inner = plain ? '' : buffer.slice(tagEnd + 1, closeAt);
    if (type === 'inlineStr') return stringItemText(INLINE.exec(inner)?.[1] ?? '');
    const value = plain ? buffer.slice(tagEnd + 4, closeAt - 4) : VALUE.exec(inner)?.[1];
    if (!plain && (value === undefined || (value === '' && type !== 'str'))) {
      const formula = FORMULA.exec(inner);
      if (formula) {
        const text = decodeXmlText(formula[1] ?? '');
        this.uncalculated.push({ row, column, formula: text === '' ? '(a shared formula)' : `=${text}` });
        return '';
      }
    }
    if (value === undefined) return '';
    switch (type) {
      case 's':
        return this.sharedString(value, 0, value.length, row, column);
      case 'str':
      case 'e':
        return decodeXmlText(value);
      case 'b':
        return value === '1' ? 'TRUE' : 'FALSE';
      case 'd':
        return value;
      default:
        return this.isDateStyle(buffer, start, tagEnd, row, column) ? this.date(value) : value;
    }
  }
}

import { oversizedMarkup } from './markup-limits';
import { serialToIsoDate } from './serial-dates';
import { SheetCsvWriter } from './sheet-csv';
import { cellName, damaged, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './workbook-damage';
import type { SheetText } from './xlsx-reader';

// Old .xls (BIFF), OpenDocument .ods, .xlsb, and the "Excel" files case systems write that are really an
// HTML table or SpreadsheetML 2003 XML, read with SheetJS (@e965/xlsx, loaded only when needed). Text
// cells stay text (raw), so dates written as text go through the same UK rules as a CSV; real date
// cells are converted from their serial numbers, never through a US display format.

interface Cell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

export async function readWithSheetJs(bytes: Uint8Array, asText: boolean): Promise<SheetText[]> {
  const XLSX = await import('@e965/xlsx');
  const markup = asText ? new TextDecoder().decode(bytes) : '';
  const oversized = oversizedMarkup(markup);
  if (oversized !== null) throw damaged(oversized);
  const workbook = asText
    ? XLSX.read(markup, {
        type: 'string',
        raw: true,
        dense: true,
        cellDates: false,
        cellNF: true,
      })
    : XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: true });
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const isDate = (format: unknown) =>
    (typeof format === 'string' || typeof format === 'number') && Boolean(XLSX.SSF.is_date(format));
  const text = (cell: Cell | undefined): string => {
    if (!cell) return '';
    switch (cell.t) {
      case 'n':
        return isDate(cell.z) ? (serialToIsoDate(Number(cell.v), date1904) ?? String(cell.v)) : String(cell.v);
      case 'b':
        return cell.v ? 'TRUE' : 'FALSE';
      case 'e':
        return cell.w ?? '#N/A';
      case 'd':
        return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
      default:
        return cell.v === undefined || cell.v === null ? '' : String(cell.v);
    }
  };
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name] as unknown as { '!data'?: (Cell | undefined)[][] } | undefined;
    const writer = new SheetCsvWriter();
    // A plain loop: spreading a sheet's rows into one call overflowed the stack at 140,000 rows.
    const data = sheet?.['!data'] ?? [];
    checkGrid(name, data);
    for (let r = 0; r < data.length; r += 1) {
      const cells = Array.from(data[r] ?? [], text);
      if (cells.some((c) => c !== '')) writer.write(r + 1, cells);
    }
    return { name, csv: writer.toBlob(), uncalculated: [] };
  });
}

/**
 * SheetJS keeps a sheet's rows as (possibly sparse) arrays indexed by row and column: a cell a file places
 * beyond Excel's grid would make the copy below allocate billions of entries. Refused, naming the cell.
 */
function checkGrid(sheet: string, data: readonly (readonly unknown[] | undefined)[]): void {
  if (data.length > EXCEL_MAX_ROWS) {
    throw damaged(
      `sheet “${sheet}” has a row numbered ${data.length.toLocaleString('en-GB')}, beyond Excel’s last row (1,048,576)`,
    );
  }
  for (let r = 0; r < data.length; r += 1) {
    const row = data[r];
    if (!row || row.length <= EXCEL_MAX_COLUMNS) continue;
    // Only the cells that exist are listed: a sparse row is never walked to its length.
    const column =
      Object.keys(row)
        .map(Number)
        .find((c) => c >= EXCEL_MAX_COLUMNS) ?? row.length - 1;
    throw damaged(`${cellName(sheet, column, r + 1)} is beyond Excel’s last column (XFD)`);
  }
}

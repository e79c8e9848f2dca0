import { csvText } from '../shared/csv';

// Excel workbooks (.xlsx, and the older .xls and OpenDocument .ods, which the same library reads
// well) → one table of text per sheet, ready for the CSV path. Loaded on demand: the reader is only
// downloaded (from our own origin) when a workbook is dropped.
//
// Dates are converted here, from Excel's serial day numbers and the cell's number format, to
// yyyy-mm-dd — never through the workbook's display format, which is often US month/day.

export interface SheetTable {
  name: string;
  rows: string[][];
}

/** A zip (.xlsx, .ods) or OLE (.xls) container: what a workbook looks like. */
export function looksLikeWorkbook(head: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  return starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
}

const DAY_MS = 86_400_000;

/** Excel serial day → ISO date. 1900 system: day 1 = 1900-01-01 (with Excel's phantom 29/02/1900). */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const day = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // Serials before 1 March 1900 are one day off in Excel because of its invented 29 February 1900.
  const adjusted = !date1904 && day < 61 ? day + 1 : day;
  return new Date(epoch + adjusted * DAY_MS).toISOString().slice(0, 10);
}

interface Cell {
  t: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

export async function readWorkbook(bytes: Uint8Array): Promise<SheetTable[]> {
  const XLSX = await import('@e965/xlsx');
  const workbook = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: true });
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const isDateFormat = (format: unknown) =>
    (typeof format === 'string' || typeof format === 'number') && Boolean(XLSX.SSF.is_date(format));
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name] as unknown as { '!data'?: (Cell | undefined)[][] } | undefined;
    const data = sheet?.['!data'] ?? [];
    const rows = Array.from(data, (row) =>
      Array.from(row ?? [], (cell) => {
        if (!cell) return '';
        switch (cell.t) {
          case 'n':
            return isDateFormat(cell.z)
              ? (serialToIsoDate(Number(cell.v), date1904) ?? String(cell.v))
              : String(cell.v);
          case 'b':
            return cell.v ? 'TRUE' : 'FALSE';
          case 'e':
            return cell.w ?? '#N/A';
          case 'd':
            return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
          default:
            return cell.v === undefined || cell.v === null ? '' : String(cell.v);
        }
      }),
    );
    return { name, rows };
  });
}

/** Rows → RFC 4180 CSV (comma, CRLF, quotes where needed), the form the CSV path reads. */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return csvText(rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? '')));
}

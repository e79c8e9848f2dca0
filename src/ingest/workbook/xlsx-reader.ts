import { SheetCsvWriter } from './sheet-csv';
import { SheetParser, type UncalculatedCell } from './sheet-parser';
import { readSharedStrings, readWorkbookInfo, XlsxPackage } from './xlsx-parts';
import { type ExpansionBudget, inflateEntry, type ZipEntry } from './zip-archive';

/** One sheet as CSV for the text path (line k = row k), and its formulas that have no saved value. */
export interface SheetText {
  name: string;
  csv: Blob;
  uncalculated: UncalculatedCell[];
  /** Rows holding nothing but formulas without saved values (absent from the CSV): how many, the first. */
  formulaOnlyRows?: { count: number; first: number };
}

/**
 * Reads an .xlsx / .xlsm workbook as a stream: each sheet's XML is inflated and turned into CSV chunk
 * by chunk, so a sheet of a million rows needs no more memory than its CSV, and the expansion budget
 * stops a zip bomb early.
 */
export async function readXlsx(
  blob: Blob,
  entries: readonly ZipEntry[],
  budget: ExpansionBudget,
  onProgress?: (fraction: number) => void | Promise<void>,
): Promise<SheetText[]> {
  const pkg = new XlsxPackage(blob, entries, budget);
  const info = await readWorkbookInfo(pkg);
  const inflateText = async (
    entry: ZipEntry,
    onText: (text: string) => void,
    progress?: (f: number) => void | Promise<void>,
  ) => {
    const decoder = new TextDecoder();
    await inflateEntry(blob, entry, budget, (chunk) => onText(decoder.decode(chunk, { stream: true })), progress);
    onText(decoder.decode());
  };
  const sharedStrings = await readSharedStrings(
    info.sharedStringsPath ? pkg.part(info.sharedStringsPath) : undefined,
    inflateText,
  );
  // readWorkbookInfo refused a workbook whose sheet parts are missing.
  const sheets = info.sheets.flatMap((s) => {
    const entry = pkg.part(s.path);
    return entry ? [{ ...s, entry }] : [];
  });
  const total = sheets.reduce((n, s) => n + s.entry.compressedSize, 0) || 1;
  let done = 0;
  const out: SheetText[] = [];
  for (const sheet of sheets) {
    const writer = new SheetCsvWriter();
    const context = { sheetName: sheet.name, sharedStrings, dateStyles: info.dateStyles, date1904: info.date1904 };
    const parser = new SheetParser(context, writer);
    await inflateText(
      sheet.entry,
      (text) => parser.push(text),
      (f) => onProgress?.((done + f * sheet.entry.compressedSize) / total),
    );
    done += sheet.entry.compressedSize;
    const { formulaOnlyRows, uncalculated } = parser;
    out.push({ name: sheet.name, csv: writer.toBlob(), uncalculated, formulaOnlyRows });
  }
  return out;
}

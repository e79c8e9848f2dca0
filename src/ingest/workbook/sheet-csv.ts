/**
 * Writes a sheet's rows as CSV for the text path, faithfully (no escaping of any kind beyond RFC 4180
 * quoting: this text is read by the app, never opened by a person). Line k of the CSV is row k of the
 * sheet, so rejected rows are reported with the row number Excel shows. Output is kept as encoded
 * chunks, never as one huge string: a million-row sheet is about 120 MB of CSV.
 */
const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK_CHARS = 1 << 20;

export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] ?? '';
    if (i > 0) line += ',';
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}

export class SheetCsvWriter {
  private readonly encoder = new TextEncoder();
  private readonly chunks: Uint8Array<ArrayBuffer>[] = [];
  private pending = '';
  /** The last row written (1-based); rows before the next one written are blank lines. */
  private lastRow = 0;

  /** Writes row `rowNumber` (1-based, ascending); skipped rows become blank lines. */
  write(rowNumber: number, cells: readonly string[]): void {
    if (rowNumber <= this.lastRow) rowNumber = this.lastRow + 1;
    if (rowNumber - this.lastRow > 1) this.pending += '\n'.repeat(rowNumber - this.lastRow - 1);
    this.pending += `${csvLine(cells)}\n`;
    this.lastRow = rowNumber;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  get rows(): number {
    return this.lastRow;
  }

  private flush(): void {
    if (this.pending.length > 0) this.chunks.push(this.encoder.encode(this.pending));
    this.pending = '';
  }

  /** The CSV so far as a Blob (built from the chunks, without joining them into one buffer). */
  toBlob(): Blob {
    this.flush();
    return new Blob(this.chunks, { type: 'text/csv' });
  }
}

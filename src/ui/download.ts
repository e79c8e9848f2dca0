import { type CsvValue, csvFile } from '../shared/csv';
import { downloadName } from '../shared/file-name';

/** Saves text as a file from memory: nothing is fetched or sent anywhere. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = downloadName(fileName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves rows as a CSV file for Excel: UTF-8 with a byte-order mark, formula-like cells made inert. */
export function downloadCsv(fileName: string, rows: readonly (readonly CsvValue[])[]): void {
  downloadText(fileName, csvFile(rows), 'text/csv;charset=utf-8');
}

/** Saves bytes (an image, a presentation) as a file from memory. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = downloadName(fileName);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

import { strToU8, type Zippable, zipSync } from 'fflate';
import type { DatasetDefinition } from './dataset-definition';
import { templateWorkbookParts } from './template-workbook';

/** The template workbook of a dataset as .xlsx bytes (loaded only when a workbook is asked for). */
export function templateWorkbook(dataset: DatasetDefinition): Uint8Array<ArrayBuffer> {
  const files: Zippable = {};
  for (const [path, xml] of Object.entries(templateWorkbookParts(dataset))) files[path] = strToU8(xml);
  return zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer>;
}

/** The workbook's file name: the CSV template's, as .xlsx. */
export const templateWorkbookName = (dataset: DatasetDefinition) => dataset.fileName.replace(/\.csv$/i, '.xlsx');

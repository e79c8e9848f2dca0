import type { DatasetDefinition } from '../datasets/dataset-definition';
import { shownFileName } from '../shared/file-name';
import { ownValue } from '../shared/own';
import { type HeaderMatch, headerSignature, isExactMatch, matchFromMapping } from './header-match';
import { recogniseDataset } from './recognise';
import type { ColumnMappings } from './value-mapping';

/** Which dataset a file is loaded as, and why; or why it is not loaded. */
export type DatasetChoice =
  | {
      kind: 'chosen';
      dataset: DatasetDefinition;
      match: HeaderMatch;
      confidence: number;
      /** The user chose the columns now or for an earlier file with the same header; or the app recognised them. */
      by: 'user' | 'saved' | 'recognised';
    }
  | {
      kind: 'refused';
      status: 'failed' | 'unconfirmed';
      message: string;
      /** The dataset the file comes closest to: the column form's first guess. */
      closestDatasetId: string | null;
    };

export interface ChoiceOptions {
  fileName: string;
  datasets: readonly DatasetDefinition[];
  /** Load as this dataset (the user's choice). */
  datasetId?: string;
  /** With datasetId: field → the file's column heading (the user's choice). */
  columnMapping?: Readonly<Record<string, string>>;
  savedColumnMappings?: ColumnMappings;
}

function listFields(dataset: DatasetDefinition, names: readonly string[]): string {
  return names.map((name) => dataset.fields.find((f) => f.name === name)?.label ?? name).join(', ');
}

/** The user's mapping, chosen now or before for a file with the same header. */
function userMapping(header: readonly string[], options: ChoiceOptions) {
  if (options.columnMapping)
    return { datasetId: options.datasetId, columns: options.columnMapping, by: 'user' as const };
  if (options.datasetId) return undefined;
  const saved = ownValue(options.savedColumnMappings, headerSignature(header));
  return saved ? { ...saved, by: 'saved' as const } : undefined;
}

/**
 * The recognise stage: the user's mapping beats recognition. A recognised file whose columns are
 * mostly unknown to the dataset it resembles (a register of children's homes has URN and Name, like a
 * schools list, and 19 other columns) is not loaded on that weak match: the user confirms its columns.
 * A file that names the dataset's own columns exactly is loaded however many other columns it has.
 */
export function chooseDataset(header: readonly string[], options: ChoiceOptions): DatasetChoice {
  const { datasets, fileName } = options;
  const mapping = userMapping(header, options);
  const mappedDataset = mapping ? datasets.find((d) => d.id === mapping.datasetId) : undefined;
  if (mapping && mappedDataset) {
    const match = matchFromMapping(header, mappedDataset, mapping.columns);
    if (match.missingRequired.length === 0) {
      return { kind: 'chosen', dataset: mappedDataset, match, confidence: 1, by: mapping.by };
    }
    if (mapping.by === 'user') {
      return {
        kind: 'refused',
        status: 'failed',
        closestDatasetId: mappedDataset.id,
        message: `The column mapping for “${shownFileName(fileName)}” leaves ${listFields(mappedDataset, match.missingRequired)} without a column: each of those is required.`,
      };
    }
  }
  const forced = options.datasetId ? datasets.filter((d) => d.id === options.datasetId) : datasets;
  const recognition = recogniseDataset(header, forced, fileName);
  const best = recognition.best;
  if (!best) {
    // One sentence: the column form (each column with a few of its values, the closest dataset chosen,
    // what it still needs) says the rest; the command line names what each dataset needs.
    return {
      kind: 'refused',
      status: 'failed',
      closestDatasetId: recognition.closest?.dataset.id ?? null,
      message: `“${shownFileName(fileName)}” is not a partnership dataset this app recognises.`,
    };
  }
  const named = header.filter((cell) => cell.trim() !== '').length;
  if (!options.datasetId && isWeakMatch(best.match.matches.length, named) && !isExactMatch(best.match, best.dataset)) {
    const known = best.match.matches.map((m) => `“${m.header.trim()}”`).join(', ');
    return {
      kind: 'refused',
      status: 'unconfirmed',
      closestDatasetId: best.dataset.id,
      message: `“${shownFileName(fileName)}” looks a little like ${best.dataset.title.toLowerCase()} (${known}), but ${named - best.match.matches.length} of its ${named} columns are not ones that dataset has, so it was not loaded. If it is ${best.dataset.title.toLowerCase()}, check which column holds what and load it; otherwise leave it out.`,
    };
  }
  return { kind: 'chosen', dataset: best.dataset, match: best.match, confidence: best.confidence, by: 'recognised' };
}

/** Most of the file's named columns are unknown to the dataset: more unknown than known. */
export function isWeakMatch(matched: number, named: number): boolean {
  return matched * 2 < named;
}

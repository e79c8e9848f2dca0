import type { Engine } from '../engine/engine';
import { dataFileOf, publishedKind, readEesFile, readMetaFile, readNeighbourFile } from './published-file';
import {
  CREATE_PUBLISHED_SQL,
  clearPublished,
  storeMeta,
  storeNeighbours,
  storePublishedFile,
} from './published-store';

/** The load report's names for published statistics (they are not partnership datasets). */
const PUBLISHED_DATASETS = {
  published_statistics: 'DfE published statistics',
  published_metadata: 'DfE published statistics: column labels',
  statistical_neighbours: 'DfE statistical neighbours',
} as const;

type PublishedDatasetId = keyof typeof PUBLISHED_DATASETS;

/** The name of published statistics' report ids ("DfE published statistics"); null for a partnership dataset. */
export function publishedName(datasetId: string | null): string | null {
  return datasetId !== null && Object.hasOwn(PUBLISHED_DATASETS, datasetId)
    ? PUBLISHED_DATASETS[datasetId as keyof typeof PUBLISHED_DATASETS]
    : null;
}

export interface PublishedLoad {
  fileName: string;
  kind: 'ees' | 'meta' | 'neighbours';
  /** The load report's dataset id for it. */
  datasetId: PublishedDatasetId;
  /** What it was, in one sentence for the load report. */
  what: string;
  /** EES: measures and breakdowns found, and cells stored. Neighbours: authorities with a group. Metadata: labels. */
  measures: string[];
  breakdowns: string[];
  cells: number;
  rows: number;
  otherRows: number;
}

/** The first line of a text file (BOM and all), enough to recognise published statistics by. */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/**
 * Loads a published-statistics file (EES tidy CSV, or statistical neighbours) if that is what it is;
 * null for any other file (a partnership dataset, which the ingest takes).
 */
export async function loadPublishedFile(
  engine: Engine,
  fileId: number,
  fileName: string,
  text: string,
): Promise<PublishedLoad | null> {
  const kind = publishedKind(firstLine(text));
  if (kind === 'ees') {
    const file = readEesFile(text);
    const cells = await storePublishedFile(engine, fileId, fileName, file);
    return {
      fileName,
      kind,
      datasetId: 'published_statistics',
      what: `DfE published statistics: ${file.rows.length} rows; measures ${file.measures.join(', ')}${file.breakdowns.length ? ` by ${file.breakdowns.join(', ')}` : ''}.`,
      measures: file.measures,
      breakdowns: file.breakdowns,
      cells,
      rows: file.rows.length,
      otherRows: file.otherRows,
    };
  }
  if (kind === 'meta') {
    const columns = readMetaFile(text);
    await storeMeta(engine, fileId, fileName, columns);
    const describes = dataFileOf(fileName);
    return {
      fileName,
      kind,
      datasetId: 'published_metadata',
      what: `DfE published statistics: the labels of ${columns.length} columns${describes ? ` of ${describes}` : ''}, shown instead of the column names.`,
      measures: [],
      breakdowns: [],
      cells: 0,
      rows: columns.length,
      otherRows: 0,
    };
  }
  if (kind === 'neighbours') {
    const groups = readNeighbourFile(text);
    await storeNeighbours(engine, groups);
    return {
      fileName,
      kind,
      datasetId: 'statistical_neighbours',
      what: `DfE statistical neighbours for ${groups.length} local authorities.`,
      measures: [],
      breakdowns: [],
      cells: 0,
      rows: groups.length,
      otherRows: 0,
    };
  }
  return null;
}

/** Forgets what one loaded file put into the published-statistics tables. */
export async function removePublishedFile(engine: Engine, datasetId: string, fileId: number): Promise<void> {
  if (datasetId === 'published_statistics') await engine.run('DELETE FROM pi_published WHERE file_id = ?', [fileId]);
  if (datasetId === 'statistical_neighbours') await engine.run('DELETE FROM pi_neighbours');
  if (datasetId === 'published_metadata') await engine.run('DELETE FROM pi_published_meta WHERE file_id = ?', [fileId]);
}

/**
 * Published statistics as a kind of file the ingest hands over (a FileHandler, src/ingest/file-handlers.ts):
 * the app's session and the command line pass it to the ingest, which knows nothing of published statistics.
 */
export const PUBLISHED_FILES = {
  createSql: [CREATE_PUBLISHED_SQL],
  recognises: (line: string) => publishedKind(line) !== null,
  async load(engine: Engine, fileId: number, fileName: string, text: string) {
    const loaded = await loadPublishedFile(engine, fileId, fileName, text);
    if (!loaded) return null;
    const what = `${loaded.what} Compare your authority on the Published statistics page.`;
    return { datasetId: loaded.datasetId, what, rows: loaded.rows };
  },
  remove: removePublishedFile,
  clear: clearPublished,
};

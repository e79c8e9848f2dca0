import type { Engine } from '../engine/engine';
import { publishedKind, readEesFile, readNeighbourFile } from './published-file';
import { storeNeighbours, storePublishedFile } from './published-store';

/** The load report's names for published statistics (they are not partnership datasets). */
const PUBLISHED_DATASETS = {
  published_statistics: 'DfE published statistics',
  statistical_neighbours: 'DfE statistical neighbours',
} as const;

/** The name of published statistics' report ids ("DfE published statistics"); null for a partnership dataset. */
export function publishedName(datasetId: string | null): string | null {
  return datasetId !== null && Object.hasOwn(PUBLISHED_DATASETS, datasetId)
    ? PUBLISHED_DATASETS[datasetId as keyof typeof PUBLISHED_DATASETS]
    : null;
}

export interface PublishedLoad {
  fileName: string;
  kind: 'ees' | 'neighbours';
  /** EES: measures and breakdowns found, and cells stored. Neighbours: authorities with a group. */
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
      measures: file.measures,
      breakdowns: file.breakdowns,
      cells,
      rows: file.rows.length,
      otherRows: file.otherRows,
    };
  }
  if (kind === 'neighbours') {
    const groups = readNeighbourFile(text);
    await storeNeighbours(engine, groups);
    return { fileName, kind, measures: [], breakdowns: [], cells: 0, rows: groups.length, otherRows: 0 };
  }
  return null;
}

/** Forgets what one loaded file put into the published-statistics tables. */
export async function removePublishedFile(engine: Engine, datasetId: string, fileId: number): Promise<void> {
  if (datasetId === 'published_statistics') await engine.run('DELETE FROM pi_published WHERE file_id = ?', [fileId]);
  if (datasetId === 'statistical_neighbours') await engine.run('DELETE FROM pi_neighbours');
}

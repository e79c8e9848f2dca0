import Papa from 'papaparse';
import type { Engine } from '../engine/engine';
import type { FileHandler, HandledFile, HandlerInput, RefusedFile } from '../ingest/file-handlers';
import { shownFileName } from '../shared/file-name';
import { storeEesFile } from './ees-read';
import { dataFileOf, publishedKind, readMetaFile, readNeighbourFile } from './published-file';
import { CREATE_PUBLISHED_SQL, clearPublished, PUBLISHED_TABLES, storeMeta, storeNeighbours } from './published-store';

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
  /** How the file was written (an EES file is read whatever its encoding; the others as UTF-8). */
  encoding: string;
}

/** The first line of a text file (BOM and all), enough to recognise published statistics by. */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** A file recognised as published statistics but not read, and why, in words. */
export interface PublishedRefusal {
  kind: 'refused';
  message: string;
}

const refused = (message: string): PublishedRefusal => ({ kind: 'refused', message });

/**
 * Loads a published-statistics file (EES tidy CSV, its metadata, or statistical neighbours) if that is
 * what its first line says it is; null for any other file (a partnership dataset, which the ingest
 * takes). A file it will not read is refused in words, at once.
 */
export async function loadPublishedFile(
  engine: Engine,
  input: HandlerInput,
): Promise<PublishedLoad | PublishedRefusal | null> {
  const head = await readFirstLine(input.blob);
  const kind = head === null ? null : publishedKind(head);
  if (kind === null || head === null) return null;
  if (kind === 'ees') return loadEes(engine, input, head);
  if (input.blob.size > MAX_SMALL_FILE_BYTES) {
    return refused(
      `“${shownFileName(input.fileName)}” is ${(input.blob.size / 1024 ** 2).toFixed(0)} MB: a DfE ${kind === 'meta' ? 'metadata' : 'statistical-neighbour'} file is a few hundred KB at most, so it was not read.`,
    );
  }
  const text = await input.blob.text();
  return kind === 'meta' ? loadMeta(engine, input, text) : loadNeighbours(engine, input, text);
}

/** EES metadata and neighbour files are small (tens of KB): anything far larger is not one. */
const MAX_SMALL_FILE_BYTES = 16 * 1024 * 1024;

/** The longest header line read: an EES header is a few KB. */
const MAX_HEADER_BYTES = 1024 * 1024;

/** The most columns an EES file may have (the DfE's have tens). */
const MAX_EES_COLUMNS = 1000;

/** A file's first line, read a slice at a time (never the whole file); null when it is longer than a header. */
async function readFirstLine(blob: Blob): Promise<string | null> {
  for (let size = 4096; ; size *= 4) {
    const bytes = new Uint8Array(await blob.slice(0, Math.min(size, MAX_HEADER_BYTES)).arrayBuffer());
    const end = bytes.indexOf(0x0a);
    if (end >= 0 || bytes.length === blob.size) {
      return firstLine(new TextDecoder().decode(end >= 0 ? bytes.subarray(0, end) : bytes)).replace(/\r$/, '');
    }
    if (size >= MAX_HEADER_BYTES) return null;
  }
}

/**
 * An EES file, read as every other file is (the ingest has refused it beyond the in-browser limit): its
 * records scanned by the ingest (encoding, line ends; in the browser in a worker, with progress), then
 * read by DuckDB — never whole on the page's thread.
 */
async function loadEes(engine: Engine, input: HandlerInput, head: string): Promise<PublishedLoad | PublishedRefusal> {
  const { fileId, fileName } = input;
  const delimiter = Papa.parse<string[]>(head, { preview: 1 }).meta.delimiter;
  const source = await input.scanText(delimiter);
  const header =
    Papa.parse<string[]>((await readFirstLine(source.blob)) ?? '', { delimiter, preview: 1 }).data[0] ?? [];
  if (header.length > MAX_EES_COLUMNS) {
    return refused(
      `“${shownFileName(fileName)}” has ${header.length} columns: a DfE published-statistics file has tens, so it was not read.`,
    );
  }
  await input.loading();
  const registeredName = `pi_ees_${fileId}.csv`;
  await engine.registerFile(registeredName, source.blob);
  try {
    const layout = {
      registeredName,
      header,
      delimiter,
      quotedNewlines: source.quotedNewlines,
      maxLineBytes: source.maxLineBytes,
    };
    const facts = await storeEesFile(engine, fileId, fileName, layout);
    return {
      fileName,
      kind: 'ees',
      datasetId: 'published_statistics',
      what: `DfE published statistics: ${facts.rows} rows; measures ${facts.measures.join(', ')}${facts.breakdowns.length ? ` by ${facts.breakdowns.join(', ')}` : ''}.`,
      ...facts,
      encoding: source.encoding,
    };
  } finally {
    await engine.dropFile(registeredName);
  }
}

async function loadMeta(engine: Engine, input: HandlerInput, text: string): Promise<PublishedLoad> {
  const columns = readMetaFile(text);
  await storeMeta(engine, input.fileId, input.fileName, columns);
  const describes = dataFileOf(input.fileName);
  return {
    fileName: input.fileName,
    kind: 'meta',
    datasetId: 'published_metadata',
    what: `DfE published statistics: the labels of ${columns.length} columns${describes ? ` of ${describes}` : ''}, shown instead of the column names.`,
    measures: [],
    breakdowns: [],
    cells: 0,
    rows: columns.length,
    otherRows: 0,
    encoding: 'UTF-8',
  };
}

async function loadNeighbours(engine: Engine, input: HandlerInput, text: string): Promise<PublishedLoad> {
  const groups = readNeighbourFile(text);
  await storeNeighbours(engine, groups);
  return {
    fileName: input.fileName,
    kind: 'neighbours',
    datasetId: 'statistical_neighbours',
    what: `DfE statistical neighbours for ${groups.length} local authorities.`,
    measures: [],
    breakdowns: [],
    cells: 0,
    rows: groups.length,
    otherRows: 0,
    encoding: 'UTF-8',
  };
}

/** Forgets what one loaded file put into the published-statistics tables. */
export async function removePublishedFile(engine: Engine, datasetId: string, fileId: number): Promise<void> {
  if (datasetId === 'published_statistics') await engine.run('DELETE FROM pi_published WHERE file_id = ?', [fileId]);
  if (datasetId === 'statistical_neighbours') await engine.run('DELETE FROM pi_neighbours');
  if (datasetId === 'published_metadata') await engine.run('DELETE FROM pi_published_meta WHERE file_id = ?', [fileId]);
}

/** A load as the ingest's file report takes it. */
function handled(loaded: PublishedLoad | PublishedRefusal | null): HandledFile | RefusedFile | null {
  if (loaded === null) return null;
  if (loaded.kind === 'refused') return { refused: loaded.message };
  const what = `${loaded.what} Compare your authority on the Published statistics page.`;
  return { datasetId: loaded.datasetId, what, rows: loaded.rows, encoding: loaded.encoding };
}

/**
 * Published statistics as a kind of file the ingest hands over (a FileHandler, src/ingest/file-handlers.ts):
 * the app's session and the command line pass it to the ingest, which knows nothing of published statistics.
 */
export const PUBLISHED_FILES: FileHandler = {
  createSql: [CREATE_PUBLISHED_SQL],
  keptTables: PUBLISHED_TABLES,
  recognises: (line: string) => publishedKind(line) !== null,
  load: async (engine, input) => handled(await loadPublishedFile(engine, input)),
  remove: removePublishedFile,
  clear: clearPublished,
};

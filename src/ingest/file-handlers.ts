import type { Engine } from '../engine/engine';

/** What a handler says of a file it loaded, for the load report. */
export interface HandledFile {
  /** The load report's dataset id for it (not a partnership dataset's). */
  datasetId: string;
  /** What it was, in one sentence for the load report. */
  what: string;
  rows: number;
  /** How the file was written, for the load report. */
  encoding: string;
}

/** A file a handler recognised but will not read, and why, in words (it names the file). */
export interface RefusedFile {
  refused: string;
}

/** A text file's records as the ingest scanned them (its encoding and line ends made plain). */
export interface ScannedText {
  /** UTF-8 text with uniform line ends. */
  blob: Blob;
  encoding: string;
  quotedNewlines: boolean;
  /** The longest line DuckDB should accept for a file of this size. */
  maxLineBytes: number;
}

/** What a handler is given to load a file: the file, and the ingest's own reading of text. */
export interface HandlerInput {
  fileId: number;
  fileName: string;
  blob: Blob;
  /** Scans the records as every text file's are: encoding, line ends, in the browser in a worker, with progress. */
  scanText(delimiter: string): Promise<ScannedText>;
  /** Says the file has moved on to the database (the progress shows it). */
  loading(): void | Promise<void>;
}

/**
 * A kind of file that is not a partnership dataset, read by a part of the app built on the ingest (DfE
 * published statistics, src/benchmarks/). The ingest knows none of them by name: whoever starts a session
 * passes the handlers (the app's are listed in src/session/file-handlers.ts), so the loader does not
 * depend on the code that uses what it loads.
 */
export interface FileHandler {
  /** Its tables, created with the datasets' tables by prepareDatabase. */
  readonly createSql: readonly string[];
  /** The tables of createSql that hold what its files loaded: kept with the data on this computer. */
  readonly keptTables: readonly string[];
  /** Whether a text file is one of its files, from its first line (BOM and all). */
  recognises(firstLine: string): boolean;
  /** Loads a file it recognised (within the ingest's size limit); null if it turns out not to be one. */
  load(engine: Engine, input: HandlerInput): Promise<HandledFile | RefusedFile | null>;
  /** Forgets what one loaded file put into its tables; a report dataset id not its own is ignored. */
  remove(engine: Engine, datasetId: string, fileId: number): Promise<void>;
  /** Forgets everything it loaded (its tables stay, empty). */
  clear(engine: Engine): Promise<void>;
}

/** The first line of a text file (BOM and all): enough for a handler to recognise its files by. */
export function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** The handler whose file this is, from the file's first 4 KB. */
export function handlerOf(handlers: readonly FileHandler[], head: Uint8Array): FileHandler | undefined {
  if (handlers.length === 0) return undefined;
  const line = firstLine(new TextDecoder().decode(head));
  return handlers.find((handler) => handler.recognises(line));
}

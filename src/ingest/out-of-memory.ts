import { shownFileName } from '../shared/file-name';

/**
 * When the browser tab's memory, not the app's own 1 GB limit, is what stops a file: DuckDB's "Out of
 * Memory" error, or the JavaScript engine failing to allocate (a RangeError, or a worker's message
 * naming one). Said in words, with the way out: the command line, which reads from disk and spills.
 */
const MEMORY_ERROR =
  /out of memory|memory limit|allocation failed|failed to allocate|cannot allocate|invalid (typed )?array length|invalid string length|memory\.grow|maximum memory size/i;

/** Whether an error (or an error's text) says that memory ran out. */
export function isOutOfMemory(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return MEMORY_ERROR.test(text);
}

/** The load report's words for a file that the tab's memory could not hold, whatever kind of file it is. */
export function outOfMemoryMessage(fileName: string, where = ''): string {
  const name = shownFileName(fileName);
  return `“${name}” could not be loaded${where}: this computer’s browser ran out of memory reading it (the file is within the app’s 1 GB limit, but the browser tab could not hold it). Close other tabs and try again, or try the command line, which handles larger files: npm run indicators -- --data "${name}" (see docs/command-line.md).`;
}

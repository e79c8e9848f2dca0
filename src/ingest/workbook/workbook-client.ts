import type { FileKind, WorkbookResult } from './read-workbook';
import type { WorkbookWorkerMessage } from './workbook-worker';

/**
 * Browser only: reads a workbook in its own worker (self-hosted, same origin) and ends the worker when
 * done, so a huge or hostile file never blocks the page and its memory goes with the worker.
 */
export function readWorkbookInWorker(
  blob: Blob,
  kind: Exclude<FileKind, 'text'>,
  onProgress?: (fraction: number) => void,
): Promise<WorkbookResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module' });
    const finish = (result: WorkbookResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<WorkbookWorkerMessage>) => {
      if (event.data.type === 'progress') onProgress?.(event.data.fraction);
      else finish(event.data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: 'refused', message: `it could not be read (${event.message || 'the reader stopped'})` });
    };
    worker.postMessage({ blob, kind });
  });
}

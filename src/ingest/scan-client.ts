import { type RecordScan, type RecordScanner, scanOnTheSpot } from './record-scan';
import type { ScanWorkerMessage } from './scan-worker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (scan: RecordScan) => void; reject: (error: Error) => void; onProgress?: (bytes: number) => unknown }
>();

/** One worker for the page, started on the first big file and kept (its start-up is paid once). */
function scanWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./scan-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<ScanWorkerMessage>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') {
      void waiting.onProgress?.(message.bytesDone);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'done') waiting.resolve(message.scan);
    else waiting.reject(new Error(message.message));
  };
  started.onerror = (event) => {
    event.preventDefault();
    // Every scan under way fails; the next file starts a fresh worker.
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'the scan stopped'));
    pending.clear();
    started.terminate();
    worker = null;
  };
  worker = started;
  return started;
}

function scanInWorker(blob: Blob, delimiter: string, onProgress?: (bytesDone: number) => unknown) {
  return new Promise<RecordScan>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    scanWorker().postMessage({ id, blob, delimiter });
  });
}

/**
 * Browser only: the record scan in a worker, so it runs beside DuckDB's read instead of before it. If
 * the worker cannot run (a browser or policy that refuses it), the scan runs here as it used to.
 */
export const scanRecordsInWorker: RecordScanner = async (blob, delimiter, onProgress) => {
  try {
    return await scanInWorker(blob, delimiter, onProgress);
  } catch {
    return scanOnTheSpot(blob, delimiter, onProgress);
  }
};

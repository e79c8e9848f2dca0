/// <reference lib="webworker" />
// Scans a dropped text file's records off the main thread, while DuckDB (in its own worker) reads the
// same file. Receives { id, blob, delimiter }; posts progress, then the scan or the error.
import { keepToOwnOrigin } from '../shared/origin-guard';
import { blobChunks, type RecordScan, scanRecords } from './record-scan';

export type ScanWorkerRequest = { id: number; blob: Blob; delimiter: string };
export type ScanWorkerMessage =
  | { id: number; type: 'progress'; bytesDone: number }
  | { id: number; type: 'done'; scan: RecordScan }
  | { id: number; type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
keepToOwnOrigin(scope);

scope.onmessage = async (event: MessageEvent<ScanWorkerRequest>) => {
  const { id, blob, delimiter } = event.data;
  try {
    const scan = await scanRecords(blobChunks(blob), delimiter, (bytesDone) => {
      scope.postMessage({ id, type: 'progress', bytesDone } satisfies ScanWorkerMessage);
    });
    scope.postMessage({ id, type: 'done', scan } satisfies ScanWorkerMessage);
  } catch (error) {
    scope.postMessage({
      id,
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies ScanWorkerMessage);
  }
};

/// <reference lib="webworker" />
// Reads a dropped workbook off the main thread, so the page stays responsive however large (or hostile)
// the file is. Receives { blob, kind }; posts progress, then the sheets (as Blobs) or the refusal.
import { keepToOwnOrigin } from '../../shared/origin-guard';
import { type FileKind, readWorkbook } from './read-workbook';

export type WorkbookWorkerRequest = { blob: Blob; kind: Exclude<FileKind, 'text'> };
export type WorkbookWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof readWorkbook>> };

const scope = self as unknown as DedicatedWorkerGlobalScope;
keepToOwnOrigin(scope);

scope.onmessage = async (event: MessageEvent<WorkbookWorkerRequest>) => {
  const { blob, kind } = event.data;
  let last = 0;
  const result = await readWorkbook(blob, kind, {
    onProgress: (fraction) => {
      if (fraction - last >= 0.01 || fraction >= 1) {
        last = fraction;
        scope.postMessage({ type: 'progress', fraction } satisfies WorkbookWorkerMessage);
      }
    },
  });
  scope.postMessage({ type: 'done', result } satisfies WorkbookWorkerMessage);
};

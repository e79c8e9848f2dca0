import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { type LoadProgress, loadDelimitedFile } from './load-file';
import { type LoadReport, summariseLoad } from './load-report';

export interface NamedBlob {
  name: string;
  blob: Blob;
  /** Load as this dataset instead of the one its header suggests. */
  datasetId?: string;
}

/**
 * Loads several files one after another into the same session. Each file gets its own id so its
 * rows and rejections can be told apart; files of one dataset append.
 */
export function createIngestSession(engine: Engine, datasets: readonly DatasetDefinition[]) {
  let nextFileId = 1;
  return {
    async loadFiles(
      files: readonly NamedBlob[],
      onProgress?: (p: LoadProgress) => void | Promise<void>,
    ): Promise<LoadReport> {
      const reports = [];
      for (const file of files) {
        const fileId = nextFileId;
        nextFileId += 1;
        reports.push(
          await loadDelimitedFile(engine, file.blob, {
            fileId,
            fileName: file.name,
            datasets,
            datasetId: file.datasetId,
            onProgress,
          }),
        );
      }
      return summariseLoad(reports);
    },
  };
}

export type IngestSession = ReturnType<typeof createIngestSession>;

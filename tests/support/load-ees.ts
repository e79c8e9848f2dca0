import { expect } from 'vitest';
import { loadPublishedFile, type PublishedLoad } from '../../src/benchmarks/load-published';
import type { Engine } from '../../src/engine/engine';
import type { HandlerInput } from '../../src/ingest/file-handlers';
import { maxLineBytes } from '../../src/ingest/read-stage';
import { prepareTextSource } from '../../src/ingest/text-source';

/** What the ingest gives a file handler for a file, as load-files.ts makes it (records scanned on the spot). */
export function handlerInput(fileId: number, fileName: string, blob: Blob): HandlerInput {
  return {
    fileId,
    fileName,
    blob,
    async scanText(delimiter) {
      const source = await prepareTextSource(blob, undefined, delimiter);
      const { encoding, scan } = source;
      return {
        blob: source.blob,
        encoding,
        quotedNewlines: scan.quotedNewlines,
        maxLineBytes: maxLineBytes(blob.size),
      };
    },
    loading: () => undefined,
  };
}

/** Loads an EES file's text into `pi_published` under `fileId`, as the app loads a dropped file. */
export async function storeEesText(
  engine: Engine,
  fileId: number,
  fileName: string,
  text: string | Uint8Array<ArrayBuffer>,
): Promise<PublishedLoad> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const loaded = await loadPublishedFile(engine, handlerInput(fileId, fileName, new Blob([bytes])));
  expect(loaded?.kind).toBe('ees');
  return loaded as PublishedLoad;
}

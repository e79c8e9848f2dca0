import { expect } from 'vitest';
import { loadPublishedFile, type PublishedLoad } from '../../src/benchmarks/load-published';
import type { Engine } from '../../src/engine/engine';

/** Loads an EES file's text into `pi_published` under `fileId`, as the app loads a dropped file. */
export async function storeEesText(
  engine: Engine,
  fileId: number,
  fileName: string,
  text: string | Uint8Array<ArrayBuffer>,
): Promise<PublishedLoad> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const loaded = await loadPublishedFile(engine, { fileId, fileName, blob: new Blob([bytes]) });
  expect(loaded?.kind).toBe('ees');
  return loaded as PublishedLoad;
}

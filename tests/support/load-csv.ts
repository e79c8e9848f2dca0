import { DATASETS } from '../../src/datasets/registry';
import type { Engine } from '../../src/engine/engine';
import { createIngestSession, type NamedBlob, type UserMappings } from '../../src/ingest/load-files';
import { prepareDatabase } from '../../src/ingest/prepare-database';
import { supersededTable } from '../../src/ingest/schema-sql';
import type { ValueMappings } from '../../src/ingest/value-mapping';
import { FILE_HANDLERS } from '../../src/session/file-handlers';
import { createTestEngine } from './test-engine';

/** A fresh in-memory database with the app's tables and file handlers, and a helper to load CSV text into it. */
export async function createTestSession() {
  const engine: Engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const session = createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS });
  return {
    engine,
    async load(name: string, content: string | Uint8Array<ArrayBuffer>) {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return session.loadFiles([{ name, blob: new Blob([bytes]) }]);
    },
    /** Loads files with the user's own choices (dataset, columns) and saved mappings. */
    async loadFiles(files: NamedBlob[], mappings?: UserMappings) {
      return session.loadFiles(files, undefined, mappings);
    },
    session,
    /** Loads with the user's saved value mappings. */
    async loadWith(name: string, content: string, valueMappings: ValueMappings) {
      return session.loadFiles([{ name, blob: new Blob([new TextEncoder().encode(content)]) }], undefined, {
        values: valueMappings,
      });
    },
    async reset() {
      for (const dataset of DATASETS) await engine.run(`DELETE FROM ${dataset.id}`);
      for (const dataset of DATASETS) await engine.run(`DELETE FROM ${supersededTable(dataset)}`);
      await engine.run('DELETE FROM pi_changes');
      await engine.run('DELETE FROM pi_rejections');
      await engine.run('DELETE FROM pi_warnings');
      session.forgetLoadedFiles();
    },
  };
}

import { earlyHelpEpisodes } from '../../src/datasets/early-help';
import type { Engine } from '../../src/engine/engine';
import { createNodeEngine } from '../../src/engine/node-engine';
import { createIngestSession } from '../../src/ingest/load-files';
import { prepareDatabase } from '../../src/ingest/prepare-database';

/** A fresh in-memory database with the early help table, and a helper to load CSV text into it. */
export async function createTestSession() {
  const engine: Engine = await createNodeEngine();
  await prepareDatabase(engine, [earlyHelpEpisodes]);
  const session = createIngestSession(engine, earlyHelpEpisodes);
  return {
    engine,
    async load(name: string, content: string | Uint8Array<ArrayBuffer>) {
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return session.loadFiles([{ name, blob: new Blob([bytes]) }]);
    },
    async reset() {
      await engine.run('DELETE FROM early_help_episodes');
      await engine.run('DELETE FROM pi_rejections');
    },
  };
}

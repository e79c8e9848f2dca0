// Part of `npm run bench` (run by scripts/bench.mjs through tsx): the tables the app keeps for some
// files, as the bytes the vault seals (Engine.exportTable, Arrow IPC), one file per table in OUT_DIR,
// so the bench's anchor can put the very same bytes into bare duckdb-wasm in the browser.
// Usage: npx tsx scripts/bench-kept-parts.ts OUT_DIR FILE.csv… Asserts nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DATASETS } from '../src/datasets/registry';
import { createNodeEngine } from '../src/engine/node-engine';
import { createIngestSession } from '../src/ingest/load-files';
import { loadedTables, newTableColumnOrder, prepareDatabase } from '../src/ingest/prepare-database';
import { FILE_HANDLERS } from '../src/session/file-handlers';
import { snapshotTables } from '../src/session/kept-snapshot';

async function main() {
  const [outDir, ...files] = process.argv.slice(2);
  if (!outDir || files.length === 0) throw new Error('usage: bench-kept-parts.ts OUT_DIR FILE.csv…');
  const engine = await createNodeEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const blobs = await Promise.all(files.map(async (f) => ({ name: basename(f), blob: new Blob([await readFile(f)]) })));
  await createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS }).loadFiles(blobs);
  const { parts } = await snapshotTables(engine, loadedTables(DATASETS, FILE_HANDLERS), newTableColumnOrder(DATASETS));
  for (const part of parts) await writeFile(join(outDir, `${part.name}.arrow`), part.bytes);
  console.log(JSON.stringify({ parts: parts.map((p) => [p.name, p.bytes.length]) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Keeping a large early-help file, in Node on duckdb-wasm (the browser's wasm and SQL): how long each
// loaded table takes to leave the engine as bytes (Engine.exportTable) and to come back into a fresh one
// (Engine.importTable), the bytes' size raw and gzip'd (the vault gzips every part before sealing it),
// beside bare duckdb-wasm putting the same bytes in a new table (`insertArrowFromIPCStream`, create).
// Usage: npx tsx scripts/bench-kept.ts FILE.csv [rounds]. Prints figures; asserts nothing.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import type { Engine } from '../src/engine/engine';
import { createNodeEngine } from '../src/engine/node-engine';
import { createIngestSession } from '../src/ingest/load-files';
import { loadedTables, prepareDatabase } from '../src/ingest/prepare-database';
import { tableColumns } from '../src/ingest/schema-sql';
import { FILE_HANDLERS } from '../src/session/file-handlers';

const countRow = z.object({ n: z.number() });
const ms = (from: number) => `${((performance.now() - from) / 1000).toFixed(2)} s`;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

async function freshEngine(): Promise<Engine> {
  const engine = await createNodeEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  return engine;
}

/** Bare duckdb-wasm (blocking Node build), as the browser anchor: the bytes into a new table. */
async function anchor(parts: { name: string; bytes: Uint8Array }[]) {
  const { createDuckDB, NODE_RUNTIME, VoidLogger } = await import('@duckdb/duckdb-wasm/blocking');
  const require = createRequire(import.meta.url);
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const db = await createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new VoidLogger(),
    NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({});
  const conn = db.connect();
  const started = performance.now();
  for (const part of parts) conn.insertArrowFromIPCStream(part.bytes.slice(), { name: part.name, create: true });
  return ms(started);
}

async function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: bench-kept.ts FILE.csv [rounds]');
  const rounds = Number(process.argv[3] ?? 1);
  const engine = await freshEngine();
  let t = performance.now();
  await createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS }).loadFiles([
    { name: basename(path), blob: new Blob([await readFile(path)]) },
  ]);
  console.log(`loaded ${basename(path)} in ${ms(t)}`);
  for (let round = 0; round < rounds; round += 1) {
    const parts: { name: string; bytes: Uint8Array }[] = [];
    for (const name of loadedTables(DATASETS, FILE_HANDLERS)) {
      const [row] = await engine.query(`SELECT count(*)::INTEGER AS n FROM main.${name}`, [], countRow);
      if (!row?.n) continue;
      t = performance.now();
      // In a new table's column order, as DataSession.snapshot writes them.
      const dataset = DATASETS.find((d) => d.id === name);
      const order = dataset && tableColumns(dataset).map((c) => c.name);
      const bytes = (await engine.exportTable?.(name, order)) as Uint8Array;
      const took = ms(t);
      t = performance.now();
      const gz = gzipSync(bytes).length;
      console.log(`export ${name} (${row.n} rows): ${took}, ${mb(bytes.length)}, gzip'd ${mb(gz)} in ${ms(t)}`);
      parts.push({ name, bytes });
    }
    const to = await freshEngine();
    for (const part of parts) {
      t = performance.now();
      const way = await to.importTable?.(part.name, part.bytes);
      console.log(`import ${part.name}: ${ms(t)} (${way ?? 'by name'})`);
    }
    console.log(`anchor (bare duckdb-wasm, the same bytes into new tables): ${await anchor(parts)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

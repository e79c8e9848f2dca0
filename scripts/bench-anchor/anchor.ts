// The bench's anchor: bare duckdb-wasm — the same pinned copy and bundle the app ships — reading the
// benchmark file (or the sample's files, one after another) as a user would give it (a File from an <input>), with nothing of the app around it:
// registerFileHandle, then CREATE TABLE AS read_csv with every column as VARCHAR. What the engine itself
// needs, so `npm run bench` can say how much the app adds. A measuring tool, not part of the app (the
// app's only door to DuckDB stays src/engine/).
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';

declare global {
  interface Window {
    anchorReady?: boolean;
    anchorResult?: { readMs: number; rows: number };
    anchorReadyAt?: number;
  }
}

const worker = new Worker(ehWorkerUrl);
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate(ehWasmUrl);
await db.open({ query: { castBigIntToDouble: true } });
const conn = await db.connect();
await conn.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false');
// For experiments from the bench's browser (timing single statements in the browser's wasm).
(window as unknown as { anchorDb: unknown }).anchorDb = { db, conn, duckdb };
window.anchorReadyAt = performance.now();
window.anchorReady = true;

// One file (the benchmark's big one) or several (the sample's eleven): each registered and read in turn.
document.getElementById('file')?.addEventListener('change', async (event) => {
  const files = [...((event.target as HTMLInputElement).files ?? [])];
  if (files.length === 0) return;
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    await db.registerFileHandle(`anchor_${i}.csv`, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    await conn.query(
      `CREATE TABLE t_${i} AS SELECT * FROM read_csv('anchor_${i}.csv', header = true, all_varchar = true)`,
    );
  }
  const readMs = performance.now() - started;
  const counts = files.map((_, i) => `(SELECT count(*) FROM t_${i})`).join(' + ');
  const count = await conn.query(`SELECT (${counts})::INTEGER AS n`);
  window.anchorResult = { readMs, rows: Number(count.toArray()[0]?.toJSON().n) };
});

// Kept data coming back: the tables' Arrow IPC bytes (what the app keeps, decrypted) put into DuckDB,
// as the app's unlock does once the vault has opened them.
document.getElementById('arrow')?.addEventListener('change', async (event) => {
  const files = [...((event.target as HTMLInputElement).files ?? [])];
  if (files.length === 0) return;
  const started = performance.now();
  for (const [i, file] of files.entries()) {
    await conn.insertArrowFromIPCStream(new Uint8Array(await file.arrayBuffer()), { name: `k_${i}`, create: true });
  }
  const readMs = performance.now() - started;
  const counts = files.map((_, i) => `(SELECT count(*) FROM k_${i})`).join(' + ');
  const count = await conn.query(`SELECT (${counts})::INTEGER AS n`);
  window.anchorResult = { readMs, rows: Number(count.toArray()[0]?.toJSON().n) };
});

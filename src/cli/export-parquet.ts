import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import type { LoadReport } from '../ingest/load-report';

/**
 * Writes every loaded dataset, typed as the app stores it, to `dir/<dataset>.parquet`: the tables a
 * region or the whole country would gather from its partnerships and run the same definitions over
 * (docs/command-line.md, "At scale"). The load's own bookkeeping (load ids, line numbers) is left out.
 */
export async function exportParquet(
  engine: Engine,
  dir: string,
  load: LoadReport,
): Promise<{ file: string; rows: number }[]> {
  if (!engine.parquetOf) throw new Error('--export-parquet needs the native engine (--engine native)');
  const target = resolve(dir);
  mkdirSync(target, { recursive: true });
  const loaded = new Set(load.files.filter((f) => f.rowsLoaded > 0).map((f) => f.datasetId));
  const written: { file: string; rows: number }[] = [];
  for (const dataset of DATASETS) {
    if (!loaded.has(dataset.id)) continue;
    const columns = dataset.fields.map((f) => f.name).join(', ');
    const bytes = await engine.parquetOf(`SELECT ${columns} FROM ${dataset.id} ORDER BY load_id, source_line`);
    const file = join(target, `${dataset.id}.parquet`);
    writeFileSync(file, bytes);
    const rows = load.files.filter((f) => f.datasetId === dataset.id).reduce((n, f) => n + f.rowsLoaded, 0);
    written.push({ file, rows });
  }
  return written;
}

import { z } from 'zod';
import type { Engine } from '../../src/engine/engine';
import { SCRATCH_TABLES } from '../../src/ingest/load-file';

/** How many of a load's scratch tables (load-file.ts) are still there: after a load, none should be. */
export async function scratchTablesLeft(engine: Engine): Promise<number> {
  const [row] = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN (${SCRATCH_TABLES.map(() => '?').join(', ')})`,
    [...SCRATCH_TABLES],
    z.object({ n: z.number() }),
  );
  return row?.n ?? 0;
}

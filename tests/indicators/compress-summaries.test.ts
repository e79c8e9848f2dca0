import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateEarlyHelpLines } from '../../sample-data/early-help-generator.mjs';
import { SUMMARY_STORE } from '../../src/engine/session-settings';
import { compressSummaries, ROW_GROUP_ROWS } from '../../src/indicators/compress-summaries';
import { EARLY_HELP_FAMILY } from '../../src/indicators/early-help-indicators';
import type { Filters } from '../../src/indicators/run-indicator';
import { createIndicatorSession } from '../support/indicator-session';
import { watchStatements } from '../support/watched-engine';

// The full summary tables move into the compressed store (compressSummaries) without any query changing
// its answer, before or after a rebuild; checked for every early help indicator with no filter and with
// filters on one, two and three dimensions.
// In the family's order; `where` lists them by name.
const CUBES = ['pi_eh_flow', 'pi_eh_cohort_single', 'pi_eh_wait'];
const BY_NAME = [...CUBES].sort();
const tableRow = z.object({ database_name: z.string(), table_name: z.string(), rows: z.number() });

describe('summary tables in the compressed store', () => {
  let t: Awaited<ReturnType<typeof createIndicatorSession>>;
  beforeAll(async () => {
    t = await createIndicatorSession({ 'eh.csv': [...generateEarlyHelpLines({ seed: 5, startsPerMonth: 120 })] });
  }, 120_000);

  const where = async () =>
    t.engine.query(
      `SELECT database_name, table_name, estimated_size::DOUBLE AS rows FROM duckdb_tables()
       WHERE table_name IN ('pi_eh_cohort_single', 'pi_eh_flow', 'pi_eh_wait') ORDER BY table_name, database_name`,
      [],
      tableRow,
    );
  const filterSets: Filters[] = [
    {},
    { locality: ['Northfield'] },
    { locality: ['Northfield'], gender: ['FEMALE'] },
    { locality: ['Northfield', 'Riverside'], gender: ['MALE'], age_band: ['10 to 15'] },
  ];
  const everything = async () => {
    const out: unknown[] = [];
    for (const filters of filterSets) {
      let counted = 0;
      for (const indicator of EARLY_HELP_FAMILY.indicators) {
        const rows = await t.rows(indicator.id, { granularity: 'quarter', filters });
        counted += rows.reduce((sum, r) => sum + Number(r[1] ?? 0), 0);
        out.push([indicator.id, filters, rows]);
      }
      expect(counted, JSON.stringify(filters)).toBeGreaterThan(0);
    }
    return out;
  };

  it('move, answer the same, are hidden by a rebuild and replaced by the next move', async () => {
    const before = await everything();
    expect(JSON.stringify(before)).toContain('Northfield');
    expect((await where()).every((w) => w.database_name !== SUMMARY_STORE)).toBe(true);

    expect(await compressSummaries(t.engine, { minRows: 1 })).toEqual(CUBES);
    const moved = await where();
    expect(moved.map((w) => [w.database_name, w.table_name])).toEqual(BY_NAME.map((c) => [SUMMARY_STORE, c]));
    // The same answers, through statements prepared before the move (the engine keeps them).
    expect(await everything()).toEqual(before);
    // Nothing left to move.
    expect(await compressSummaries(t.engine, { minRows: 1 })).toEqual([]);

    // A rebuild for another report date lands in the session's database and hides the old copies.
    await t.reprepare({ reportDate: '2024-03-31' });
    const rebuilt = await everything();
    expect(rebuilt).not.toEqual(before);
    expect((await where()).length).toBe(6);
    expect(await compressSummaries(t.engine, { minRows: 1 })).toEqual(CUBES);
    expect((await where()).map((w) => w.database_name)).toEqual([SUMMARY_STORE, SUMMARY_STORE, SUMMARY_STORE]);
    expect(await everything()).toEqual(rebuilt);

    // Tables below one row group stay where they are, and leave no old copy behind.
    await t.reprepare({});
    expect(await compressSummaries(t.engine)).toEqual([]);
    expect((await where()).every((w) => w.database_name !== SUMMARY_STORE)).toBe(true);
    expect(await everything()).toEqual(before);
  }, 300_000);

  it("asks everything in the background, so the user's statements go first", async () => {
    const asked: [string, boolean | undefined][] = [];
    const recording = watchStatements(t.engine, (sql, options) => {
      asked.push([sql, options?.background]);
    });
    expect(await compressSummaries(recording, { minRows: 1 })).toEqual(CUBES);
    // The sizes, three moves, the checkpoint.
    expect(asked).toHaveLength(5);
    expect(asked.map(([, background]) => background)).toEqual([true, true, true, true, true]);
    await t.reprepare({});
  }, 120_000);

  it('keeps text columns compressed, the last part of a table too', async () => {
    await t.engine.run(
      `CREATE OR REPLACE TABLE pi_eh_flow AS
       SELECT DATE '2024-01-01' + (range % 700)::INTEGER AS month, 'AGENCY_' || (range % 7) AS agency, range AS starts
       FROM range(${ROW_GROUP_ROWS + 1000})`,
    );
    expect(await compressSummaries(t.engine, { families: [EARLY_HELP_FAMILY] })).toEqual(['pi_eh_flow']);
    const storage = await t.engine.query(
      `SELECT DISTINCT compression FROM pragma_storage_info('${SUMMARY_STORE}.main.pi_eh_flow')
       WHERE column_name = 'agency' AND segment_type = 'VARCHAR'`,
      [],
      z.object({ compression: z.string() }),
    );
    expect(storage.map((s) => s.compression)).not.toContain('Uncompressed');
    const [count] = await t.engine.query(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT agency)::INTEGER AS agencies FROM pi_eh_flow`,
      [],
      z.object({ n: z.number(), agencies: z.number() }),
    );
    expect(count).toEqual({ n: ROW_GROUP_ROWS + 1000, agencies: 7 });
    await t.reprepare({});
  }, 120_000);
});

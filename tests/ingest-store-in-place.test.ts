import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import type { Engine } from '../src/engine/engine';
import { createIngestSession } from '../src/ingest/load-files';
import type { LoadReport } from '../src/ingest/load-report';
import { prepareDatabase } from '../src/ingest/prepare-database';
import { awkwardFileArb, renderFile } from './support/generated-files';
import { scratchTablesLeft } from './support/scratch-tables';
import { createTestEngine } from './support/test-engine';
import { watchStatements } from './support/watched-engine';

/**
 * A dataset's first big file is stored by turning its staged table into the dataset's table
 * (store-in-place.ts) instead of copying every row. Whatever the file, the result must be exactly the
 * copy's: the same report, rows, column types, constraints and rejections. Here files of any size are
 * stored in place (from 0 rows) and compared with the copy (from no size at all).
 */

interface Stored {
  report: LoadReport;
  tables: Record<string, unknown>;
  inPlace: number;
}

const anyRow = z.record(z.string(), z.unknown());
const sorted = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));

async function store(
  files: { name: string; bytes: Uint8Array }[],
  inPlaceFrom: number | undefined,
  after?: (engine: Engine) => Promise<void>,
): Promise<Stored> {
  const inner = await createTestEngine();
  await prepareDatabase(inner, DATASETS);
  let renamed = 0;
  const engine = watchStatements(inner, (sql) => {
    if (sql.includes('ALTER TABLE pi_parsed RENAME TO')) renamed += 1;
  });
  const session = createIngestSession(engine, DATASETS, { storeInPlaceFrom: inPlaceFrom });
  const report = await session.loadFiles(
    files.map((f) => ({ name: f.name, blob: new Blob([new Uint8Array(f.bytes)]) })),
  );
  await after?.(engine);
  const tables: Record<string, unknown> = {};
  for (const dataset of DATASETS) {
    const rows = await inner.query(`SELECT * FROM ${dataset.id} ORDER BY load_id, source_line`, [], anyRow);
    const columns = await inner.query(
      `SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = ? ORDER BY column_name`,
      [dataset.id],
      anyRow,
    );
    tables[dataset.id] = { rows: rows.map(sorted), columns };
  }
  tables.pi_rejections = await inner.query(
    'SELECT * FROM pi_rejections ORDER BY load_id, line, column_name, reason',
    [],
    anyRow,
  );
  expect(await scratchTablesLeft(inner), 'no scratch table is left behind').toBe(0);
  return { report, tables, inPlace: renamed };
}

const withoutTimes = (report: LoadReport) => ({ ...report, files: report.files.map(({ durationMs: _, ...f }) => f) });

async function expectSameAsCopy(
  files: { name: string; bytes: Uint8Array }[],
  after?: (engine: Engine) => Promise<void>,
) {
  const inPlace = await store(files, 0, after);
  const copied = await store(files, Number.POSITIVE_INFINITY, after);
  expect(copied.inPlace).toBe(0);
  expect(withoutTimes(inPlace.report)).toEqual(withoutTimes(copied.report));
  expect(inPlace.tables).toEqual(copied.tables);
  return inPlace;
}

const file = (path: string) => ({ name: path.split('/').at(-1) ?? path, bytes: new Uint8Array(readFileSync(path)) });
const sampleFiles = readdirSync('sample-data')
  .filter((f) => f.endsWith('.csv'))
  .map((f) => file(`sample-data/${f}`));
const messyFiles = readdirSync('sample-data/messy')
  .filter((f) => f.endsWith('.csv'))
  .map((f) => file(`sample-data/messy/${f}`));

describe('storing a dataset’s first file in place', () => {
  it('gives the sample data exactly as the copy does, each dataset stored in place', async () => {
    const result = await expectSameAsCopy(sampleFiles);
    expect(result.inPlace).toBe(sampleFiles.length);
    expect(result.report.rowsLoaded).toBe(45_615); // the eleven partnership files and the seven child protection lists
  }, 120_000);

  it.each(messyFiles.map((f) => [f.name, f]))('gives %s exactly as the copy does', async (_, messy) => {
    const result = await expectSameAsCopy([messy]);
    expect(result.report.rowsRead).toBe(result.report.rowsLoaded + result.report.rowsRejected);
  });

  it('copies a second file of the same dataset, and holds it to the same constraints', async () => {
    const early = sampleFiles.find((f) => f.name === 'early_help_episodes.csv');
    const bad = messyFiles.find((f) => f.name === 'early_help_bad_dates.csv');
    if (!early || !bad) throw new Error('sample files missing');
    const result = await expectSameAsCopy([early, bad], async (engine) => {
      await expect(
        engine.run(`INSERT INTO early_help_episodes (load_id, source_file, source_line) VALUES (99, 'x.csv', NULL)`),
      ).rejects.toThrow(/NOT NULL/);
    });
    expect(result.inPlace).toBe(1);
  });

  it('by default, stores in place from 50,000 rows and copies smaller files', async () => {
    const rows = (count: number) =>
      Array.from(
        { length: count },
        (_, i) => `EH${i},FSC${i},${String((i % 28) + 1).padStart(2, '0')}/04/2024,,SCHOOL,North`,
      );
    const csv = (count: number) =>
      new TextEncoder().encode(
        ['episode_id,child_id,assessment_start_date,episode_end_date,lead_agency,locality', ...rows(count)].join('\n'),
      );
    const big = await store([{ name: 'big.csv', bytes: csv(50_000) }], undefined);
    expect(big.inPlace).toBe(1);
    expect(big.report.rowsLoaded).toBe(50_000);
    const small = await store([{ name: 'small.csv', bytes: csv(49_999) }], undefined);
    expect(small.inPlace).toBe(0);
    expect(small.report.rowsLoaded).toBe(49_999);
  }, 60_000);

  it('stores a dataset emptied since in place again, with the statements prepared before still right', async () => {
    const engine = await createTestEngine();
    await prepareDatabase(engine, DATASETS);
    const csv = (count: number, prefix: string) =>
      new Blob([
        [
          'episode_id,child_id,assessment_start_date,episode_end_date,lead_agency,locality',
          ...Array.from({ length: count }, (_, i) => `${prefix}${i},FSC${i},01/04/2024,,SCHOOL,North`),
        ].join('\n'),
      ]);
    const session = createIngestSession(engine, DATASETS, { storeInPlaceFrom: 0 });
    expect((await session.loadFiles([{ name: 'a.csv', blob: csv(600, 'A') }])).rowsLoaded).toBe(600);
    await engine.run('DELETE FROM early_help_episodes');
    expect((await session.loadFiles([{ name: 'b.csv', blob: csv(700, 'B') }])).rowsLoaded).toBe(700);
    expect((await session.loadFiles([{ name: 'c.csv', blob: csv(10, 'C') }])).rowsLoaded).toBe(10);
    const files = await engine.query(
      'SELECT source_file, count(*)::INTEGER AS n FROM early_help_episodes GROUP BY 1 ORDER BY 1',
      [],
      z.object({ source_file: z.string(), n: z.number() }),
    );
    expect(files).toEqual([
      { source_file: 'b.csv', n: 700 },
      { source_file: 'c.csv', n: 10 },
    ]);
  });

  it('the same for generated files with stray quotes, blank rows, odd encodings and line ends', async () => {
    await fc.assert(
      fc.asyncProperty(awkwardFileArb, fc.nat(), async (generated, seed) => {
        const { bytes } = renderFile(generated, seed);
        await expectSameAsCopy([{ name: 'generated.csv', bytes }]);
      }),
      { numRuns: 10, seed: 20261202 },
    );
  }, 240_000);
});

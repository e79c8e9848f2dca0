import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEngine } from '../../tests/support/test-engine';
import { DATASETS } from '../datasets/registry';
import type { Engine, TableImport } from '../engine/engine';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { INDICATORS } from '../indicators/registry';
import { runIndicators } from '../indicators/run-indicator';
import { createIngestSession } from '../ingest/load-files';
import { loadedTables, prepareDatabase } from '../ingest/prepare-database';
import { DataSession, type SessionStore } from './data-session';
import { FILE_HANDLERS } from './file-handlers';
import { KEPT_FORMAT, type KeptPart, type SessionSnapshot } from './kept-snapshot';

// Everything the sample loads (every dataset, rejections, warnings, DfE published statistics), kept as
// bytes and put back into another engine: the app must then be exactly as it was.

const file = (path: string) => ({ name: path.split('/').at(-1) as string, blob: new Blob([readFileSync(path)]) });
const SAMPLE = [
  // Rejected rows, and rows loaded with warnings (first: the sample repeats their records, then skipped).
  file('sample-data/messy/early_help_bad_dates.csv'),
  file('sample-data/messy/early_help_bad_optional_cells.csv'),
  ...readdirSync('sample-data')
    .filter((name) => name.endsWith('.csv'))
    .map((name) => file(`sample-data/${name}`)),
  ...readdirSync('sample-data/published')
    .filter((name) => name.endsWith('.csv'))
    .map((name) => file(`sample-data/published/${name}`)),
];
const TABLES = loadedTables(DATASETS, FILE_HANDLERS);

const store: SessionStore = {
  readMappings: () => ({ values: {}, columns: {}, dates: {} }),
  saveMappings: () => undefined,
  readHeld: () => null,
  saveHeld: () => undefined,
};

/** `storeInPlaceFrom`: a dataset's first file becomes its table (store-in-place.ts), its columns in another order. */
async function newSession(storeInPlaceFrom?: number) {
  const engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const versions: number[] = [];
  const ingest = createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS, storeInPlaceFrom });
  const session: DataSession = new DataSession({
    open: async () => ({ engine, ingest }),
    datasets: DATASETS,
    handlers: FILE_HANDLERS,
    store,
    afterChange: () => {
      versions.push(session.getSnapshot().dataVersion);
    },
    now: () => new Date('2026-12-07T09:30:00Z'),
  });
  return { engine, session, versions };
}

const describeRow = z.object({ column_name: z.string(), column_type: z.string(), null: z.string() });
const contentRow = z.object({ n: z.number(), text: z.string().nullable(), hashes: z.string().nullable() });

/**
 * A table's declared columns, and its rows: count, all values as DuckDB's text in order, and their
 * hashes. Columns by name: a table stored in place has them in another order than a new table.
 */
async function contents(engine: Engine, table: string) {
  const columns = (await engine.query(`DESCRIBE ${table}`, [], describeRow)).sort((a, b) =>
    a.column_name.localeCompare(b.column_name),
  );
  const row = `struct_pack(${columns.map((c) => `"${c.column_name}"`).join(', ')})`;
  const [rows] = await engine.query(
    `SELECT count(*)::INTEGER AS n, md5(string_agg(${row}::VARCHAR, chr(30) ORDER BY rowid)) AS text,
       sum(hash(${row}))::VARCHAR AS hashes FROM ${table}`,
    [],
    contentRow,
  );
  return { columns, rows };
}

async function everyIndicator(engine: Engine) {
  const prepared = await prepareIndicators(engine);
  const results = await runIndicators(engine, prepared, INDICATORS, { granularity: 'quarter' });
  return results.map((r) => (r instanceof Error ? `error: ${r.message}` : r));
}

let before: Awaited<ReturnType<typeof newSession>>;
let snapshot: SessionSnapshot;

beforeAll(async () => {
  before = await newSession(1);
  await before.session.loadFiles(SAMPLE);
  snapshot = await before.session.snapshot();
}, 240_000);

describe('keeping what is loaded: snapshot and restore', () => {
  it('keeps one part per loaded table with rows, and a state that is plain JSON', () => {
    const report = before.session.getSnapshot().lastReport;
    expect(report?.rowsRejected).toBeGreaterThan(0);
    expect(report?.rowsWarned).toBeGreaterThan(0);
    expect(report?.files.some((f) => f.datasetId === 'published_statistics')).toBe(true);
    const withRows = snapshot.state.tables.filter((t) => t.rows > 0).map((t) => t.name);
    expect(snapshot.parts.map((p) => p.name)).toEqual(withRows);
    expect(withRows).toEqual(expect.arrayContaining([...DATASETS.map((d) => d.id), 'pi_rejections', 'pi_warnings']));
    expect(withRows).toContain('pi_published');
    expect(snapshot.state.tables.map((t) => t.name)).toEqual(TABLES);
    expect(snapshot.state.format).toBe(KEPT_FORMAT);
    expect(JSON.parse(JSON.stringify(snapshot.state))).toEqual(snapshot.state);
  });

  it('restores into a new engine exactly: every table, the report, the counts and every indicator', async () => {
    const after = await newSession();
    const ways = new Map<string, TableImport>();
    const { importTable } = after.engine;
    after.engine.importTable = async (table, bytes) => {
      const way = (await importTable?.call(after.engine, table, bytes)) as TableImport;
      ways.set(table, way);
      return way;
    };
    await after.session.restore(structuredClone(snapshot));
    // Every part went in at once, those of tables stored in place too: written in a new table's order.
    expect(Object.fromEntries(ways)).toEqual(Object.fromEntries(snapshot.parts.map((p) => [p.name, 'direct'])));
    for (const table of TABLES) {
      expect(await contents(after.engine, table), table).toEqual(await contents(before.engine, table));
    }
    // Tables the sample's files were stored in place as came back with a new table's column order.
    const reordered: string[] = [];
    for (const table of snapshot.state.tables) {
      const now = await after.engine.query(`DESCRIBE ${table.name}`, [], describeRow);
      if (now.map((c) => c.column_name).join() !== table.columns.map((c) => c.name).join()) reordered.push(table.name);
    }
    expect(reordered).toContain('training_attendance');
    const was = before.session.getSnapshot();
    const now = after.session.getSnapshot();
    expect(now.lastReport).toEqual(was.lastReport);
    expect({ rows: now.rowsInDatabase, loads: now.loadCount, at: now.loadedAt }).toEqual({
      rows: was.rowsInDatabase,
      loads: was.loadCount,
      at: was.loadedAt,
    });
    expect(now.dataVersion).toBeGreaterThan(0);
    expect(after.versions).toEqual([now.dataVersion]);
    const indicators = await everyIndicator(before.engine);
    expect(indicators.filter((r) => typeof r !== 'string' && r.status === 'ok').length).toBeGreaterThan(
      INDICATORS.length / 2,
    );
    expect(await everyIndicator(after.engine)).toEqual(indicators);

    // A restored file cannot be changed (its bytes were not kept), and says so.
    const restored = now.lastReport?.files[0];
    expect(restored && after.session.canRemap(restored)).toBe(false);
    expect(restored && after.session.isKeptFile(restored)).toBe(true);

    // The same file again is recognised; a new one gets an id no kept file has.
    const usedIds = new Set(was.lastReport?.files.map((f) => f.fileId));
    await after.session.loadFiles([file('sample-data/schools.csv')]);
    const again = after.session.getSnapshot().lastReport?.files[0];
    expect(again).toMatchObject({ status: 'duplicate', fileName: 'schools.csv', rowsLoaded: 0 });
    expect(usedIds.has(again?.fileId ?? 0)).toBe(false);
    const episodes = 'episode_id,child_id,assessment_start_date\nNEW1,C1,01/04/2024\nNEW2,C2,02/04/2024\n';
    await after.session.loadFiles([{ name: 'new-episodes.csv', blob: new Blob([episodes]) }]);
    const fresh = after.session.getSnapshot().lastReport?.files[0];
    expect(fresh?.rowsLoaded).toBe(2);
    expect(usedIds.has(fresh?.fileId ?? 0)).toBe(false);
    expect(fresh && after.session.canRemap(fresh)).toBe(true);
    expect(fresh && after.session.isKeptFile(fresh)).toBe(false);
  }, 240_000);

  it('refuses a damaged state before changing anything, naming what is wrong', async () => {
    const target = await newSession();
    await target.session.loadFiles([file('sample-data/schools.csv')]);
    const held = target.session.getSnapshot();
    const bad = (state: unknown, parts = snapshot.parts) => target.session.restore({ state, parts });
    await expect(bad({ ...snapshot.state, format: 99 })).rejects.toThrow(/format 99; this version .* format 1/);
    await expect(bad({ ...snapshot.state, loadCount: 'two' })).rejects.toThrow(/description is damaged \(loadCount/);
    await expect(bad(null)).rejects.toThrow(/description is damaged/);
    await expect(
      bad(snapshot.state, [...snapshot.parts, { name: 'pi_secrets', bytes: new Uint8Array(8) }]),
    ).rejects.toThrow(/part that belongs to no table: pi_secrets/);
    await expect(bad(snapshot.state, snapshot.parts.slice(1))).rejects.toThrow(/kept rows of .* are missing/);
    const foreign = {
      ...snapshot.state,
      tables: [...snapshot.state.tables, { name: 'x; DROP TABLE schools', columns: [], rows: 0 }],
    };
    await expect(bad(foreign)).rejects.toThrow(/a table this app does not load/);
    const renamed = snapshot.state.tables.map((t) =>
      t.name === 'schools' ? { ...t, columns: t.columns.map((c, i) => (i === 3 ? { ...c, type: 'BIGINT' } : c)) } : t,
    );
    await expect(bad({ ...snapshot.state, tables: renamed })).rejects.toThrow(/schools has other columns/);
    // Nothing changed: what was loaded is still there, and the charts were not asked to refresh.
    expect(target.session.getSnapshot()).toBe(held);
    expect((await contents(target.engine, 'schools')).rows?.n).toBeGreaterThan(0);
  }, 120_000);

  it('a damaged part leaves nothing half restored: the session is empty and loads again', async () => {
    const target = await newSession();
    const damaged = snapshot.parts.map((p, i) =>
      i === snapshot.parts.length - 1 ? { ...p, bytes: p.bytes.slice(0, Math.floor(p.bytes.length / 2)) } : p,
    );
    await expect(target.session.restore({ state: snapshot.state, parts: damaged })).rejects.toThrow(
      /^The kept data could not be restored\. The kept rows of pi_published are damaged \(.+\)\. Nothing of it was loaded\.$/,
    );
    const state = target.session.getSnapshot();
    expect(state).toMatchObject({ lastReport: null, rowsInDatabase: 0, loading: false });
    for (const table of TABLES) expect((await contents(target.engine, table)).rows?.n, table).toBe(0);
    await target.session.loadFiles([file('sample-data/schools.csv')]);
    expect(target.session.getSnapshot().lastReport?.files[0]?.status).toBe('loaded');
  }, 120_000);

  it('restores from parts arriving a piece at a time; a part that fails part-way leaves nothing loaded', async () => {
    const streamed = (parts: readonly KeptPart[], fail?: string) =>
      parts.map((part) => ({
        name: part.name,
        async *pieces() {
          for (let at = 0; at < part.bytes.length; at += 4096) {
            if (part.name === fail && at > part.bytes.length / 2)
              throw new Error('chunk 9 has been changed or damaged');
            yield part.bytes.slice(at, at + 4096);
          }
        },
      }));
    const target = await newSession();
    await target.session.restore({ state: structuredClone(snapshot.state), parts: streamed(snapshot.parts) });
    for (const table of TABLES) {
      expect(await contents(target.engine, table), table).toEqual(await contents(before.engine, table));
    }
    const failing = await newSession();
    const big = snapshot.parts.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
    await expect(
      failing.session.restore({ state: structuredClone(snapshot.state), parts: streamed(snapshot.parts, big.name) }),
    ).rejects.toThrow(
      /could not be restored\. The kept rows of .* are damaged \(chunk 9 has been changed or damaged\)/,
    );
    for (const table of TABLES) expect((await contents(failing.engine, table)).rows?.n, table).toBe(0);
  }, 120_000);
});

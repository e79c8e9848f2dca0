import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PUBLISHED_FILES } from '../src/benchmarks/load-published';
import { DATASETS } from '../src/datasets/registry';
import type { Engine } from '../src/engine/engine';
import { createIngestSession, type NamedBlob } from '../src/ingest/load-files';
import { prepareDatabase } from '../src/ingest/prepare-database';
import { createTestEngine } from './support/test-engine';
import { watchStatements } from './support/watched-engine';

// Issue 28: when the tab's memory, not the app's 1 GB limit, is what refuses a file, the report says
// so in words and points to the command line — for a CSV, a DfE published-statistics file or a workbook.

const DUCKDB_OOM = 'Out of Memory Error: failed to allocate data of size 256.0 MiB (3.0 GiB/3.0 GiB used)';

const EES = [
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,count',
  '2024,Financial year,National,E92000001,England,,,,,,10',
].join('\n');

const CSV = [
  'audit_id,action_id,agency,due_date,completed_date,status',
  'MACFA-01,MACFA-01-A1,LA_EDUCATION,13/09/2022,22/09/2022,COMPLETE',
].join('\n');

let engine: Engine;
beforeAll(async () => {
  engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, [PUBLISHED_FILES]);
});

const file = (name: string, content: string | Uint8Array<ArrayBuffer>): NamedBlob => ({
  name,
  blob: new Blob([typeof content === 'string' ? new TextEncoder().encode(content) : content]),
});

/** The engine running out of memory at the first statement that reads the registered file. */
const failingAtRead = () =>
  watchStatements(engine, (sql) => {
    if (/read_csv\('pi_/.test(sql)) throw new Error(DUCKDB_OOM);
  });

const saysOutOfMemory = (message: string | null | undefined, name: string) => {
  expect(message).toContain(`“${name}” could not be loaded`);
  expect(message).toContain('this computer’s browser ran out of memory reading it');
  expect(message).toContain(`try the command line, which handles larger files: npm run indicators -- --data "${name}"`);
  expect(message).not.toContain('failed to allocate');
};

describe('a file the tab has no memory for', () => {
  it('is explained in words for a DfE published-statistics file, leaving nothing of it stored', async () => {
    const session = createIngestSession(failingAtRead(), DATASETS, { handlers: [PUBLISHED_FILES] });
    const report = await session.loadFiles([file('big_ees.csv', EES)]);
    const [only] = report.files;
    expect(only?.status).toBe('failed');
    saysOutOfMemory(only?.message, 'big_ees.csv');
    const left = await engine.query(
      "SELECT (SELECT count(*) FROM pi_published)::INTEGER AS cells, (SELECT count(*) FROM duckdb_tables() WHERE table_name = 'pi_ees_rows')::INTEGER AS scratch",
      [],
      z.object({ cells: z.number(), scratch: z.number() }),
    );
    expect(left).toEqual([{ cells: 0, scratch: 0 }]);
  });

  it('is explained in words for a partnership CSV', async () => {
    const session = createIngestSession(failingAtRead(), DATASETS, { handlers: [PUBLISHED_FILES] });
    const [only] = (await session.loadFiles([file('audit_actions.csv', CSV)])).files;
    expect(only?.status).toBe('failed');
    saysOutOfMemory(only?.message, 'audit_actions.csv');
  });

  it('is explained in words for a workbook, whether its reader says so or dies of it', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    const refusing = createIngestSession(engine, DATASETS, {
      readWorkbook: async () => ({
        kind: 'refused',
        message: 'it could not be opened as a spreadsheet (Array buffer allocation failed)',
      }),
    });
    saysOutOfMemory((await refusing.loadFiles([file('big.xlsx', xlsx)])).files[0]?.message, 'big.xlsx');
    const dying = createIngestSession(engine, DATASETS, {
      readWorkbook: async () => {
        throw new RangeError('Array buffer allocation failed');
      },
    });
    saysOutOfMemory((await dying.loadFiles([file('bigger.xlsx', xlsx)])).files[0]?.message, 'bigger.xlsx');
  });

  it('keeps any other failure’s own words', async () => {
    const refusing = createIngestSession(engine, DATASETS, {
      readWorkbook: async () => ({ kind: 'refused', message: 'this workbook is password-protected' }),
    });
    const [only] = (await refusing.loadFiles([file('locked.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))])).files;
    expect(only?.message).toContain('this workbook is password-protected');
    expect(only?.message).not.toContain('memory');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import { createIngestSession } from '../src/ingest/load-files';
import type { LoadReport } from '../src/ingest/load-report';
import { prepareDatabase } from '../src/ingest/prepare-database';
import { scratchTablesLeft } from './support/scratch-tables';
import { createTestEngine } from './support/test-engine';
import { watchStatements } from './support/watched-engine';

/**
 * A big file whose start is plain is read by DuckDB while its records are scanned (load-file's early
 * read). Whatever the rest of the file turns out to be, the result must be exactly the result of
 * scanning first: the same report, the same rows, the same rejections.
 */

const HEADER = 'episode_id,child_id,assessment_start_date,episode_end_date,lead_agency,locality';

function plainRows(count: number, from = 1): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const day = String((n % 28) + 1).padStart(2, '0');
    return `EH${n},FSC${n},${day}/04/2024,${day}/05/2024,${n % 3 === 0 ? 'POLICE' : 'SCHOOL'},North and West`;
  });
}

/** About 330 KB of plain rows (beyond the 256 KB head), then the given tail. */
function bigFile(tail: string[]): string {
  return [HEADER, ...plainRows(6000), ...tail, ...plainRows(10, 9000)].join('\n');
}

interface Loaded {
  report: LoadReport;
  rows: Record<string, unknown>[];
  rejections: unknown[];
  parsedReads: number;
}

const tableRow = z.record(z.string(), z.unknown());

/** Loads the files in a fresh database, early reads on (from 0 bytes) or off, and says what came of it. */
async function load(files: { name: string; bytes: Uint8Array<ArrayBuffer> }[], early: boolean): Promise<Loaded> {
  const inner = await createTestEngine();
  await prepareDatabase(inner, DATASETS);
  let parsedReads = 0;
  const engine = watchStatements(inner, (sql) => {
    if (sql.includes('CREATE OR REPLACE TABLE pi_parsed')) parsedReads += 1;
  });
  const session = createIngestSession(engine, DATASETS, { earlyReadFrom: early ? 0 : Number.POSITIVE_INFINITY });
  const report = await session.loadFiles(files.map((f) => ({ name: f.name, blob: new Blob([f.bytes]) })));
  const rows = await inner.query(
    `SELECT * EXCLUDE (load_id) FROM early_help_episodes ORDER BY source_file, source_line`,
    [],
    tableRow,
  );
  const rejections = await inner.query(
    'SELECT * EXCLUDE (load_id) FROM pi_rejections ORDER BY source_file, line, column_name, reason',
    [],
    tableRow,
  );
  expect(await scratchTablesLeft(inner), 'no scratch table is left behind').toBe(0);
  return { report, rows, rejections, parsedReads };
}

const withoutTimes = (report: LoadReport) => ({
  ...report,
  files: report.files.map(({ durationMs: _, ...file }) => file),
});

async function expectSameAsScanFirst(files: { name: string; bytes: Uint8Array<ArrayBuffer> }[]) {
  const early = await load(files, true);
  const scanFirst = await load(files, false);
  expect(withoutTimes(early.report)).toEqual(withoutTimes(scanFirst.report));
  expect(early.rows).toEqual(scanFirst.rows);
  expect(early.rejections).toEqual(scanFirst.rejections);
  return early;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading a big file while it is scanned', () => {
  it('keeps the early read of a plain file: one read, the same rows, rejections and lines', async () => {
    const text = bigFile([
      'EH-bad,FSC-bad,31/02/2024,,POLICE,North',
      '',
      'EH-extra,FSC-x,01/04/2024,,POLICE,North,surplus',
    ]);
    const early = await expectSameAsScanFirst([{ name: 'plain.csv', bytes: utf8(text) }]);
    expect(early.parsedReads).toBe(1);
    expect(early.report.rowsRejected).toBe(2);
    expect(early.report.rowsLoaded).toBe(6010);
  });

  it.each([
    ['a value padded with spaces', ['EH-pad,FSC-pad, 01/04/2024 ,,POLICE,North']],
    ['a line break inside quotes', ['EH-nl,FSC-nl,01/04/2024,,POLICE,"North', 'and West"']],
    ['a lone carriage return', ['EH-cr,FSC-cr,01/04/2024,,POLICE,North\rEH-cr2,FSC-cr2,01/04/2024,,POLICE,North']],
  ])('reads again, as if scanned first, when the rest of the file has %s', async (_, tail) => {
    const early = await expectSameAsScanFirst([{ name: 'tail.csv', bytes: utf8(bigFile(tail)) }]);
    expect(early.parsedReads).toBe(2);
  });

  it('reads again when a Windows-1252 byte turns up beyond the start', async () => {
    const text = utf8(bigFile(['EH-w,FSC-w,01/04/2024,,POLICE,Caf?']));
    const bytes = new Uint8Array(text);
    bytes[bytes.lastIndexOf(0x3f)] = 0xe9; // "é" in Windows-1252, invalid on its own in UTF-8
    const early = await expectSameAsScanFirst([{ name: 'cp1252.csv', bytes }]);
    expect(early.parsedReads).toBe(2);
    expect(early.report.files[0]?.encoding).toBe('Windows-1252');
  });

  it('loads a record of several megabytes and rejects one over the 10 MB line limit, naming its line', async () => {
    // A long case note: 9.9 MB loads whole; 10.1 MB is over DuckDB's line limit (10,000,000 bytes).
    // DuckDB's read buffer must stay well above the longest record (a 4 MiB one misread 3.9 MB).
    const note = (bytes: number) => `"${'Visited;'.repeat(Math.ceil(bytes / 8)).slice(0, bytes)}"`;
    const text = bigFile([
      `EH-long,FSC-long,01/04/2024,,POLICE,${note(9_900_000)}`,
      `EH-over,FSC-over,01/04/2024,,POLICE,${note(10_100_000)}`,
    ]);
    const early = await expectSameAsScanFirst([{ name: 'notes.csv', bytes: utf8(text) }]);
    expect(early.report.rowsLoaded).toBe(6011);
    expect(early.report.rowsRejected).toBe(1);
    expect(early.rejections).toEqual([
      expect.objectContaining({
        source_file: 'notes.csv',
        line: 6003,
        reason: expect.stringMatching(/too long.*10 MB/),
      }),
    ]);
    const long = early.rows.find((row) => row.episode_id === 'EH-long');
    expect(String(long?.locality).length).toBe(9_900_000);
  });

  it('drops the early read of a file dropped twice', async () => {
    const bytes = utf8(bigFile([]));
    const early = await expectSameAsScanFirst([
      { name: 'first.csv', bytes },
      { name: 'again.csv', bytes },
    ]);
    expect(early.report.files.map((f) => f.status)).toEqual(['loaded', 'duplicate']);
  });

  it('leaves nothing of the early read behind when the scan itself fails', async () => {
    const engine = await createTestEngine();
    await prepareDatabase(engine, DATASETS);
    const session = createIngestSession(engine, DATASETS, {
      earlyReadFrom: 0,
      scanRecords: async () => {
        throw new Error('the scan stopped');
      },
    });
    const report = await session.loadFiles([{ name: 'plain.csv', blob: new Blob([utf8(bigFile([]))]) }]);
    expect(report.files[0]?.message).toMatch(/“plain\.csv” could not be read: the scan stopped/);
    expect(report.rowsLoaded).toBe(0);
    expect(await scratchTablesLeft(engine)).toBe(0);
  });
});

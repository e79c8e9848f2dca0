import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PUBLISHED_FILES } from '../../src/benchmarks/load-published';
import { CREATE_PUBLISHED_SQL, clearPublished } from '../../src/benchmarks/published-store';
import { DATASETS } from '../../src/datasets/registry';
import type { Engine } from '../../src/engine/engine';
import { createIngestSession } from '../../src/ingest/load-files';
import { type ReferenceCell, referenceEesRead } from '../support/ees-reference';
import { writeLargeEes } from '../support/large-ees';
import { storeEesText } from '../support/load-ees';
import { createTestEngine } from '../support/test-engine';

// An EES file is read by DuckDB (issue 28: a 60 MB file read whole in the page froze it for 33 s). The
// read must store exactly what the page's reader stored: tests/support/ees-reference.ts is that reader.

const HEADER =
  '\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,,category,count,rate,all_marked,mixed';

// Every row below says what it tries: trimmed cells (spaces, tabs, no-break spaces), thousands commas,
// markers in any case, blanks, −0, exponents, a breakdown with a quote, a backslash, a tab and a line
// break in it, rows of other levels, ragged and blank rows, CRLF line ends.
const CRAFTED = [
  HEADER,
  '2024,Financial year,National,E92000001,England,,,,,,x,All, 1000 ,21.5,c,1',
  '2024,Financial year, Regional\t,E92000001,England,R1,North,,,,x,All,"1,200",-0,C,2',
  '2024,Financial year,Local authority,E92000001,England,R1,North,201,E09000001,\u00a0Aston\u00a0,x,"Say ""no"" \\ now",80,LOW,,three',
  '2024,Financial year,Local authority,E92000001,England,R1,North,202,E09000002,\u2003Bury\u3000,x,"two\nlines\tand tab",1e3,.5,z,4',
  '2024,Financial year,Local skills improvement plan area,E92000001,England,,,,,Skills,x,All,5,5,c,5',
  '2024,Financial year,Ward,E92000001,England,,,,,Ward,x,All,6,6,c,6',
  ',,,,,,,,,,,,,,,',
  '   ',
  '2023,Financial year,Local authority,E92000001,England,R1,North,203,E09000003,Crewe,x,All,5.,-1.5e-2',
  '2023,Financial year,National,E92000001,England,,,,,,x,All,"12,345,678",:',
  '',
].join('\r\n');

let engine: Engine;
let dir: string;

beforeAll(async () => {
  engine = await createTestEngine();
  await engine.run(CREATE_PUBLISHED_SQL);
  dir = mkdtempSync(join(tmpdir(), 'pi-ees-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CELL = z.object({
  measure: z.string(),
  filters: z.string(),
  time_period: z.string(),
  time_identifier: z.string(),
  level: z.string(),
  region_code: z.string(),
  region_name: z.string(),
  old_la_code: z.string(),
  new_la_code: z.string(),
  la_name: z.string(),
  value: z.number().nullable(),
  marker: z.string().nullable(),
});

/** Cells as sorted JSON lines: the same cells in any order compare equal. */
const sorted = (cells: readonly ReferenceCell[]) => cells.map((c) => JSON.stringify(c)).sort();

async function storedCells(fileId: number): Promise<ReferenceCell[]> {
  return engine.query(
    `SELECT measure, filters, time_period, time_identifier, level, region_code, region_name, old_la_code,
       new_la_code, la_name, value, marker FROM pi_published WHERE file_id = ?`,
    [fileId],
    CELL,
  );
}

describe('an EES file read by DuckDB', () => {
  it('stores what the page’s reader stored, edge case by edge case', async () => {
    await clearPublished(engine);
    const loaded = await storeEesText(engine, 1, 'crafted.csv', CRAFTED);
    const reference = referenceEesRead(CRAFTED);
    expect(loaded.measures).toEqual(['count', 'rate']);
    expect(loaded.breakdowns).toEqual(['category', 'all_marked', 'mixed']);
    expect([loaded.measures, loaded.breakdowns]).toEqual([reference.measures, reference.breakdowns]);
    expect([loaded.rows, loaded.otherRows, loaded.cells]).toEqual([6, 2, 12]);
    expect([loaded.rows, loaded.otherRows, loaded.cells]).toEqual([
      reference.rows,
      reference.otherRows,
      reference.cells.length,
    ]);
    const stored = await storedCells(1);
    expect(sorted(stored)).toEqual(sorted(reference.cells));
    // By hand: "1,200" is 1200, −0 is 0, LOW stays as written, a blank is the marker ''.
    const cell = (la: string, level: string, measure: string) =>
      stored.find((c) => c.la_name === la && c.level === level && c.measure === measure && c.time_period === '2024');
    expect(cell('', 'Regional', 'count')).toMatchObject({ value: 1200, marker: null });
    expect(Object.is(cell('', 'Regional', 'rate')?.value, 0)).toBe(true);
    expect(cell('Aston', 'Local authority', 'rate')).toMatchObject({
      value: null,
      marker: 'LOW',
      filters: JSON.stringify([
        ['category', 'Say "no" \\ now'],
        ['all_marked', ''],
        ['mixed', 'three'],
      ]),
    });
    expect(cell('Bury', 'Local authority', 'count')?.filters).toContain('"two\\nlines\\tand tab"');
  });

  it('reads a generated file (160 places × 95 breakdowns) as the page’s reader did, cell for cell', async () => {
    await clearPublished(engine);
    const path = join(dir, 'generated.csv');
    const made = writeLargeEes(path, 1024 * 1024);
    const text = readFileSync(path, 'utf8');
    const loaded = await storeEesText(engine, 2, 'generated.csv', text);
    expect(loaded.measures).toEqual(['children', 'percent', 'rate']);
    expect(loaded.breakdowns).toEqual(['characteristic', 'sex', 'note']);
    expect([made.years, loaded.rows, loaded.otherRows, loaded.cells]).toEqual([1, 15_200, 0, 45_600]);
    expect(sorted(await storedCells(2))).toEqual(sorted(referenceEesRead(text).cells));
    // One row by the generator's rule: 1900, authority 7, characteristic index 3, sex index 2.
    const one = await engine.query(
      `SELECT measure, value, marker FROM pi_published
       WHERE file_id = 2 AND time_period = '1900' AND la_name = 'Authority 7' AND filters = ? ORDER BY measure`,
      [
        JSON.stringify([
          ['characteristic', 'Characteristic 4'],
          ['sex', 'Unknown'],
          ['note', 'z'],
        ]),
      ],
      z.object({ measure: z.string(), value: z.number().nullable(), marker: z.string().nullable() }),
    );
    // children 1000 × 0 + 10 × 7 + 3; percent (7 + 3 + 2) mod 100 and .5; rate (7 + 3) mod 7 = 3 → "1,007".
    expect(one).toEqual([
      { measure: 'children', value: 73, marker: null },
      { measure: 'percent', value: 12.5, marker: null },
      { measure: 'rate', value: 1007, marker: null },
    ]);
    // Authority 6: (6 + 0) mod 7 = 6 → a number; authority 7, characteristic 0: 7 mod 7 = 0 → "c".
    const [marked] = await engine.query(
      `SELECT count(*)::INTEGER AS n FROM pi_published WHERE file_id = 2 AND measure = 'rate' AND marker = 'c'`,
      [],
      z.object({ n: z.number() }),
    );
    const expectedC = referenceEesRead(text).cells.filter((c) => c.measure === 'rate' && c.marker === 'c').length;
    expect(marked?.n).toBe(expectedC);
    expect(expectedC).toBeGreaterThan(0);
  });

  it('refuses an EES file beyond the in-browser limit at once, as any other file, without reading it', async () => {
    const blob = new Blob([`${HEADER}\n`]);
    Object.defineProperty(blob, 'size', { value: 1.5 * 1024 ** 3 });
    const ingest = createIngestSession(engine, DATASETS, { handlers: [PUBLISHED_FILES] });
    const report = await ingest.loadFiles([{ name: 'huge.csv', blob }]);
    expect(report.files[0]).toMatchObject({
      status: 'failed',
      rowsRead: 0,
      message:
        '“huge.csv” is 1.5 GB: the in-browser database can take files up to 1 GB. Split it into smaller files (for example one per year).',
    });
  });
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

// Each cell comes from a pool whose validity is known, so the test knows which rows must load.
const CHILD_IDS = { valid: ['C1', ' C2 ', 'C,3', 'C"4', 'C\n5', 'C;6', 'C|7'], invalid: ['', '   '] };
const STARTS = {
  valid: [
    '01/04/2024',
    '1/4/2024',
    '2024-04-01',
    '15/06/23',
    ' 02/05/2024 ',
    '03.05.2024',
    '2024-05-01 00:00:00',
    '45383',
  ],
  invalid: ['31/02/2024', '02/13/2024', 'soon', '', '4538', '2024-04-01x'],
};
const ENDS = { valid: ['', '30/09/2024', '2025-01-01'], invalid: ['32/01/2024', '01/01/2020'] };
const TEXT_CHARS = ['a', 'B', ' ', ',', ';', '\t', '|', '"', '\n', '£', '’', '\u00a0', 'é', '7'];

interface Row {
  cells: string[];
  valid: boolean;
  extra: string | null;
}

const pick = (pool: { valid: string[]; invalid: string[] }) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool.valid).map((v) => ({ v, ok: true })) },
    { weight: 1, arbitrary: fc.constantFrom(...pool.invalid).map((v) => ({ v, ok: false })) },
  );

const rowArb: fc.Arbitrary<Row> = fc
  .record({
    child: pick(CHILD_IDS),
    start: pick(STARTS),
    end: pick(ENDS),
    locality: fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 8 }).map((cs) => cs.join('')),
    extra: fc.option(fc.constantFrom('X', 'more'), { freq: 8 }),
  })
  .map(({ child, start, end, locality, extra }) => ({
    cells: [child.v, start.v, end.v, locality],
    valid: child.ok && start.ok && end.ok && extra === null,
    extra,
  }));

const fileArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
  newline: fc.constantFrom('\n', '\r\n'),
  header: fc.constantFrom(
    ['child_id', 'assessment_start_date', 'episode_end_date', 'locality'],
    ['Child Unique ID', 'Assessment start date', 'Episode end date', 'Locality '],
    ['earl_person_id', 'earl_episode_start_date', 'earl_episode_end_date', 'AREA'],
  ),
  title: fc.boolean(),
  rows: fc.array(fc.record({ row: rowArb, blankBefore: fc.boolean() }), { maxLength: 25 }),
});

function quote(cell: string, delimiter: string): string {
  return /["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const CP1252: Record<string, number> = { '£': 0xa3, '’': 0x92, '\u00a0': 0xa0, é: 0xe9 };
function encode(text: string, encoding: string): Uint8Array<ArrayBuffer> {
  if (encoding === 'windows-1252') return Uint8Array.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));
  const bytes = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return bytes;
  const withBom = new Uint8Array(bytes.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(bytes, 3);
  return withBom;
}

const isBlank = (row: Row) => row.extra === null && row.cells.every((c) => c.replace(/[\s\u00a0]/g, '') === '');

let fileNumber = 0;

describe('ingest properties (fast-check)', () => {
  it('never throws, conserves rows and rejects exactly the bad rows, at the right lines', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        await t.reset();
        const lines: string[] = [];
        if (file.title) lines.push('List 2: Early Help');
        lines.push(file.header.map((h) => quote(h, file.delimiter)).join(file.delimiter));
        const expectedRejectedLines: number[] = [];
        let expectedRead = 0;
        for (const { row, blankBefore } of file.rows) {
          if (blankBefore) lines.push('');
          const cells = row.cells.map((c) => quote(c, file.delimiter));
          if (row.extra !== null) cells.push(row.extra);
          lines.push(cells.join(file.delimiter));
          // Excel's row number: one per record, blank lines included.
          if (!isBlank(row)) {
            expectedRead += 1;
            if (!row.valid) expectedRejectedLines.push(lines.length);
          }
        }
        fileNumber += 1;
        const name = `generated-${fileNumber}.csv`;
        const report = await t.load(name, encode(lines.join(file.newline) + file.newline, file.encoding));
        const f = report.files[0];
        expect(f).toBeDefined();
        if (expectedRead === 0) {
          expect(report.rowsLoaded).toBe(0);
          return;
        }
        expect(f?.message ?? '').not.toMatch(/could not be read/);
        expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsRejected);
        expect(report.rowsRead).toBe(expectedRead);
        expect(report.rowsRejected).toBe(expectedRejectedLines.length);
        const stored = await t.engine.query(
          'SELECT DISTINCT line FROM pi_rejections WHERE source_file = ? ORDER BY line',
          [name],
          z.object({ line: z.number() }),
        );
        expect(stored.map((r) => r.line)).toEqual(expectedRejectedLines);
        const loaded = await t.engine.query(
          'SELECT count(*) AS n FROM early_help_episodes WHERE source_file = ?',
          [name],
          z.object({ n: z.number() }),
        );
        expect(loaded[0]?.n).toBe(report.rowsLoaded);
      }),
      { numRuns: 300, seed: 20261123 },
    );
  }, 240_000);

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const report = await t.load('junk.csv', new Uint8Array(bytes));
        expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsRejected);
      }),
      { numRuns: 700, seed: 7 },
    );
  }, 240_000);
});

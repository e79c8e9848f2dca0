import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import { headerSignature } from '../src/ingest/header-match';
import { createIngestSession } from '../src/ingest/load-files';
import type { LoadReport } from '../src/ingest/load-report';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;

beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const rowSchema = z.object({
  source_line: z.number(),
  episode_id: z.string(),
  child_id: z.string(),
  start: z.string().nullable(),
  end_date: z.string().nullable(),
  lead_agency: z.string().nullable(),
  lead_agency_raw: z.string().nullable(),
  locality: z.string().nullable(),
});

async function rows() {
  return t.engine.query(
    `SELECT source_line, episode_id, child_id, strftime(assessment_start_date, '%Y-%m-%d') AS start,
            strftime(episode_end_date, '%Y-%m-%d') AS end_date, lead_agency, lead_agency_raw, locality
     FROM early_help_episodes ORDER BY source_line`,
    [],
    rowSchema,
  );
}

function expectConserved(report: LoadReport) {
  expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsRejected);
  for (const file of report.files) expect(file.rowsRead).toBe(file.rowsLoaded + file.rowsRejected);
}

describe('dates', () => {
  it('reads every accepted UK and ISO form, and never month/day', async () => {
    const csv = [
      'child_id,assessment_start_date',
      'C01,01/04/2024',
      'C02,1/4/2024',
      'C03,01/04/24',
      'C04,2024-04-01',
      'C05,01-04-2024',
      'C06,01.04.2024',
      'C07,2024-04-01 00:00:00.000',
      'C08,01/04/2024 09:30',
      'C09,2024/04/01',
      'C10,05/06/2024',
      'C11,45383', // an Excel serial day number
    ].join('\n');
    const report = await t.load('dates.csv', csv);
    expect(report.rowsRejected).toBe(0);
    const loaded = await rows();
    expect(loaded.map((r) => r.start)).toEqual([
      ...Array(9).fill('2024-04-01'),
      '2024-06-05', // 5 June, never 6 May
      '2024-04-01',
    ]);
  });

  it('applies the documented two-digit-year rule: 00–69 → 20xx, 70–99 → 19xx', async () => {
    await t.load('yy.csv', 'child_id,assessment_start_date\nA,01/01/69\nB,01/01/70\nC,31/12/00\n');
    expect((await rows()).map((r) => r.start)).toEqual(['2069-01-01', '1970-01-01', '2000-12-31']);
  });

  it('rejects impossible, US and unreadable dates with the reason, file and line', async () => {
    const csv = [
      'child_id,assessment_start_date,episode_end_date',
      'A,31/02/2024,', // line 2: no such date
      'B,02/13/2024,', // line 3: US month/day
      'C,next week,', // line 4: not a date
      'D,13/05/2024,30/04/2024', // line 5: ends before it starts
      'E,13/05/2024,', // line 6: fine
      'F,13/05/1850,', // line 7: implausible year
      ',13/05/2024,', // line 8: no child id
    ].join('\n');
    const report = await t.load('bad-dates.csv', csv);
    expectConserved(report);
    expect(report).toMatchObject({ rowsRead: 7, rowsLoaded: 1, rowsRejected: 6, status: 'partial' });
    const reasons = report.files[0]?.rejections.map((g) => [
      g.column,
      g.reason,
      g.examples[0]?.line,
      g.examples[0]?.value,
    ]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        ['assessment_start_date', 'No such date in the calendar', 2, '31/02/2024'],
        [
          'assessment_start_date',
          'Month is over 12: dates are read as day/month/year, and this looks like a US month/day date',
          3,
          '02/13/2024',
        ],
        [
          'assessment_start_date',
          'Not a date in an accepted format (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)',
          4,
          'next week',
        ],
        ['episode_end_date', 'Episode end date is before assessment start date', 5, '30/04/2024'],
        ['assessment_start_date', 'Date is outside the years 1900–2099', 7, '13/05/1850'],
        ['child_id', 'Child ID is required but empty', 8, null],
      ]),
    );
    const stored = await t.engine.query(
      'SELECT source_file, line, column_name, reason FROM pi_rejections ORDER BY line',
      [],
      z.object({ source_file: z.string(), line: z.number(), column_name: z.string().nullable(), reason: z.string() }),
    );
    expect(stored.map((r) => [r.source_file, r.line])).toEqual([
      ['bad-dates.csv', 2],
      ['bad-dates.csv', 3],
      ['bad-dates.csv', 4],
      ['bad-dates.csv', 5],
      ['bad-dates.csv', 7],
      ['bad-dates.csv', 8],
    ]);
  });
});

describe('a column written month/day (US order)', () => {
  const csv = [
    'child_id,assessment_start_date,episode_end_date',
    'A,02/13/2024,', // line 2: can only be month/day
    'B,03/04/2024,', // line 3: could be either
    'C,25/12/2024,', // line 4: can only be day/month
    'D,2024-04-03,', // line 5: ISO, never in doubt
    'E,05/05/2024,', // line 6: the same date either way
    'F,13/05/2024,04/06/2024', // line 7: the end date column has no month/day dates: read as UK
  ].join('\n');
  const starts = async () =>
    (
      await t.engine.query(
        "SELECT child_id, strftime(assessment_start_date, '%Y-%m-%d') AS start, strftime(episode_end_date, '%Y-%m-%d') AS ending FROM early_help_episodes ORDER BY child_id",
        [],
        z.object({ child_id: z.string(), start: z.string(), ending: z.string().nullable() }),
      )
    ).map((r) => [r.child_id, r.start, r.ending]);

  it('never loads a date that could be either while the column looks month/day, and says so', async () => {
    const report = await t.load('us-dates.csv', csv);
    expectConserved(report);
    expect(report).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsRejected: 2 });
    expect(await starts()).toEqual([
      ['C', '2024-12-25', null],
      ['D', '2024-04-03', null],
      ['E', '2024-05-05', null],
      ['F', '2024-05-13', '2024-06-04'],
    ]);
    expect(report.files[0]?.dateColumns).toEqual([
      {
        field: 'assessment_start_date',
        order: 'unsure',
        monthDayCount: 1,
        example: { line: 2, value: '02/13/2024' },
        // Lines 4 (25/12/2024) and 7 (13/05/2024) can only be day/month: the evidence the other way.
        dayMonthCount: 2,
        dayMonthExample: { line: 4, value: '25/12/2024' },
        ambiguousCount: 1,
      },
    ]);
    const reasons = report.files[0]?.rejections.map((g) => [g.examples[0]?.line, g.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [2, 'Month is over 12: dates are read as day/month/year, and this looks like a US month/day date'],
        [
          3,
          'Could be day/month or month/day: other dates in this column can only be month/day, so this one was not guessed',
        ],
      ]),
    );
  });

  it('reads the column as month/day once the user says so (remembered per header)', async () => {
    const header = ['child_id', 'assessment_start_date', 'episode_end_date'];
    const report = await t.loadFiles([{ name: 'us-dates.csv', blob: new Blob([csv]) }], {
      dates: { [headerSignature(header)]: { assessment_start_date: 'mdy' } },
    });
    expectConserved(report);
    expect(await starts()).toEqual([
      ['A', '2024-02-13', null],
      ['B', '2024-03-04', null],
      ['D', '2024-04-03', null],
      ['E', '2024-05-05', null],
    ]);
    const reasons = report.files[0]?.rejections.map((g) => [g.examples.map((e) => e.line), g.reason]);
    expect(reasons).toEqual([
      [[4, 7], 'Month is over 12: this column is read as month/day/year, and this looks like a day/month date'],
    ]);
    expect(report.files[0]?.dateColumns).toMatchObject([{ field: 'assessment_start_date', order: 'mdy' }]);
  });

  it('keeps day/month when the user says the month/day dates are mistakes', async () => {
    const header = ['child_id', 'assessment_start_date', 'episode_end_date'];
    const report = await t.loadFiles([{ name: 'us-dates.csv', blob: new Blob([csv]) }], {
      dates: { [headerSignature(header)]: { assessment_start_date: 'dmy' } },
    });
    expect(report).toMatchObject({ rowsLoaded: 5, rowsRejected: 1 });
    expect((await starts()).find((r) => r[0] === 'B')).toEqual(['B', '2024-04-03', null]);
    expect(report.files[0]?.dateColumns).toMatchObject([
      { field: 'assessment_start_date', order: 'dmy', monthDayCount: 1 },
    ]);
  });
});

describe('headers', () => {
  it('recognises Ofsted Annex A List 2 below its title row, tolerant of case, spaces and curly quotes', async () => {
    const csv = [
      'List 2: Early Help,,,,,,,',
      'Child Unique ID ,GENDER,Ethnicity,Date of Birth,Age of Child (Years),Assessment  start date,Assessment completion date,Organisation completing assessment',
      'ID1,a) Male,a) WBRI,01/01/2015,9,03/04/2024,10/04/2024,Health visitor',
      'ID2,b) Female,a) WBRI,01/01/2016,8,04/04/2024,,Police',
    ].join('\r\n');
    const report = await t.load('annex-a-list-2.csv', csv);
    const file = report.files[0];
    expect(file).toMatchObject({ headerLine: 2, rowsLoaded: 2, rowsRejected: 0, status: 'loaded' });
    expect(file?.ignoredColumns).toEqual(['Date of Birth']);
    const loaded = await rows();
    expect(loaded.map((r) => [r.source_line, r.episode_id, r.child_id, r.start, r.lead_agency])).toEqual([
      [3, 'annex-a-list-2.csv:3', 'ID1', '2024-04-03', 'HEALTH_TRUST_COMMUNITY'],
      [4, 'annex-a-list-2.csv:4', 'ID2', '2024-04-04', 'POLICE'],
    ]);
  });

  it('recognises the D2I Standard Safeguarding Dataset names and ISO datetimes', async () => {
    const csv = [
      'earl_episode_id,earl_person_id,earl_episode_start_date,earl_episode_end_date,earl_episode_reason,earl_episode_end_reason,earl_episode_organisation,earl_episode_worker_id',
      'E1,P1,2024-01-05 00:00:00.000,2024-03-01 00:00:00.000,Parenting,Needs met,Schools,W1',
      'E2,P2,2024-02-05 00:00:00.000,,Housing,,Family Hub,W2',
    ].join('\n');
    const report = await t.load('ssd.csv', csv);
    expect(report).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    const loaded = await rows();
    expect(loaded.map((r) => [r.episode_id, r.start, r.end_date, r.lead_agency])).toEqual([
      ['E1', '2024-01-05', '2024-03-01', 'SCHOOL'],
      ['E2', '2024-02-05', null, 'LA_EARLY_HELP'],
    ]);
    const endReason = await t.engine.query(
      "SELECT end_reason FROM early_help_episodes WHERE episode_id = 'E1'",
      [],
      z.object({ end_reason: z.string().nullable() }),
    );
    expect(endReason[0]?.end_reason).toBe('NEEDS_MET');
  });

  it('keeps an unrecognised value of a required code field, unmapped, instead of failing the file', async () => {
    const report = await t.load(
      'bookings.csv',
      'Event ID,Delegate ID,Attendance status\nEV1,P1,Attended\nEV1,P2,maybe\n',
    );
    expect(report.files[0]).toMatchObject({ datasetId: 'training_attendance', rowsLoaded: 2, rowsRejected: 0 });
    expect(report.files[0]?.unmappedCodes).toEqual([{ field: 'booking_status', value: 'maybe', count: 1 }]);
  });

  it('maps a code field with many spellings (more than a CASE holds) through the mapping table', async () => {
    const spellings = Array.from({ length: 70 }, (_, i) => `police${'-'.repeat(i)}`);
    const csv = `child_id,assessment_start_date,lead_agency\n${spellings.map((s, i) => `C${i},01/04/2024,${s}`).join('\n')}\n`;
    const report = await t.load('many.csv', csv);
    expect(report.files[0]).toMatchObject({ rowsLoaded: 70, unmappedCodes: [] });
    expect(new Set((await rows()).map((r) => r.lead_agency))).toEqual(new Set(['POLICE']));
  });

  it('keeps an unknown agency raw and reports it as unmapped', async () => {
    const report = await t.load('a.csv', 'child_id,assessment_start_date,lead_agency\nA,01/04/2024,Fire service\n');
    expect(report.files[0]?.unmappedCodes).toEqual([{ field: 'lead_agency', value: 'Fire service', count: 1 }]);
    expect((await rows())[0]).toMatchObject({ lead_agency: null, lead_agency_raw: 'Fire service' });
  });
});

describe('bad input: a clear message, nothing lost, nothing crashes', () => {
  it('an empty file', async () => {
    const report = await t.load('empty.csv', '');
    expect(report.status).toBe('failed');
    expect(report.files[0]?.message).toContain('“empty.csv” is empty');
  });

  it('a header-only file', async () => {
    const report = await t.load('header.csv', 'child_id,assessment_start_date\r\n');
    expect(report.files[0]).toMatchObject({ status: 'empty', rowsRead: 0 });
    expect(report.files[0]?.message).toContain('“header.csv” has a header row but no data rows');
  });

  it('a PNG renamed .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const report = await t.load('picture.csv', png);
    expect(report.status).toBe('failed');
    expect(report.files[0]?.message).toContain('“picture.csv” looks like a PNG image');
  });

  it('a file that is no partnership dataset says so in one sentence, and brings its columns with a few values', async () => {
    const report = await t.load('other.csv', 'CHILD,DECOM,RNE\n1,01/01/2020,S\n2,,S\n3,02/01/2020,T\n4,03/01/2020,U\n');
    expect(report.status).toBe('failed');
    expect(report.files[0]?.message).toBe('“other.csv” is not a partnership dataset this app recognises.');
    expect(report.files[0]?.header).toEqual(['CHILD', 'DECOM', 'RNE']);
    // The first three different values of each column, blanks left out: what the column form shows.
    expect(report.files[0]?.columnSamples).toEqual([
      ['1', '2', '3'],
      ['01/01/2020', '02/01/2020', '03/01/2020'],
      ['S', 'T', 'U'],
    ]);
  });

  it('a file close to early help names the closest dataset, for the column form to start from', async () => {
    const report = await t.load('nearly.csv', 'child_id,lead_agency\nC1,POLICE\n');
    expect(report.files[0]).toMatchObject({
      status: 'failed',
      datasetId: null,
      closestDatasetId: 'early_help_episodes',
    });
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ])('%s-delimited text', async (name, delimiter) => {
    const csv = `child_id${delimiter}assessment_start_date${delimiter}locality\nA${delimiter}01/04/2024${delimiter}North, East\n`;
    const report = await t.load(`${name}.csv`, csv);
    expect(report.files[0]).toMatchObject({ delimiter: name, rowsLoaded: 1 });
    expect((await rows())[0]?.locality).toBe('North, East');
  });

  it('Windows-1252 text is decoded exactly (’ £ –)', async () => {
    const text = 'child_id,assessment_start_date,locality\nA,01/04/2024,King’s Lynn £5 – east\n';
    const bytes = Uint8Array.from([...text].map((ch) => ({ '’': 0x92, '£': 0xa3, '–': 0x96 })[ch] ?? ch.charCodeAt(0)));
    const report = await t.load('cp1252.csv', bytes);
    expect(report.files[0]).toMatchObject({ encoding: 'Windows-1252', rowsLoaded: 1 });
    expect((await rows())[0]?.locality).toBe('King’s Lynn £5 – east');
  });

  it('a UTF-8 BOM and CRLF line ends', async () => {
    const report = await t.load('bom.csv', '\uFEFFchild_id,assessment_start_date\r\nA,01/04/2024\r\nB,02/04/2024\r\n');
    expect(report.files[0]).toMatchObject({ encoding: 'UTF-8', rowsLoaded: 2, rowsRejected: 0, headerLine: 1 });
  });

  it('ragged rows: too many values rejected with the line, too few padded', async () => {
    const csv =
      'child_id,assessment_start_date,locality\nA,01/04/2024,North\nB,02/04/2024,South,EXTRA,MORE\nC,03/04/2024\n';
    const report = await t.load('ragged.csv', csv);
    expectConserved(report);
    expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(report.files[0]?.rejections[0]).toMatchObject({
      column: null,
      reason: 'Row has more values than the header has columns (3)',
      examples: [{ line: 3, value: 'EXTRA' }],
    });
    expect((await rows()).map((r) => [r.child_id, r.source_line])).toEqual([
      ['A', 2],
      ['C', 4],
    ]);
  });

  it('blank lines, empty rows and quoted newlines keep every line number right', async () => {
    const csv = [
      'child_id,assessment_start_date,locality', // 1
      'A,01/04/2024,North', // 2
      '', // 3 blank
      'B,02/04/2024,"Two', // 4 (a value over two physical lines: one row, as in Excel)
      'lines"',
      ',,', // 5 empty row
      'C,31/02/2024,East', // 6 rejected
      'D,03/04/2024,West', // 7
    ].join('\n');
    const report = await t.load('blank.csv', csv);
    expectConserved(report);
    expect(report.files[0]).toMatchObject({ rowsRead: 3 + 1, rowsLoaded: 3, rowsRejected: 1, blankRows: 2 });
    expect(report.files[0]?.rejections[0]?.examples[0]?.line).toBe(6);
    expect((await rows()).map((r) => [r.child_id, r.source_line])).toEqual([
      ['A', 2],
      ['B', 4],
      ['D', 7],
    ]);
  });

  it('a value holding a line break next to a short row (DuckDB must read such files serially)', async () => {
    const csv = 'child_id,assessment_start_date,episode_end_date,locality\nC1,01/04/2024,,"\n"\nC2,02/04/2024\n';
    const report = await t.load('newline.csv', csv);
    expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    expect((await rows()).map((r) => [r.child_id, r.source_line])).toEqual([
      ['C1', 2],
      ['C2', 3],
    ]);
  });

  it('an unclosed quote: the rows before it load, and every line after it is counted and rejected', async () => {
    const csv =
      'child_id,assessment_start_date,locality\nA,01/04/2024,North\nB,02/04/2024,"South\nC,03/04/2024,East\n\nD,04/04/2024,West\n';
    const report = await t.load('quote.csv', csv);
    expectConserved(report);
    // Lines 3, 4 and 6 are what a user sees after line 2 (line 5 is blank).
    expect(report).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    const groups = report.files[0]?.rejections ?? [];
    expect(groups.map((g) => [g.column, g.count, g.examples.map((e) => e.line)])).toEqual([
      [null, 2, [4, 6]],
      [null, 1, [3]],
    ]);
    expect(groups[1]?.reason).toBe(
      'A double quote on line 3 opens a value that is never closed, so that line and every line after it could not be read (check for a stray double quote)',
    );
    expect(groups[0]?.reason).toContain('Inside a quoted value that opens on line 3 and is never closed');
  });

  it('the same file dropped twice (even renamed) is recognised and not counted twice', async () => {
    const csv = 'child_id,assessment_start_date\nA,01/04/2024\nB,02/04/2024\n';
    const first = await t.load('police.csv', csv);
    const second = await t.load('police (1).csv', csv);
    expect(first.rowsLoaded).toBe(2);
    expect(second.files[0]).toMatchObject({ status: 'duplicate', rowsRead: 0, rowsLoaded: 0 });
    expect(second.files[0]?.message).toContain('“police (1).csv” is the same file as “police.csv”');
    expect((await rows()).length).toBe(2);
    // An edited copy is not the same file: its new record loads, the one already held is not loaded twice.
    const edited = await t.load('police-corrected.csv', csv.replace('02/04/2024', '03/04/2024'));
    expect(edited).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsUnchanged: 1, rowsRejected: 0 });
    expect((await rows()).length).toBe(3);
    // Asked to skip records already loaded, it rejects them, naming where they were loaded from.
    const skipped = await t.loadFiles([
      { name: 'police-again.csv', blob: new Blob([`${csv}C,04/04/2024\n`]), duplicates: 'skip' },
    ]);
    expect(skipped).toMatchObject({ rowsRead: 3, rowsLoaded: 1, rowsUnchanged: 0, rowsRejected: 2 });
    expect(skipped.files[0]?.rejections[0]?.reason).toBe(
      'Already loaded from “police.csv” (line 2): the same Child ID and Assessment start date',
    );
    expect((await rows()).length).toBe(4);
  });

  describe('records already loaded (no silent double counting)', () => {
    const extract = 'episode_id,child_id,assessment_start_date\nE1,A,01/04/2024\nE2,B,02/04/2024\nE3,C,03/04/2024\n';
    const overlap = 'episode_id,child_id,assessment_start_date\nE3,C,03/04/2024\nE4,D,04/04/2024\n';

    it('skips records whose key is loaded when the user says so, saying where from', async () => {
      await t.load('april.csv', extract);
      const report = await t.loadFiles([{ name: 'april-to-may.csv', blob: new Blob([overlap]), duplicates: 'skip' }]);
      expect(report).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsRejected: 1, status: 'partial' });
      expect(report.files[0]?.duplicates).toMatchObject({
        policy: 'skip',
        key: ['Episode ID'],
        alreadyLoaded: 1,
        earlierFiles: ['april.csv'],
      });
      expect(report.files[0]?.rejections[0]).toMatchObject({
        reason: 'Already loaded from “april.csv” (line 4): the same Episode ID',
        examples: [{ line: 2, value: 'E3' }],
      });
      expect((await rows()).length).toBe(4);
    });

    it('replaces the earlier file’s records, or keeps both, when the user says so', async () => {
      await t.load('april.csv', extract);
      const replaced = await t.loadFiles([
        { name: 'april-to-may.csv', blob: new Blob([overlap]), duplicates: 'replace' },
      ]);
      expect(replaced).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
      expect(replaced.files[0]?.duplicates).toMatchObject({
        policy: 'replace',
        replaced: 1,
        earlierFiles: ['april.csv'],
      });
      const counts = await t.engine.query(
        'SELECT source_file, count(*)::INTEGER AS n FROM early_help_episodes GROUP BY 1 ORDER BY 1',
        [],
        z.object({ source_file: z.string(), n: z.number() }),
      );
      expect(counts).toEqual([
        { source_file: 'april-to-may.csv', n: 2 },
        { source_file: 'april.csv', n: 2 },
      ]);
      await t.reset();
      await t.load('april.csv', extract);
      const kept = await t.loadFiles([{ name: 'april-to-may.csv', blob: new Blob([overlap]), duplicates: 'keep' }]);
      expect(kept).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
      expect((await rows()).length).toBe(5);
    });

    it('the same data as CSV and then as a workbook counts once', async () => {
      await t.load('extract.csv', extract);
      const XLSX = await import('@e965/xlsx');
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        book,
        // Saved from Excel: the dates are real date cells now, so the bytes differ from the CSV's.
        XLSX.utils.aoa_to_sheet(
          [
            ['episode_id', 'child_id', 'assessment_start_date'],
            ['E1', 'A', new Date(Date.UTC(2024, 3, 1))],
            ['E2', 'B', new Date(Date.UTC(2024, 3, 2))],
            ['E3', 'C', new Date(Date.UTC(2024, 3, 3))],
          ],
          { cellDates: true, dateNF: 'dd/mm/yyyy' },
        ),
        'Episodes',
      );
      const bytes = new Uint8Array(XLSX.write(book, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
      const report = await t.load('extract.xlsx', bytes);
      // Every record is already held with the same values (the dates typed alike): nothing added.
      expect(report).toMatchObject({ rowsRead: 3, rowsLoaded: 0, rowsUnchanged: 3, rowsRejected: 0 });
      expect(report.files[0]?.status).toBe('loaded');
      expect((await rows()).length).toBe(3);
    });

    it('reports a key repeated inside one file, and loads both rows', async () => {
      const report = await t.load(
        'twice.csv',
        'child_id,assessment_start_date\nA,01/04/2024\nB,02/04/2024\nA,01/04/2024\n',
      );
      expect(report).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
      expect(report.files[0]?.duplicates).toMatchObject({
        withinFile: 1,
        withinFileExamples: [{ line: 4, firstLine: 2, key: 'A / 2024-04-01' }],
      });
    });
  });

  it('several files append; the same file name twice is kept apart by file id', async () => {
    const one = await t.load('agency.csv', 'child_id,assessment_start_date\nA,01/04/2024\n');
    const two = await t.load('agency.csv', 'child_id,assessment_start_date\nB,01/05/2024\nC,bad\n');
    expect(one.rowsLoaded + two.rowsLoaded).toBe(2);
    expect((await rows()).length).toBe(2);
    expect(two.files[0]?.rejections[0]?.count).toBe(1);
  });
});

describe('a bad value in an optional column: the row loads, the cell is left empty, a warning is listed', () => {
  // Worked by hand. Line 2: request date "tbc" and age "twelve" (two warnings, one row). Line 3: a flag
  // that is neither Y nor N. Line 4: the required start date is no date (rejected). Line 5: no child id
  // (rejected; its bad request date is not listed, the row is not loaded). Line 6: an end date outside
  // 1900–2099 and an age outside 0–25 (warnings; the end date is not then "before the start"). Line 7:
  // the end is before the start (both dates read: rejected, as before). Line 8: clean.
  const MESSY = [
    'episode_id,child_id,request_date,assessment_start_date,episode_end_date,age_at_start,step_down_from_csc',
    'E1,C1,tbc,01/04/2024,,twelve,N',
    'E2,C2,02/04/2024,03/04/2024,,7,maybe',
    'E3,C3,,31/02/2024,,5,N',
    'E4,,tbc,05/04/2024,,4,N',
    'E5,C5,01/01/2024,06/04/2024,01/01/1850,30,Y',
    'E6,C6,01/03/2024,07/04/2024,01/03/2024,9,N',
    'E7,C7,01/03/2024,08/04/2024,30/04/2024,10,N',
  ].join('\n');

  const storedRow = z.object({
    episode_id: z.string(),
    request: z.string().nullable(),
    end_date: z.string().nullable(),
    age_at_start: z.number().nullable(),
    step_down_from_csc: z.boolean().nullable(),
  });
  const stored = () =>
    t.engine.query(
      `SELECT episode_id, strftime(request_date, '%d/%m/%Y') AS request, strftime(episode_end_date, '%d/%m/%Y') AS end_date,
         age_at_start, step_down_from_csc FROM early_help_episodes ORDER BY source_line`,
      [],
      storedRow,
    );
  const listed = (table: string) =>
    t.engine.query(
      `SELECT line, column_name, value FROM ${table} ORDER BY line, column_name`,
      [],
      z.object({ line: z.number(), column_name: z.string().nullable(), value: z.string().nullable() }),
    );

  it('counts read = loaded + rejected, and the warned rows among the loaded', async () => {
    const report = await t.load('messy.csv', MESSY);
    expectConserved(report);
    expect(report).toMatchObject({ rowsRead: 7, rowsLoaded: 4, rowsRejected: 3, rowsWarned: 3, status: 'partial' });
    expect(report.files[0]).toMatchObject({ rowsRead: 7, rowsLoaded: 4, rowsRejected: 3, rowsWarned: 3 });
    expect(report.files[0]?.message).toBe(
      '3 of 7 rows in “messy.csv” were not loaded (reasons below). 3 rows loaded with warnings: a value in an optional column was unreadable and left empty (listed below).',
    );
  });

  it('stores the rows with warnings, their bad cells empty and the rest as written', async () => {
    await t.load('messy.csv', MESSY);
    expect(await stored()).toEqual([
      { episode_id: 'E1', request: null, end_date: null, age_at_start: null, step_down_from_csc: false },
      { episode_id: 'E2', request: '02/04/2024', end_date: null, age_at_start: 7, step_down_from_csc: null },
      { episode_id: 'E5', request: '01/01/2024', end_date: null, age_at_start: null, step_down_from_csc: true },
      { episode_id: 'E7', request: '01/03/2024', end_date: '30/04/2024', age_at_start: 10, step_down_from_csc: false },
    ]);
  });

  it('lists each warning with line, column, value and reason, and each rejection apart', async () => {
    const report = await t.load('messy.csv', MESSY);
    const warnings = report.files[0]?.warnings.map((g) => [g.column, g.reason, g.count, g.examples]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        [
          'request_date',
          'Not a date in an accepted format (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)',
          1,
          [{ line: 2, value: 'tbc' }],
        ],
        ['age_at_start', 'Age at start is not a whole number', 1, [{ line: 2, value: 'twelve' }]],
        ['step_down_from_csc', 'Stepped down from CSC must be Y or N', 1, [{ line: 3, value: 'maybe' }]],
        ['episode_end_date', 'Date is outside the years 1900–2099', 1, [{ line: 6, value: '01/01/1850' }]],
        ['age_at_start', 'Age at start is outside 0–25', 1, [{ line: 6, value: '30' }]],
      ]),
    );
    expect(warnings).toHaveLength(5);
    expect(await listed('pi_warnings')).toEqual([
      { line: 2, column_name: 'age_at_start', value: 'twelve' },
      { line: 2, column_name: 'request_date', value: 'tbc' },
      { line: 3, column_name: 'step_down_from_csc', value: 'maybe' },
      { line: 6, column_name: 'age_at_start', value: '30' },
      { line: 6, column_name: 'episode_end_date', value: '01/01/1850' },
    ]);
    // Rejected rows: only the reasons they were rejected (line 5's "tbc" is not a warning of a loaded row).
    expect(await listed('pi_rejections')).toEqual([
      { line: 4, column_name: 'assessment_start_date', value: '31/02/2024' },
      { line: 5, column_name: 'child_id', value: null },
      { line: 7, column_name: 'episode_end_date', value: '01/03/2024' },
    ]);
  });

  it('stores the same when the file is stored in place', async () => {
    const inPlace = createIngestSession(t.engine, DATASETS, { storeInPlaceFrom: 0 });
    const report = await inPlace.loadFiles([{ name: 'messy.csv', blob: new Blob([MESSY]) }]);
    expect(report).toMatchObject({ rowsRead: 7, rowsLoaded: 4, rowsRejected: 3, rowsWarned: 3 });
    const inPlaceRows = await stored();
    await t.reset();
    await t.load('messy.csv', MESSY);
    expect(inPlaceRows).toEqual(await stored());
  });

  it('a row with warnings that is already loaded is held once (or rejected, if skipped), not counted as warned', async () => {
    await t.load('first.csv', 'episode_id,child_id,assessment_start_date\nE1,C1,01/04/2024\n');
    const second = 'episode_id,child_id,assessment_start_date,age_at_start\nE1,C1,01/04/2024,x\n';
    // Its unreadable age is stored empty, as the loaded record has it: the same record, already held.
    const report = await t.load('second.csv', second);
    expect(report).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsUnchanged: 1, rowsRejected: 0, rowsWarned: 0 });
    expect(await listed('pi_warnings')).toEqual([]);
    const skipped = await t.loadFiles([
      { name: 'third.csv', blob: new Blob([second.replace('x', 'y')]), duplicates: 'skip' },
    ]);
    expect(skipped).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsRejected: 1, rowsWarned: 0 });
    expect(await listed('pi_warnings')).toEqual([]);
  });

  it('removing the file removes its warnings', async () => {
    const report = await t.load('messy.csv', MESSY);
    const file = report.files[0];
    if (!file) throw new Error('no file report');
    await t.session.removeFile(file);
    expect(await listed('pi_warnings')).toEqual([]);
  });
});

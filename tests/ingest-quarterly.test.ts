import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { earlyHelpEpisodes } from '../src/datasets/early-help';
import type { LoadReport } from '../src/ingest/load-report';
import { changesCsvRows, recordChanges } from '../src/ingest/update-stage';
import { applyValueMapping } from '../src/ingest/value-mapping';
import { csvText } from '../src/shared/csv';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;

beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const HEADER = 'episode_id,child_id,assessment_start_date,episode_end_date,end_reason,lead_agency';
// Worked by hand. Q1 holds four open or closed episodes.
const Q1 = [
  HEADER,
  'E1,A,01/04/2024,,,POLICE',
  'E2,B,02/04/2024,30/06/2024,NEEDS_MET,POLICE',
  'E3,C,03/04/2024,,,LA_CSC',
  'E4,D,04/04/2024,20/06/2024,STEP_UP_CSC,POLICE',
].join('\n');
// Q2, the whole caseload again: E1 the same; E2 the same (its start date written the ISO way, the
// same date); E3's closure date filled in; E4's outcome corrected; E5 new.
const Q2 = [
  HEADER,
  'E1,A,01/04/2024,,,POLICE',
  'E2,B,2024-04-02,30/06/2024,NEEDS_MET,POLICE',
  'E3,C,03/04/2024,15/09/2024,,LA_CSC',
  'E4,D,04/04/2024,20/06/2024,Stepped down to universal services,POLICE',
  'E5,E,05/07/2024,,,POLICE',
].join('\n');

const rowSchema = z.object({
  episode_id: z.string(),
  source_file: z.string(),
  source_line: z.number(),
  end_date: z.string().nullable(),
  end_reason: z.string().nullable(),
  end_reason_raw: z.string().nullable(),
});

async function episodes(table = 'early_help_episodes') {
  return t.engine.query(
    `SELECT episode_id, source_file, source_line, strftime(episode_end_date, '%d/%m/%Y') AS end_date,
       end_reason, end_reason_raw FROM ${table} ORDER BY episode_id, source_file`,
    [],
    rowSchema,
  );
}

const count = async (sql: string) => (await t.engine.query(sql, [], z.object({ n: z.number() })))[0]?.n ?? Number.NaN;

function expectConserved(report: LoadReport) {
  expect(report.rowsRead).toBe(report.rowsLoaded + report.rowsUnchanged + report.rowsRejected);
  for (const f of report.files) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsUnchanged + f.rowsRejected);
}

describe('next quarter’s extract', () => {
  it('holds unchanged records once, takes the changed ones, adds the new, and lists every change', async () => {
    const q1 = await t.load('q1.csv', Q1);
    expect(q1).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsUnchanged: 0, rowsUpdated: 0, rowsRejected: 0 });
    const q2 = await t.load('q2.csv', Q2);
    expectConserved(q2);
    // 5 read = 3 loaded (1 new + 2 updated) + 2 already held unchanged + 0 rejected.
    expect(q2).toMatchObject({ rowsRead: 5, rowsLoaded: 3, rowsUpdated: 2, rowsUnchanged: 2, rowsRejected: 0 });
    expect(q2.status).toBe('ok');
    const file = q2.files[0];
    expect(file?.status).toBe('loaded');
    expect(file?.duplicates).toMatchObject({
      policy: 'update',
      key: ['Episode ID'],
      alreadyLoaded: 4,
      earlierFiles: ['q1.csv'],
      update: { unchanged: 2, updated: 2, valuesChanged: 2, ambiguous: 0 },
    });
    const change = { file: 'q2.csv', earlierFile: 'q1.csv' };
    const expected = [
      {
        ...change,
        line: 4,
        key: 'Episode ID: E3',
        field: 'episode_end_date',
        fieldLabel: 'Episode end date',
        oldValue: null,
        newValue: '15/09/2024',
        earlierLine: 4,
      },
      {
        ...change,
        line: 5,
        key: 'Episode ID: E4',
        field: 'end_reason',
        fieldLabel: 'End reason',
        oldValue: 'STEP_UP_CSC',
        newValue: 'Stepped down to universal services',
        earlierLine: 5,
      },
    ];
    expect(file?.duplicates?.changes).toEqual(expected);
    expect(await recordChanges(t.engine, file?.fileId ?? -1)).toEqual(expected);
    // Five episodes, each once: the changed ones in their new version, from the file that changed them.
    expect(await episodes()).toEqual([
      {
        episode_id: 'E1',
        source_file: 'q1.csv',
        source_line: 2,
        end_date: null,
        end_reason: null,
        end_reason_raw: null,
      },
      {
        episode_id: 'E2',
        source_file: 'q1.csv',
        source_line: 3,
        end_date: '30/06/2024',
        end_reason: 'NEEDS_MET',
        end_reason_raw: 'NEEDS_MET',
      },
      {
        episode_id: 'E3',
        source_file: 'q2.csv',
        source_line: 4,
        end_date: '15/09/2024',
        end_reason: null,
        end_reason_raw: null,
      },
      {
        episode_id: 'E4',
        source_file: 'q2.csv',
        source_line: 5,
        end_date: '20/06/2024',
        end_reason: 'STEP_DOWN_UNIVERSAL',
        end_reason_raw: 'Stepped down to universal services',
      },
      {
        episode_id: 'E5',
        source_file: 'q2.csv',
        source_line: 6,
        end_date: null,
        end_reason: null,
        end_reason_raw: null,
      },
    ]);
    // The earlier versions are set aside, not lost.
    expect((await episodes('early_help_episodes__superseded')).map((r) => [r.episode_id, r.source_line])).toEqual([
      ['E3', 4],
      ['E4', 5],
    ]);
    expect(await count('SELECT count(*)::INTEGER AS n FROM pi_rejections')).toBe(0);
  });

  it('the changes download as CSV, blanks shown as “(blank)”, formula-like text made inert', async () => {
    await t.load('q1.csv', Q1);
    const q2 = await t.load('q2.csv', Q2.replace('Stepped down to universal services', '=STEP_DOWN'));
    const changes = await recordChanges(t.engine, q2.files[0]?.fileId ?? -1);
    expect(csvText(changesCsvRows(changes)).split('\r\n')).toEqual([
      'File,Line,Record,Field,Old value,New value,Earlier file,Earlier line',
      'q2.csv,4,Episode ID: E3,Episode end date,(blank),15/09/2024,q1.csv,4',
      'q2.csv,5,Episode ID: E4,End reason,STEP_UP_CSC,"\'=STEP_DOWN",q1.csv,5',
      '',
    ]);
  });

  it('a field the later file does not give keeps the earlier value in the record it replaces', async () => {
    await t.load('q1.csv', Q1);
    // The next extract has no lead agency column: E3's closure is filled in, its lead agency unknown here.
    const withoutAgency = [
      'episode_id,child_id,assessment_start_date,episode_end_date,end_reason',
      'E3,C,03/04/2024,15/09/2024,',
      'E4,D,04/04/2024,20/06/2024,STEP_UP_CSC',
    ].join('\n');
    const q2 = await t.load('q2-no-agency.csv', withoutAgency);
    expect(q2).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsUpdated: 1, rowsUnchanged: 1 });
    const agency = z.object({
      episode_id: z.string(),
      source_file: z.string(),
      end_date: z.string().nullable(),
      lead_agency: z.string().nullable(),
      lead_agency_raw: z.string().nullable(),
    });
    const rows = await t.engine.query(
      `SELECT episode_id, source_file, strftime(episode_end_date, '%d/%m/%Y') AS end_date, lead_agency, lead_agency_raw
       FROM early_help_episodes WHERE episode_id IN ('E3', 'E4') ORDER BY episode_id`,
      [],
      agency,
    );
    expect(rows).toEqual([
      {
        episode_id: 'E3',
        source_file: 'q2-no-agency.csv',
        end_date: '15/09/2024',
        lead_agency: 'LA_CSC',
        lead_agency_raw: 'LA_CSC',
      },
      {
        episode_id: 'E4',
        source_file: 'q1.csv',
        end_date: '20/06/2024',
        lead_agency: 'POLICE',
        lead_agency_raw: 'POLICE',
      },
    ]);
    // Only the closure date is listed as changed: the lead agency was not in the file.
    const changes = await recordChanges(t.engine, q2.files[0]?.fileId ?? -1);
    expect(changes.map((c) => [c.key, c.fieldLabel, c.oldValue, c.newValue])).toEqual([
      ['Episode ID: E3', expect.any(String), null, '15/09/2024'],
    ]);
  });

  it('removing the later file puts the earlier versions back; nothing is lost or counted twice', async () => {
    await t.load('q1.csv', Q1);
    const q2 = await t.load('q2.csv', Q2);
    const file = q2.files[0];
    if (!file) throw new Error('no report');
    await t.session.removeFile(file);
    expect((await episodes()).map((r) => [r.episode_id, r.source_file, r.end_date, r.end_reason_raw])).toEqual([
      ['E1', 'q1.csv', null, null],
      ['E2', 'q1.csv', '30/06/2024', 'NEEDS_MET'],
      ['E3', 'q1.csv', null, null],
      ['E4', 'q1.csv', '20/06/2024', 'STEP_UP_CSC'],
    ]);
    expect(await count('SELECT count(*)::INTEGER AS n FROM early_help_episodes__superseded')).toBe(0);
    expect(await count('SELECT count(*)::INTEGER AS n FROM pi_changes')).toBe(0);
  });

  it('a third quarter changing a record again: removing the second keeps the third’s version only', async () => {
    await t.load('q1.csv', Q1);
    const q2 = await t.load('q2.csv', Q2);
    const q3 = await t.load('q3.csv', Q2.replace('15/09/2024', '16/09/2024'));
    expect(q3).toMatchObject({ rowsRead: 5, rowsLoaded: 1, rowsUpdated: 1, rowsUnchanged: 4 });
    expect(q3.files[0]?.duplicates?.changes.map((c) => [c.key, c.oldValue, c.newValue, c.earlierFile])).toEqual([
      ['Episode ID: E3', '15/09/2024', '16/09/2024', 'q2.csv'],
    ]);
    const second = q2.files[0];
    if (!second) throw new Error('no report');
    await t.session.removeFile(second);
    // E3 stays once, as q3 has it; its q1 version now counts as superseded by q3. E4 and E5 (q2's) go:
    // E4 returns to its q1 version.
    expect((await episodes()).map((r) => [r.episode_id, r.source_file, r.end_date])).toEqual([
      ['E1', 'q1.csv', null],
      ['E2', 'q1.csv', '30/06/2024'],
      ['E3', 'q3.csv', '16/09/2024'],
      ['E4', 'q1.csv', '20/06/2024'],
    ]);
    expect(
      await t.engine.query(
        'SELECT episode_id, source_file, superseded_by FROM early_help_episodes__superseded',
        [],
        z.object({ episode_id: z.string(), source_file: z.string(), superseded_by: z.number() }),
      ),
    ).toEqual([{ episode_id: 'E3', source_file: 'q1.csv', superseded_by: q3.files[0]?.fileId }]);
  });

  it('a local code mapped later reaches the earlier versions set aside too', async () => {
    await t.load('q1.csv', Q1.replace('STEP_UP_CSC', 'Up to social care'));
    const q2 = await t.load('q2.csv', Q2);
    await applyValueMapping(t.engine, earlyHelpEpisodes, 'end_reason', 'Up to social care', 'STEP_UP_CSC');
    const file = q2.files[0];
    if (!file) throw new Error('no report');
    await t.session.removeFile(file);
    expect((await episodes()).find((r) => r.episode_id === 'E4')).toMatchObject({
      end_reason: 'STEP_UP_CSC',
      end_reason_raw: 'Up to social care',
    });
  });

  it('a file whose every record is already held adds nothing, and says so', async () => {
    await t.load('q1.csv', Q1);
    const again = await t.load('q1-resaved.csv', `${Q1}\n`.replace('02/04/2024', '2/4/2024'));
    expectConserved(again);
    expect(again).toMatchObject({ rowsRead: 4, rowsLoaded: 0, rowsUnchanged: 4, rowsRejected: 0, status: 'ok' });
    expect(again.files[0]?.status).toBe('loaded');
    expect(again.files[0]?.message).toBe(
      'Every record in “q1-resaved.csv” is already loaded with the same values: nothing was added or changed.',
    );
    expect(await count('SELECT count(*)::INTEGER AS n FROM early_help_episodes')).toBe(4);
  });

  it('a key on two records cannot say which one it corrects: the row is rejected with the reason', async () => {
    // Kept both (counted twice, as the user chose): E1 is now on two records.
    await t.load('q1.csv', Q1);
    await t.loadFiles([{ name: 'copy.csv', blob: new Blob([Q1.replace('E2,B', 'E9,B')]), duplicates: 'keep' }]);
    const q2 = await t.load('q2.csv', [HEADER, 'E1,A,01/04/2024,30/09/2024,NEEDS_MET,POLICE'].join('\n'));
    expectConserved(q2);
    expect(q2).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsUnchanged: 0, rowsRejected: 1 });
    expect(q2.files[0]?.rejections[0]).toMatchObject({
      reason:
        'Already loaded from “q1.csv” (line 2) with other values, and the same Episode ID is on more than one record, so which one this corrects cannot be told',
      examples: [{ line: 2, value: 'Episode ID: E1' }],
    });
    expect(await count('SELECT count(*)::INTEGER AS n FROM pi_changes')).toBe(0);
  });

  it('the earlier choices stay: skip rejects records already loaded, as before', async () => {
    await t.load('q1.csv', Q1);
    const skipped = await t.loadFiles([{ name: 'q2.csv', blob: new Blob([Q2]), duplicates: 'skip' }]);
    expect(skipped).toMatchObject({ rowsRead: 5, rowsLoaded: 1, rowsUnchanged: 0, rowsRejected: 4 });
    expect(await count('SELECT count(*)::INTEGER AS n FROM pi_changes')).toBe(0);
  });
});

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateChildProtection } from '../sample-data/child-protection-generator.mjs';
import { generateEarlyHelpLines } from '../sample-data/early-help-generator.mjs';
import { CHILD_PROTECTION_DATASETS } from '../src/datasets/child-protection';
import { DATASETS } from '../src/datasets/registry';
import { headerSignature } from '../src/ingest/header-match';
import { createTestSession } from './support/load-csv';

const SAMPLE = resolve(import.meta.dirname, '../sample-data');
const read = (name: string) => new Uint8Array(readFileSync(join(SAMPLE, name)));

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});

describe('the bundled sample data', () => {
  it.each(DATASETS.map((d) => [d.fileName, d.id] as const))(
    '%s loads completely as %s, every code recognised',
    async (fileName, id) => {
      const report = await t.load(fileName, read(fileName));
      const file = report.files[0];
      expect(file).toMatchObject({
        datasetId: id,
        status: 'loaded',
        rowsRejected: 0,
        rowsWarned: 0,
        ignoredColumns: [],
      });
      expect(file?.rowsLoaded).toBeGreaterThan(0);
      expect(file?.unmappedCodes).toEqual([]);
    },
  );
});

describe('the child protection sample', () => {
  const lines = (name: string) => new TextDecoder().decode(read(name)).trimEnd().split('\r\n');
  const generated = generateChildProtection([...generateEarlyHelpLines()]);

  it.each([
    ['contacts.csv', generated.contacts],
    ['referrals.csv', generated.referrals],
    ['assessments.csv', generated.assessments],
    ['section47_enquiries.csv', generated.section47],
    ['children_in_need.csv', generated.childrenInNeed],
    ['child_protection_plans.csv', generated.plans],
    ['cp_visits.csv', generated.visits],
  ])('%s is what the generator makes (the committed file is up to date)', (fileName, expected) => {
    expect(lines(fileName)).toEqual(expected);
  });

  it('links the lists by child: every referral has a contact, every plan a conference, every visit a plan', () => {
    const column = (name: string, field: string) => {
      const [header, ...rows] = lines(name);
      const i = header?.split(',').indexOf(field) ?? -1;
      return rows.map((r) => r.split(',')[i]);
    };
    const contacted = new Set(column('contacts.csv', 'child_id'));
    expect(column('referrals.csv', 'child_id').every((id) => contacted.has(id))).toBe(true);
    const conferenced = new Set(column('section47_enquiries.csv', 'child_id'));
    expect(column('child_protection_plans.csv', 'child_id').every((id) => conferenced.has(id))).toBe(true);
    const plans = new Set(column('child_protection_plans.csv', 'cp_plan_id'));
    expect(column('cp_visits.csv', 'cp_plan_id').every((id) => plans.has(id))).toBe(true);
    // No record key repeats: each list has one row per record (the audit grades' repeats are by design).
    for (const dataset of CHILD_PROTECTION_DATASETS) {
      const [header, ...rows] = lines(dataset.fileName);
      const names = header?.split(',') ?? [];
      for (const key of dataset.recordKeys) {
        // Quoted cells (a source in Annex A's words) hold commas: compare whole lines' key columns by CSV cell.
        const cells = rows.map((r) => r.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? []);
        const keys = cells.map((c) => key.map((k) => c[names.indexOf(k)]).join('|'));
        expect(new Set(keys).size, `${dataset.id}: ${key.join(', ')}`).toBe(keys.length);
      }
    }
    // Some children stepped up from early help under the same id.
    const earlyHelp = new Set(column('early_help_episodes.csv', 'child_id'));
    expect(column('child_protection_plans.csv', 'child_id').filter((id) => earlyHelp.has(id)).length).toBeGreaterThan(
      10,
    );
  });
});

describe('the messy samples', () => {
  // Each stands alone: they share children and episodes with the main sample, which would be duplicates.
  beforeEach(async () => {
    await t.reset();
  });
  it('Windows-1252 with semicolons', async () => {
    const report = await t.load('w.csv', read('messy/early_help_windows1252_semicolons.csv'));
    expect(report.files[0]).toMatchObject({
      encoding: 'Windows-1252',
      delimiter: 'semicolon',
      rowsLoaded: 40,
      rowsRejected: 0,
      ignoredColumns: ['Notes'],
    });
  });

  it('an Annex A List 2 saved as CSV', async () => {
    const report = await t.load('a.csv', read('messy/annex_a_list_2_saved_as_csv.csv'));
    const file = report.files[0];
    expect(file).toMatchObject({ headerLine: 2, rowsLoaded: 30, rowsRejected: 0, ignoredColumns: ['Date of Birth'] });
    expect(file?.unmappedCodes.map((c) => c.value).sort()).toEqual([
      'Early Help Locality 2',
      'Family Hub North',
      'Top Town Academy',
    ]);
  });

  it('bad dates: the US date makes the column doubtful, so dates that could be either wait for the user', async () => {
    const report = await t.load('b.csv', read('messy/early_help_bad_dates.csv'));
    // 31/02/2024 (line 5), 02/13/2024 (line 9), TBC (line 13), and the ten dates with both numbers ≤ 12.
    expect(report).toMatchObject({ rowsRead: 30, rowsLoaded: 17, rowsRejected: 13 });
    expect(report.files[0]?.dateColumns).toMatchObject([
      { field: 'assessment_start_date', order: 'unsure', monthDayCount: 1, ambiguousCount: 10 },
    ]);
    expect(report.files[0]?.blankRows).toBe(1);
  });

  it('bad dates: once the user says the column is day/month, exactly the three bad ones are rejected', async () => {
    const bytes = read('messy/early_help_bad_dates.csv');
    const header = new TextDecoder().decode(bytes).split('\n')[0]?.split(',') ?? [];
    const report = await t.loadFiles([{ name: 'b2.csv', blob: new Blob([bytes]) }], {
      dates: { [headerSignature(header)]: { assessment_start_date: 'dmy' } },
    });
    expect(report).toMatchObject({ rowsRead: 30, rowsLoaded: 27, rowsRejected: 3 });
    const lines = report.files[0]?.rejections
      .flatMap((g) => g.examples.map((e) => e.line))
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(lines).toEqual([5, 9, 13]);
  });

  it('bad optional cells: those rows load with warnings (line and value), only the bad required date rejects', async () => {
    const report = await t.load('o.csv', read('messy/early_help_bad_optional_cells.csv'));
    // 24 rows. Line 15's start date is "tbc" (required): rejected. Lines 3, 9 and 21 have a request date
    // of "tbc", line 4 an age of "twelve", line 7 an age of 30, line 10 "maybe" for Y/N, line 17 an end
    // date of "ongoing": seven rows loaded with a warning each.
    expect(report).toMatchObject({ rowsRead: 24, rowsLoaded: 23, rowsRejected: 1, rowsWarned: 7 });
    const file = report.files[0];
    expect(file?.rejections.flatMap((g) => g.examples.map((e) => [g.column, e.line, e.value]))).toEqual([
      ['assessment_start_date', 15, 'tbc'],
    ]);
    const warned = file?.warnings
      .flatMap((g) => g.examples.map((e) => [e.line, g.column, e.value]))
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(warned).toEqual([
      [3, 'request_date', 'tbc'],
      [4, 'age_at_start', 'twelve'],
      [7, 'age_at_start', '30'],
      [9, 'request_date', 'tbc'],
      [10, 'step_down_from_csc', 'maybe'],
      [17, 'episode_end_date', 'ongoing'],
      [21, 'request_date', 'tbc'],
    ]);
    // Ethnicity in Annex A form, as a bare code or in the DfE's words all map; a local spelling waits to be mapped.
    expect(file?.unmappedCodes).toEqual([{ field: 'ethnicity', value: 'Mixed - other', count: 1 }]);
  });

  it('local end reasons: the standard ones map, the rest are listed to be mapped', async () => {
    const report = await t.load('e.csv', read('messy/early_help_local_end_reasons.csv'));
    expect(report.files[0]?.rowsRejected).toBe(0);
    const unmapped = new Set(report.files[0]?.unmappedCodes.map((c) => c.value));
    for (const value of ['Outcomes achieved', 'Moved out of area', 'Consent withdrawn', 'Other']) {
      expect(unmapped.has(value)).toBe(false);
    }
    expect(unmapped.size).toBeGreaterThan(0);
    const localOnly = [
      'Escalated to social care',
      'Closed - universal services',
      'Family did not engage',
      'Transferred to another service',
    ];
    for (const value of unmapped) expect(localOnly).toContain(value);
  });
});

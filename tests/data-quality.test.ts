import { beforeAll, describe, expect, it } from 'vitest';
import { earlyHelpEpisodes } from '../src/datasets/early-help';
import { DATASETS } from '../src/datasets/registry';
import { datasetQuality, fileCounts, rejectedRowsTable, repeatedRecords } from '../src/ingest/data-quality';
import { csvText } from '../src/shared/csv';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
  await t.load(
    'dq.csv',
    [
      'child_id,assessment_start_date,episode_end_date,end_reason,lead_agency,age_at_start',
      'A,01/04/2024,01/06/2024,NEEDS_MET,Police,', // line 2
      'A,01/04/2024,01/06/2024,NEEDS_MET,Police,', // line 3: exact copy of line 2
      'B,05/04/2024,,,Fire service,twelve', // line 4: open, unmapped agency; age unreadable (warning, left empty)
      'C,31/02/2024,,,SCHOOL,nine', // line 5: rejected (its age is not a warning: the row is not loaded)
      'D,10/05/2024,01/05/2024,Escalated,SCHOOL,', // line 6: rejected (end before start)
    ].join('\n'),
  );
});

describe('data quality of a loaded dataset', () => {
  it('counts completeness, date range, duplicates, rejections, warnings and unmapped codes', async () => {
    const q = await datasetQuality(t.engine, earlyHelpEpisodes);
    expect(q.rows).toBe(3);
    const column = (name: string) => q.columns.find((c) => c.field === name);
    expect(column('child_id')).toMatchObject({ filled: 3 });
    expect(column('episode_end_date')).toMatchObject({ filled: 2, earliest: '2024-06-01', latest: '2024-06-01' });
    expect(column('assessment_start_date')).toMatchObject({ earliest: '2024-04-01', latest: '2024-04-05' });
    expect(column('lead_agency')).toMatchObject({ filled: 3, unmapped: 1 });
    expect(column('request_date')).toMatchObject({ filled: 0 });
    expect(q).toMatchObject({ duplicateGroups: 1, duplicateRows: 1 });
    expect(q.rejections).toEqual([
      { column: 'episode_end_date', reason: 'Episode end date is before assessment start date', count: 1 },
      { column: 'assessment_start_date', reason: 'No such date in the calendar', count: 1 },
    ]);
    expect(q.unmappedValues).toEqual([{ field: 'lead_agency', value: 'Fire service', count: 1 }]);
    expect(q.warnings).toEqual([
      {
        column: 'age_at_start',
        reason: 'Age at start is not a whole number',
        count: 1,
        examples: [{ line: 4, value: 'twelve' }],
      },
    ]);
    expect(column('age_at_start')).toMatchObject({ filled: 0 });
    // Per file: 3 loaded, 1 of them with a warning; 2 rejected.
    expect(await fileCounts(t.engine, earlyHelpEpisodes)).toEqual([
      { file: 'dq.csv', loaded: 3, warned: 1, rejected: 2 },
    ]);
  });

  it('downloads the rejected rows with file, line, column, value and reason', async () => {
    const table = await rejectedRowsTable(t.engine, 'early_help_episodes');
    expect(csvText(table)).toBe(
      'dataset,file,line,column,value,reason\r\n' +
        'early_help_episodes,dq.csv,5,assessment_start_date,31/02/2024,No such date in the calendar\r\n' +
        'early_help_episodes,dq.csv,6,episode_end_date,01/05/2024,Episode end date is before assessment start date\r\n',
    );
    // With no dataset named: every dataset's rejections (here the same two).
    expect(await rejectedRowsTable(t.engine, null)).toEqual(table);
  });

  it('binds for every dataset, loaded or empty', async () => {
    for (const dataset of DATASETS) {
      const q = await datasetQuality(t.engine, dataset);
      expect(q.columns).toHaveLength(dataset.fields.length);
    }
  });
});

describe('rows sharing a record key', () => {
  it('are listed by file and line, their other key values shown and no child, case or record id', async () => {
    const plans = DATASETS.find((d) => d.id === 'child_protection_plans');
    if (!plans) throw new Error('no child_protection_plans dataset');
    await t.load(
      'plans.csv',
      [
        'cp_plan_id,child_id,cp_plan_start_date',
        'CP0000001,FSC000123,01/04/2024',
        'CP0000002,FSC000123,01/04/2024', // the same child and start date: a repeat of the second key
        'CP0000003,FSC000456,02/04/2024',
      ].join('\n'),
    );
    const repeats = await repeatedRecords(t.engine, plans);
    expect(repeats).toEqual([
      {
        key: ['Child ID', 'Plan start date'],
        rows: 2,
        examples: [
          { file: 'plans.csv', line: 2, key: '(child id not shown) / 2024-04-01' },
          { file: 'plans.csv', line: 3, key: '(child id not shown) / 2024-04-01' },
        ],
      },
    ]);
  });
});

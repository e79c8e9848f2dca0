import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import { createIngestSession } from '../src/ingest/load-files';
import { prepareDatabase } from '../src/ingest/prepare-database';
import { createTestEngine } from './support/test-engine';
import { watchStatements } from './support/watched-engine';

// The rows with a problem are counted as the staged rows are numbered (problemRowSql, the same
// conditions as the check stage's): a clean file then skips the problem scan, and a file whose dates
// all read as day/month skips date detection. A file with problems is checked as before.

const HEADER = 'episode_id,child_id,assessment_start_date,episode_end_date,lead_agency,locality,age_at_start';
const CLEAN = ['EH1,C1,01/04/2024,01/05/2024,POLICE,North,4', 'EH2,C2,02/04/2024,,SCHOOL,South,9'];

async function load(lines: string[]) {
  const inner = await createTestEngine();
  await prepareDatabase(inner, DATASETS);
  const statements: string[] = [];
  const engine = watchStatements(inner, (sql) => {
    statements.push(sql);
  });
  const report = await createIngestSession(engine, DATASETS).loadFiles([
    { name: 'eh.csv', blob: new Blob([[HEADER, ...lines].join('\n')]) },
  ]);
  const problemScans = statements.filter((s) => s.startsWith('CREATE OR REPLACE TEMP TABLE pi_problems AS')).length;
  const dateDetections = statements.filter((s) => s.includes('pi_date_looks_us(')).length;
  const codeListings = statements.filter((s) => s.includes('GROUPING SETS'));
  const [stored] = await inner.query(
    'SELECT count(*)::INTEGER AS n FROM early_help_episodes',
    [],
    z.object({ n: z.number() }),
  );
  return { report, statements, problemScans, dateDetections, codeListings, stored: stored?.n };
}

describe('a clean file', () => {
  it('is loaded without the problem scan or date detection', async () => {
    const { report, problemScans, dateDetections } = await load(CLEAN);
    expect(report.rowsLoaded).toBe(2);
    expect(report.rowsRejected).toBe(0);
    expect(problemScans).toBe(0);
    expect(dateDetections).toBe(0);
  });

  it('takes six round trips: header cells (bound), read, facts, repeats, insert (its count is the rows loaded), scratch dropped', async () => {
    const { report, statements, stored } = await load(CLEAN);
    const kinds = statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 140));
    expect(kinds).toEqual([
      // The header's words, bound, so that the read can tell a header row repeated mid-file.
      expect.stringMatching(/^SET VARIABLE pi_header_cells = list_value\(\?, /),
      expect.stringMatching(/^DROP TABLE IF EXISTS pi_rejects; .*CREATE OR REPLACE TEMP TABLE pi_problems/),
      expect.stringMatching(/^WITH n AS \( SELECT count\(\*\)::INTEGER AS staged/),
      expect.stringMatching(/^WITH dup AS MATERIALIZED/),
      expect.stringMatching(/^INSERT INTO early_help_episodes /),
      expect.stringMatching(/^DROP TABLE IF EXISTS pi_parsed; /),
    ]);
    // The number the report gives is the number the table holds.
    expect(report.rowsLoaded).toBe(2);
    expect(stored).toBe(2);
  });

  it('a blank row changes nothing', async () => {
    const { report, problemScans } = await load([CLEAN[0] as string, ',,,,,,', CLEAN[1] as string]);
    expect(report.rowsLoaded).toBe(2);
    expect(report.rowsRejected).toBe(0);
    expect(problemScans).toBe(0);
  });
});

describe('code values', () => {
  it('are listed by the statement that counts the staged rows (no statement of their own), unknown ones reported', async () => {
    const { report, codeListings } = await load([
      CLEAN[0] as string,
      'EH3,C3,03/04/2024,,MARS,North,5',
      ',,,,,,',
      'EH4,C4,04/04/2024,,MARS,South,6',
    ]);
    expect(codeListings).toHaveLength(1);
    expect(codeListings[0]).toContain('problem_rows');
    expect(report.rowsLoaded).toBe(3);
    expect(report.files[0]?.blankRows).toBe(1);
    expect(report.files[0]?.unmappedCodes).toEqual([{ field: 'lead_agency', value: 'MARS', count: 2 }]);
  });
});

describe('a file with problems', () => {
  it.each([
    ['a date that is not a date', 'EH3,C3,31/02/2024,,POLICE,North,4', 'assessment_start_date'],
    ['a required value missing', 'EH3,,01/04/2024,,POLICE,North,4', 'child_id'],
    ['an end before the start', 'EH3,C3,01/04/2024,01/03/2024,POLICE,North,4', 'episode_end_date'],
    ['too many values', 'EH3,C3,01/04/2024,,POLICE,North,4,surplus', null],
  ])('%s is checked and rejected with its line', async (_, bad, column) => {
    const { report, problemScans } = await load([...CLEAN, bad]);
    expect(report.rowsRead).toBe(3);
    expect(report.rowsLoaded).toBe(2);
    expect(report.rowsRejected).toBe(1);
    const rejection = report.files[0]?.rejections[0];
    expect(rejection?.examples[0]?.line).toBe(4);
    expect(rejection?.column ?? null).toBe(column);
    expect(problemScans).toBe(1);
  });

  it.each([
    ['an age out of range', 'EH3,C3,01/04/2024,,POLICE,North,140', 'age_at_start', '140'],
    ['an optional date that is not a date', 'EH3,C3,01/04/2024,tbc,POLICE,North,4', 'episode_end_date', 'tbc'],
  ])('%s is checked, and the row loaded with a warning and its line', async (_, bad, column, value) => {
    const { report, problemScans } = await load([...CLEAN, bad]);
    expect(report.rowsRead).toBe(3);
    expect(report.rowsLoaded).toBe(3);
    expect(report.rowsRejected).toBe(0);
    expect(report.rowsWarned).toBe(1);
    const warning = report.files[0]?.warnings[0];
    expect(warning?.examples[0]).toEqual({ line: 4, value });
    expect(warning?.column).toBe(column);
    expect(problemScans).toBe(1);
  });

  it('a month/day date is looked at: the dates that could be either are not guessed', async () => {
    const { report, dateDetections } = await load([...CLEAN, 'EH3,C3,04/25/2024,,POLICE,North,4']);
    expect(dateDetections).toBeGreaterThan(0);
    expect(report.rowsRead).toBe(3);
    expect(report.rowsLoaded + report.rowsRejected).toBe(3);
    expect(report.rowsRejected).toBeGreaterThan(0);
    expect(report.files[0]?.dateColumns.map((d) => d.field)).toContain('assessment_start_date');
  });
});

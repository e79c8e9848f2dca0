import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { earlyHelpEpisodes } from '../src/datasets/early-help';
import { DATASETS } from '../src/datasets/registry';
import { applyValueMapping, parseProfile, toProfile, withMapping } from '../src/ingest/value-mapping';
import { createTestSession } from './support/load-csv';

type Session = Awaited<ReturnType<typeof createTestSession>>;
let t: Session;
beforeAll(async () => {
  t = await createTestSession();
});
beforeEach(async () => {
  await t.reset();
});

const CSV =
  'child_id,assessment_start_date,episode_end_date,end_reason\nA,01/04/2024,01/06/2024,Escalated to social care\nB,01/04/2024,02/06/2024,Outcomes achieved\nC,01/04/2024,03/06/2024,Escalated to social care\n';

const endReasons = () =>
  t.engine.query(
    'SELECT child_id, end_reason FROM early_help_episodes ORDER BY child_id',
    [],
    z.object({ child_id: z.string(), end_reason: z.string().nullable() }),
  );

describe('value mapping', () => {
  it('maps a local code on rows already loaded', async () => {
    const report = await t.load('eh.csv', CSV);
    expect(report.files[0]?.unmappedCodes).toEqual([
      { field: 'end_reason', value: 'Escalated to social care', count: 2 },
    ]);
    await applyValueMapping(t.engine, earlyHelpEpisodes, 'end_reason', 'Escalated to social care', 'STEP_UP_CSC');
    expect(await endReasons()).toEqual([
      { child_id: 'A', end_reason: 'STEP_UP_CSC' },
      { child_id: 'B', end_reason: 'NEEDS_MET' },
      { child_id: 'C', end_reason: 'STEP_UP_CSC' },
    ]);
  });

  it('applies saved mappings to the next file as it loads', async () => {
    const mappings = withMapping({}, 'early_help_episodes', 'end_reason', 'Escalated to social care', 'STEP_UP_CSC');
    const report = await t.loadWith('eh.csv', CSV, mappings);
    expect(report.files[0]?.unmappedCodes).toEqual([]);
    expect((await endReasons()).map((r) => r.end_reason)).toEqual(['STEP_UP_CSC', 'NEEDS_MET', 'STEP_UP_CSC']);
  });

  it('refuses a value that is not in the standard list', async () => {
    await expect(applyValueMapping(t.engine, earlyHelpEpisodes, 'end_reason', 'x', 'SOMETHING_ELSE')).rejects.toThrow(
      /not a End reason value/,
    );
    await expect(applyValueMapping(t.engine, earlyHelpEpisodes, 'child_id', 'x', 'y')).rejects.toThrow(
      /not a code field/,
    );
  });
});

describe('mapping profiles', () => {
  const mappings = withMapping({}, 'early_help_episodes', 'end_reason', 'Family did not engage', 'DISENGAGED');

  it('round-trips through JSON', () => {
    const text = JSON.stringify(toProfile(mappings, undefined, 'Fernshire'));
    expect(parseProfile(text, DATASETS).values).toEqual(mappings);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['another kind of file', JSON.stringify({ hello: 1 }), /not a valid mapping profile \(kind:/],
    ['a newer version', JSON.stringify({ ...toProfile(mappings), version: 2 }), /version 2; this app reads version 1/],
    [
      'an unknown dataset',
      JSON.stringify(toProfile({ nonsense: { a: { b: 'c' } } })),
      /names a dataset this app does not have: “nonsense”/,
    ],
    [
      'a value outside the list',
      JSON.stringify(toProfile(withMapping({}, 'early_help_episodes', 'end_reason', 'x', 'MAYBE'))),
      /maps “x” to “MAYBE”, which is not a End reason value/,
    ],
    [
      'a column that is not coded',
      JSON.stringify(toProfile(withMapping({}, 'early_help_episodes', 'child_id', 'x', 'y'))),
      /“child_id”, which is not a coded column/,
    ],
  ])('gives a clear error for %s', (_name, text, message) => {
    expect(() => parseProfile(text, DATASETS)).toThrow(message);
  });
});

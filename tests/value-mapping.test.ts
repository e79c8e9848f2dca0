import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { earlyHelpEpisodes } from '../src/datasets/early-help';
import { DATASETS } from '../src/datasets/registry';
import {
  applyValueMapping,
  applyValueMappings,
  MAX_PROFILE_BYTES,
  parseProfile,
  toProfile,
  withMapping,
} from '../src/ingest/value-mapping';
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
    const text = JSON.stringify(
      toProfile(mappings, undefined, { 'a|b': { assessment_start_date: 'mdy' } }, 'Fernshire'),
    );
    expect(parseProfile(text, DATASETS).values).toEqual(mappings);
    expect(parseProfile(text, DATASETS).dateOrders).toEqual({ 'a|b': { assessment_start_date: 'mdy' } });
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    [
      'another kind of file',
      JSON.stringify({ hello: 1 }),
      /not a valid mapping profile \(kind is not one of the values allowed\)/,
    ],
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
    [
      'a date order that is neither day/month nor month/day',
      JSON.stringify({ ...toProfile(mappings), dateOrders: { x: { assessment_start_date: 'ymd' } } }),
      /not a valid mapping profile \(dateOrders › x › assessment_start_date is not one of the values allowed\)/,
    ],
    [
      '__proto__ as a code',
      '{"kind":"partnership-insight-mapping-profile","version":1,"values":{"early_help_episodes":{"end_reason":{"__proto__":{"x":"y"}}}}}',
      /\(values › early_help_episodes › end_reason holds “__proto__”, which cannot be a name\)/,
    ],
    [
      'constructor as a dataset',
      JSON.stringify({ ...toProfile({}), values: { constructor: {} } }),
      /\(values holds “constructor”, which cannot be a name\)/,
    ],
    [
      'a mapped value that is not text',
      JSON.stringify({ ...toProfile({}), values: { early_help_episodes: { end_reason: { x: 3 } } } }),
      /\(values › early_help_episodes › end_reason › x is not a string\)/,
    ],
    [
      'a column mapping with a field of its own',
      JSON.stringify({
        ...toProfile({}),
        columns: { sig: { datasetId: 'early_help_episodes', columns: {}, rows: [] } },
      }),
      /\(columns › sig has a field this version does not know \(“rows”\)\)/,
    ],
  ])('gives a clear error for %s', (_name, text, message) => {
    expect(() => parseProfile(text, DATASETS)).toThrow(message);
  });

  it('refuses a file too large to be a profile before reading it, and one with too many codes', () => {
    expect(() => parseProfile(' '.repeat(MAX_PROFILE_BYTES + 1), DATASETS)).toThrow(
      /is 5\.0 MB; a mapping profile is a small file \(at most 5 MB\)/,
    );
    const many: Record<string, string> = {};
    for (let i = 0; i < 50_001; i += 1) many[`code ${i}`] = 'OTHER';
    const text = JSON.stringify(toProfile({ early_help_episodes: { end_reason: many } }));
    expect(() => parseProfile(text, DATASETS)).toThrow(/maps 50,001 codes; a profile may hold at most 50,000/);
  });

  it('a cell or a code named like an object member maps like any other', async () => {
    const hostile =
      'child_id,assessment_start_date,end_reason\nconstructor,01/04/2024,constructor\n__proto__,02/04/2024,toString\n';
    const saved = withMapping(
      withMapping({}, 'early_help_episodes', 'end_reason', 'constructor', 'OTHER'),
      'early_help_episodes',
      'end_reason',
      '__proto__',
      'NEEDS_MET',
    );
    const report = await t.loadWith('hostile.csv', hostile, saved);
    expect(report).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    expect(report.files[0]?.unmappedCodes).toEqual([{ field: 'end_reason', value: 'toString', count: 1 }]);
    expect(await endReasons()).toEqual([
      { child_id: '__proto__', end_reason: null },
      { child_id: 'constructor', end_reason: 'OTHER' },
    ]);
  });

  it('applies 2,000 imported codes in a few batched statements', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `C${i},01/04/2024,local reason ${i}`);
    await t.load('many.csv', `child_id,assessment_start_date,end_reason\n${lines.join('\n')}\n`);
    const statements: string[] = [];
    const counting = {
      ...t.engine,
      run: (sql: string, params?: readonly (string | number | boolean | null)[]) => {
        statements.push(sql);
        return t.engine.run(sql, params);
      },
    };
    const pairs = Array.from({ length: 2000 }, (_, i) => [`local reason ${i}`, i % 2 ? 'NEEDS_MET' : 'OTHER'] as const);
    await applyValueMappings(counting, earlyHelpEpisodes, 'end_reason', pairs);
    expect(statements.length).toBeLessThanOrEqual(7);
    const [mapped] = await t.engine.query(
      "SELECT count(*) FILTER (WHERE end_reason = 'NEEDS_MET') AS met, count(*) FILTER (WHERE end_reason = 'OTHER') AS other FROM early_help_episodes",
      [],
      z.object({ met: z.number(), other: z.number() }),
    );
    expect(mapped).toEqual({ met: 1000, other: 1000 });
  });
});

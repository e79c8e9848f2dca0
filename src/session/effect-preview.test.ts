import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEngine } from '../../tests/support/test-engine';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { DEFAULT_SETTINGS } from '../indicators/settings';
import { createIngestSession } from '../ingest/load-files';
import { prepareDatabase } from '../ingest/prepare-database';
import { DataSession } from './data-session';
import type { EffectPreview } from './effect-preview';
import { FILE_HANDLERS } from './file-handlers';

const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);

const HEADER = 'episode_id,child_id,assessment_start_date,episode_end_date,end_reason,lead_agency';
const Q1 = `${HEADER}
E1,A,01/04/2024,,,POLICE
E2,B,02/04/2024,30/06/2024,NEEDS_MET,POLICE
E3,C,03/04/2024,,,LA_CSC
E4,D,04/04/2024,20/06/2024,STEP_UP_CSC,POLICE
`;
// E3 closed since; E4's outcome corrected to needs met; E5 new.
const Q2 = `${HEADER}
E1,A,01/04/2024,,,POLICE
E2,B,02/04/2024,30/06/2024,NEEDS_MET,POLICE
E3,C,03/04/2024,15/09/2024,,LA_CSC
E4,D,04/04/2024,20/06/2024,NEEDS_MET,POLICE
E5,E,05/07/2024,,,POLICE
`;

async function twoQuarters() {
  const engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  let versions = 0;
  const session = new DataSession({
    open: async () => ({ engine, ingest: createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS }) }),
    datasets: DATASETS,
    handlers: FILE_HANDLERS,
    store: {
      readMappings: () => ({ values: {}, columns: {}, dates: {} }),
      saveMappings() {},
      readHeld: () => null,
      saveHeld() {},
    },
    afterChange: () => {
      versions += 1;
    },
  });
  await session.loadFiles([{ name: 'q1.csv', blob: blob(Q1) }]);
  await session.loadFiles([{ name: 'q2.csv', blob: blob(Q2) }]);
  const q2 = session.getSnapshot().lastReport?.files[0];
  if (!q2) throw new Error('no report');
  return { engine, session, q2, versions: () => versions };
}

/** Every row of the tables a file's removal touches, in a fixed order, as text. */
async function tables(engine: Engine) {
  const dump = async (table: string) =>
    (
      await engine.query(`SELECT CAST(t AS VARCHAR) AS r FROM ${table} t ORDER BY ALL`, [], z.object({ r: z.string() }))
    ).map((row) => row.r);
  return {
    episodes: await dump('early_help_episodes'),
    superseded: await dump('early_help_episodes__superseded'),
    changes: await dump('pi_changes'),
    rejections: await dump('pi_rejections'),
    warnings: await dump('pi_warnings'),
  };
}

/** Each indicator's headline before → after, as [id, before value, after value, after period]. */
const effects = (preview: EffectPreview | null) =>
  preview?.effects.map((e) => [e.indicator.id, e.before?.value ?? null, e.after?.value ?? null, e.after?.label]);

describe('the effect of removing or replacing a file, shown before it is confirmed', () => {
  // Worked by hand. With both quarters the data runs to 15/09/2024, so the last complete quarter is
  // Apr–Jun 2024: 4 assessments started (EH1); E1 and E3 open on 30/06 (EH2: E2 closed on the day,
  // E4 on 20/06); both closures needs met (EH3: 2 of 2). Without q2 the data ends 30/06/2024, the same
  // quarter is complete: 4 started, E1 and E3 open, 1 of 2 closures needs met (E4 stepped up).
  it('Remove: each headline before → after; Cancel leaves every table exactly as it was', async () => {
    const { engine, session, q2, versions } = await twoQuarters();
    const before = await tables(engine);
    await session.previewRemoval(q2, DEFAULT_SETTINGS);
    const preview = session.getSnapshot().effectPreview;
    expect(preview).toMatchObject({ kind: 'remove', state: 'ready', message: null });
    expect(effects(preview)).toEqual([
      ['EH1', 4, 4, '2024-25 Q1'],
      ['EH2', 2, 2, '2024-25 Q1'],
      ['EH3', 100, 50, '2024-25 Q1'],
      ['EH6', null, null, '2024-25 Q1'],
    ]);
    expect(preview?.effects[2]?.after).toMatchObject({ numerator: 1, denominator: 2 });
    // Meanwhile the removal is made (that is how the after figures were worked out) …
    expect((await tables(engine)).episodes).toHaveLength(4);
    const seen = versions();
    await session.cancelPreview();
    // … and Cancel puts every table back, row for row; the pages are told to ask again.
    expect(await tables(engine)).toEqual(before);
    expect(session.getSnapshot().effectPreview).toBeNull();
    expect(session.getSnapshot().lastReport?.files.map((f) => f.fileName)).toEqual(['q2.csv']);
    expect(versions()).toBe(seen + 1);
    // The file is still known: it can be removed for good.
    expect(session.canRemap(q2)).toBe(true);
  });

  it('Remove, confirmed: q1’s versions of the changed records come back', async () => {
    const { engine, session, q2 } = await twoQuarters();
    expect(session.getSnapshot().rowsInDatabase).toBe(5);
    await session.previewRemoval(q2, DEFAULT_SETTINGS);
    await session.confirmPreview();
    const after = await tables(engine);
    expect(after.episodes).toHaveLength(4);
    expect(after.episodes.every((r) => r.startsWith("{'load_id': 1, 'source_file': q1.csv"))).toBe(true);
    expect(after.superseded).toEqual([]);
    expect(after.changes).toEqual([]);
    expect(session.getSnapshot()).toMatchObject({ effectPreview: null, lastReport: null, rowsInDatabase: 4 });
    expect(session.canRemap(q2)).toBe(false);
  });

  it('Replace with a new version: the figures before → after, then the new version in its place', async () => {
    const { engine, session, q2 } = await twoQuarters();
    // The police resend: E4 back to stepped up, E5 closed with needs met on 29/06 (so it is new, and E3 still closed).
    const resent = Q2.replace('20/06/2024,NEEDS_MET', '20/06/2024,STEP_UP_CSC').replace(
      'E5,E,05/07/2024,,',
      'E5,E,05/05/2024,29/06/2024,NEEDS_MET',
    );
    await session.previewReplacement(q2, { name: 'q2-resent.csv', blob: blob(resent) }, DEFAULT_SETTINGS);
    const preview = session.getSnapshot().effectPreview;
    expect(preview?.replacement?.report).toMatchObject({
      rowsRead: 5,
      rowsLoaded: 2,
      rowsUpdated: 1,
      rowsUnchanged: 3,
    });
    // Apr–Jun 2024 after: 5 started (E5 on 05/05); E1, E3 open (E5 closed 29/06); closures E2, E4, E5:
    // 2 of 3 needs met (66.7%).
    expect(effects(preview)?.slice(0, 3)).toEqual([
      ['EH1', 4, 5, '2024-25 Q1'],
      ['EH2', 2, 2, '2024-25 Q1'],
      ['EH3', 100, 200 / 3, '2024-25 Q1'],
    ]);
    await session.confirmPreview();
    expect(session.getSnapshot().lastReport?.files.map((f) => f.fileName)).toEqual(['q2-resent.csv']);
    expect(session.getSnapshot().rowsInDatabase).toBe(5);
    const changes = await session.recordChanges(session.getSnapshot().lastReport?.files[0] ?? q2);
    expect(changes.map((c) => [c.key, c.fieldLabel, c.oldValue, c.newValue])).toEqual([
      ['Episode ID: E3', 'Episode end date', null, '15/09/2024'],
    ]);
    expect((await tables(engine)).episodes).toHaveLength(5);
  });
});

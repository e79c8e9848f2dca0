import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEngine } from '../../tests/support/test-engine';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { createIngestSession } from '../ingest/load-files';
import { prepareDatabase } from '../ingest/prepare-database';
import { DataSession, type DataState, type SessionStore } from './data-session';
import { FILE_HANDLERS } from './file-handlers';
import type { HeldFiles } from './held-files';
import { LoadHistory } from './load-history';
import type { SavedMappings } from './saved-mappings';

const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);

// Three episodes, one with a start date that is not a date (rejected), one with a local lead-agency code.
const EPISODES = `episode_id,child_id,assessment_start_date,lead_agency
E1,C1,01/04/2024,LA_EARLY_HELP
E2,C2,31/02/2024,SCHOOL
E3,C3,02/04/2024,Fernshire Family Hub
`;

function memoryStore(held: HeldFiles | null = null) {
  const saved: { mappings: SavedMappings[]; held: HeldFiles[] } = { mappings: [], held: [] };
  const store: SessionStore = {
    readMappings: () => ({ values: {}, columns: {}, dates: {} }),
    saveMappings: (m) => saved.mappings.push(m),
    readHeld: () => held,
    saveHeld: (h) => saved.held.push(h),
  };
  return { store, saved };
}

async function newSession(held: HeldFiles | null = null, history?: LoadHistory) {
  const engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const { store, saved } = memoryStore(held);
  const changes: number[] = [];
  const session = new DataSession({
    open: async () => ({ engine, ingest: createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS }) }),
    datasets: DATASETS,
    handlers: FILE_HANDLERS,
    store,
    afterChange: () => {
      changes.push(session.getSnapshot().dataVersion);
    },
    now: () => new Date('2026-12-07T09:30:00Z'),
    history,
  });
  return { engine, session, saved, changes };
}

const countSchema = z.object({ n: z.number() });
const rowsIn = async (engine: Engine, table: string) =>
  (await engine.query(`SELECT count(*)::INTEGER AS n FROM ${table}`, [], countSchema))[0]?.n;

describe('DataSession, without React', () => {
  it('loads files: loading while it runs, then the report, the rows, the version and what the tab holds', async () => {
    const { engine, session, saved, changes } = await newSession();
    const seen: DataState[] = [];
    session.subscribe(() => seen.push(session.getSnapshot()));
    await session.loadFiles([{ name: 'episodes.csv', blob: blob(EPISODES) }]);
    const state = session.getSnapshot();
    expect(seen[0]).toMatchObject({ loading: true, loadError: null });
    expect(seen.some((s) => s.progress !== null)).toBe(true);
    expect(state).toMatchObject({
      loading: false,
      progress: null,
      loadCount: 1,
      dataVersion: 1,
      rowsInDatabase: 2,
      loadedAt: '2026-12-07T09:30:00.000Z',
    });
    expect(state.lastReport).toMatchObject({ rowsRead: 3, rowsLoaded: 2, rowsRejected: 1 });
    expect(await rowsIn(engine, 'early_help_episodes')).toBe(2);
    expect(changes).toEqual([1]);
    expect(saved.held.at(-1)).toEqual({
      files: [{ fileId: expect.any(Number), name: 'episodes.csv', rows: 2 }],
      loadedAt: '2026-12-07T09:30:00.000Z',
    });
  });

  it('maps a local code for the rows loaded and remembers it; the report no longer lists it', async () => {
    const { engine, session, saved } = await newSession();
    await session.loadFiles([{ name: 'episodes.csv', blob: blob(EPISODES) }]);
    const unmapped = session.getSnapshot().lastReport?.files[0]?.unmappedCodes ?? [];
    expect(unmapped.map((c) => c.value)).toContain('Fernshire Family Hub');
    await session.mapValue('early_help_episodes', 'lead_agency', 'Fernshire Family Hub', 'LA_EARLY_HELP');
    const after = session.getSnapshot();
    expect(after.lastReport?.files[0]?.unmappedCodes.map((c) => c.value)).not.toContain('Fernshire Family Hub');
    expect(after.mappings.values.early_help_episodes?.lead_agency?.['Fernshire Family Hub']).toBe('LA_EARLY_HELP');
    expect(saved.mappings).toHaveLength(1);
    expect(after.dataVersion).toBe(2);
    const agencies = await engine.query(
      `SELECT count(*)::INTEGER AS n FROM early_help_episodes WHERE lead_agency = 'LA_EARLY_HELP'`,
      [],
      countSchema,
    );
    expect(agencies[0]?.n).toBe(2);
  });

  it('removes one file, then clears everything: rows, rejections and the list of held files', async () => {
    const { engine, session, saved } = await newSession();
    await session.loadFiles([
      { name: 'a.csv', blob: blob(EPISODES) },
      { name: 'b.csv', blob: blob('episode_id,child_id,assessment_start_date\nE9,C9,03/04/2024\n') },
    ]);
    expect(session.getSnapshot().rowsInDatabase).toBe(3);
    const b = session.getSnapshot().lastReport?.files.find((f) => f.fileName === 'b.csv');
    if (!b) throw new Error('b.csv not reported');
    expect(session.canRemap(b)).toBe(true);
    await session.removeFile(b);
    expect(session.getSnapshot()).toMatchObject({ rowsInDatabase: 2 });
    expect(session.getSnapshot().lastReport?.files.map((f) => f.fileName)).toEqual(['a.csv']);
    await session.clearData();
    expect(session.getSnapshot()).toMatchObject({ rowsInDatabase: 0, lastReport: null, loadedAt: null });
    expect(await rowsIn(engine, 'early_help_episodes')).toBe(0);
    expect(await rowsIn(engine, 'pi_rejections')).toBe(0);
    expect(saved.held.at(-1)).toEqual({ files: [], loadedAt: null });
  });

  it('records each load, reload, removal and clearing in the load history, with the file and its rows', async () => {
    const history = new LoadHistory([], () => new Date('2026-12-07T14:05:00Z'));
    const { session } = await newSession(null, history);
    await session.loadFiles([{ name: 'a.csv', blob: blob(EPISODES) }]);
    // E1 again, with another start date: a record already loaded, skipped as the user chose, then replaced.
    await session.loadFiles([
      {
        name: 'b.csv',
        blob: blob('episode_id,child_id,assessment_start_date\nE1,C1,05/04/2024\nE9,C9,03/04/2024\n'),
        duplicates: 'skip',
      },
      { name: 'notes.txt', blob: blob('nothing to see') },
    ]);
    const b = session.getSnapshot().lastReport?.files.find((f) => f.fileName === 'b.csv');
    if (!b) throw new Error('b.csv not reported');
    await session.setDuplicatePolicy(b, 'replace');
    const again = session.getSnapshot().lastReport?.files.find((f) => f.fileName === 'b.csv');
    if (!again) throw new Error('b.csv not reported again');
    await session.removeFile(again);
    await session.clearData();
    const entries = history.getSnapshot();
    expect(entries.map((e) => [e.action, e.file, e.rows])).toEqual([
      ['load', 'a.csv', 2],
      ['load', 'b.csv', 1],
      ['load', 'notes.txt', 0],
      ['replace', 'b.csv', 2],
      ['remove', 'b.csv', 2],
      ['clear', undefined, 1],
    ]);
    expect(entries[0]?.summary).toBe('Loaded “a.csv” as Early help episodes: 2 rows of 3 read, 1 row rejected');
    expect(entries[2]?.summary).toMatch(/^Read “notes\.txt”: nothing loaded from it/);
    expect(entries[3]?.summary).toContain('1 row loaded earlier replaced by this file’s');
    expect(entries[4]?.summary).toBe('Removed “b.csv”: its 2 rows and rejections taken out of the data');
    expect(entries[5]?.summary).toBe('Cleared all loaded data: 1 row taken out');
    expect(entries.every((e) => e.at === '2026-12-07T14:05:00.000Z')).toBe(true);
  });

  it('says what a reload cleared until a load or a dismissal', async () => {
    const before = { files: [{ fileId: 1, name: 'old.csv', rows: 40 }], loadedAt: '2026-12-06T10:00:00Z' };
    const { session } = await newSession(before);
    expect(session.getSnapshot().clearedByReload).toEqual(before);
    session.dismissClearedByReload();
    expect(session.getSnapshot().clearedByReload).toBeNull();
  });

  it('reports an engine that cannot start, and tries again on the next request', async () => {
    let attempts = 0;
    const { store } = memoryStore();
    const session = new DataSession({
      open: async () => {
        attempts += 1;
        throw new Error('no WebAssembly here');
      },
      datasets: DATASETS,
      store,
    });
    await expect(session.start()).rejects.toThrow('no WebAssembly here');
    await Promise.resolve();
    expect(session.getSnapshot().loadError).toBe('The in-browser database could not start: no WebAssembly here');
    await session.loadFiles([{ name: 'x.csv', blob: blob(EPISODES) }]);
    expect(attempts).toBe(2);
    expect(session.getSnapshot()).toMatchObject({ loading: false, loadCount: 0 });
    expect(session.getSnapshot().loadError).toContain('The files could not be loaded: no WebAssembly here');
  });
});

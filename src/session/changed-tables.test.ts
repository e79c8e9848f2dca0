import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestEngine } from '../../tests/support/test-engine';
import { DATASETS } from '../datasets/registry';
import { createIngestSession } from '../ingest/load-files';
import { prepareDatabase } from '../ingest/prepare-database';
import { DataSession, type SessionStore } from './data-session';
import { FILE_HANDLERS } from './file-handlers';

// What `snapshot({ changedOnly: true })` exports after each kind of change, on real DuckDB: the tables the
// change touched, and no other (those are listed with `bytes: null`, so the kept copy carries them over).

const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);
const EPISODES = `episode_id,child_id,assessment_start_date,lead_agency
E1,C1,01/04/2024,LA_EARLY_HELP
E2,C2,31/02/2024,SCHOOL
E3,C3,02/04/2024,Fernshire Family Hub
`;
const MORE_EPISODES = 'episode_id,child_id,assessment_start_date\nE9,C9,03/04/2024\n';
const SCHOOLS = { name: 'schools.csv', blob: new Blob([readFileSync('sample-data/schools.csv')]) };
const PUBLISHED_PATH =
  'sample-data/published/c1_children_in_need_referrals_and_rereferrals_2013_to_2025_north_east.csv';
const PUBLISHED = { name: 'published.csv', blob: new Blob([readFileSync(PUBLISHED_PATH)]) };
const PROBLEMS = ['pi_rejections', 'pi_warnings'];

const store: SessionStore = {
  readMappings: () => ({ values: {}, columns: {}, dates: {} }),
  saveMappings: () => undefined,
  readHeld: () => null,
  saveHeld: () => undefined,
};

async function newSession() {
  const engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  return new DataSession({
    open: async () => ({ engine, ingest: createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS }) }),
    datasets: DATASETS,
    handlers: FILE_HANDLERS,
    store,
  });
}

/** The tables a changed-only snapshot lists (those with rows) and those it exports. */
async function changed(session: DataSession) {
  const { parts, state } = await session.snapshot({ changedOnly: true });
  expect(parts.map((p) => p.name)).toEqual(state.tables.filter((t) => t.rows > 0).map((t) => t.name));
  return { listed: parts.map((p) => p.name), exported: parts.filter((p) => p.bytes !== null).map((p) => p.name) };
}

/** Of `tables`, those the snapshot lists (a table with no rows has no part). */
const listedOf = (listed: readonly string[], tables: readonly string[]) => listed.filter((t) => tables.includes(t));

/** Schools and episodes loaded, and a first snapshot taken (so nothing counts as changed). */
async function loadedAndKept() {
  const session = await newSession();
  await session.loadFiles([SCHOOLS, { name: 'episodes.csv', blob: blob(EPISODES) }]);
  await session.snapshot();
  return session;
}

describe('a snapshot of what changed', () => {
  it('exports every table at first, then none until something changes, listing every table each time', async () => {
    const session = await newSession();
    await session.loadFiles([SCHOOLS, { name: 'episodes.csv', blob: blob(EPISODES) }]);
    const first = await changed(session);
    expect(first.listed).toEqual(expect.arrayContaining(['schools', 'early_help_episodes', 'pi_rejections']));
    expect(first.exported).toEqual(first.listed);
    const again = await changed(session);
    expect(again).toEqual({ listed: first.listed, exported: [] });
    const whole = await session.snapshot();
    expect(whole.parts.every((p) => p.bytes instanceof Uint8Array)).toBe(true);
    expect((await changed(session)).exported).toEqual([]);
  }, 60_000);

  it('a load: the datasets of its files and the problem tables', async () => {
    const session = await loadedAndKept();
    await session.loadFiles([{ name: 'more.csv', blob: blob(MORE_EPISODES) }]);
    const { listed, exported } = await changed(session);
    expect(listed).toContain('schools');
    expect(exported).toEqual(listedOf(listed, ['early_help_episodes', ...PROBLEMS]));
  }, 60_000);

  it('a file a handler loaded: the handler’s tables and the problem tables', async () => {
    const session = await loadedAndKept();
    await session.loadFiles([PUBLISHED]);
    const { listed, exported } = await changed(session);
    expect(listed).toContain('pi_published');
    expect(exported).toEqual(listedOf(listed, [...PROBLEMS, 'pi_published']));
    expect(exported).not.toContain('schools');
  }, 60_000);

  it('mapping a code, or importing mappings: that dataset only', async () => {
    const session = await loadedAndKept();
    await session.mapValue('early_help_episodes', 'lead_agency', 'Fernshire Family Hub', 'LA_EARLY_HELP');
    expect((await changed(session)).exported).toEqual(['early_help_episodes']);
    await session.importMappings({
      values: { early_help_episodes: { lead_agency: { SCHOOL: 'LA_EARLY_HELP' } } },
      columns: {},
      dateOrders: {},
    });
    expect((await changed(session)).exported).toEqual(['early_help_episodes']);
  }, 60_000);

  it('removing a file, or loading it again with another choice: its dataset and the problem tables', async () => {
    const session = await loadedAndKept();
    await session.loadFiles([{ name: 'more.csv', blob: blob(MORE_EPISODES) }]);
    await session.snapshot();
    const more = session.getSnapshot().lastReport?.files.find((f) => f.fileName === 'more.csv');
    if (!more) throw new Error('more.csv not reported');
    await session.setDuplicatePolicy(more, 'keep');
    let { listed, exported } = await changed(session);
    expect(exported).toEqual(listedOf(listed, ['early_help_episodes', ...PROBLEMS]));
    const reloaded = session.getSnapshot().lastReport?.files.find((f) => f.fileName === 'more.csv');
    if (!reloaded) throw new Error('more.csv not reported after its reload');
    await session.removeFile(reloaded);
    ({ listed, exported } = await changed(session));
    expect(listed).toContain('schools');
    expect(exported).toEqual(listedOf(listed, ['early_help_episodes', ...PROBLEMS]));
  }, 60_000);

  it('after a restore nothing has changed; after clearing, everything has', async () => {
    const source = await loadedAndKept();
    const kept = await source.snapshot();
    const session = await newSession();
    await session.restore(kept);
    expect(await changed(session)).toEqual({ listed: kept.parts.map((p) => p.name), exported: [] });
    await session.mapValue('early_help_episodes', 'lead_agency', 'SCHOOL', 'LA_EARLY_HELP');
    expect((await changed(session)).exported).toEqual(['early_help_episodes']);
    await session.clearData();
    await session.restore(kept);
    expect((await changed(session)).exported).toEqual([]);
    await session.clearData();
    await session.loadFiles([SCHOOLS]);
    // Clearing leaves no part to carry over (every table counts as changed): what is loaded next is exported.
    const { listed, exported } = await changed(session);
    expect(exported).toEqual(listed);
    expect(listed).toContain('schools');
  }, 60_000);

  it('a restore that fails leaves everything changed', async () => {
    const source = await loadedAndKept();
    const kept = await source.snapshot();
    const session = await loadedAndKept();
    const damaged = kept.parts.map((p) => ({ ...p, bytes: p.bytes.slice(0, Math.floor(p.bytes.length / 2)) }));
    await expect(session.restore({ state: kept.state, parts: damaged })).rejects.toThrow(/could not be restored/);
    await session.loadFiles([SCHOOLS]);
    const { listed, exported } = await changed(session);
    expect(exported).toEqual(listed);
  }, 60_000);
});

import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEngine } from '../../tests/support/test-engine';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { SUMMARY_STORE } from '../engine/session-settings';
import { compressSummaries } from '../indicators/compress-summaries';
import { tablesReadAt } from '../indicators/family-definition';
import {
  DEFERRABLE_TABLES,
  PREPARED_TABLES,
  type PreparedState,
  preparationCount,
  preparationFingerprint,
  prepareIndicators,
  resumePreparation,
} from '../indicators/prepare-indicators';
import { getFamily, INDICATORS } from '../indicators/registry';
import { runIndicators } from '../indicators/run-indicator';
import { DEFAULT_SETTINGS } from '../indicators/settings';
import { createIngestSession } from '../ingest/load-files';
import { loadedTables, prepareDatabase } from '../ingest/prepare-database';
import { VaultError } from '../vault/vault';
import { DataSession, type SessionStore } from './data-session';
import { FILE_HANDLERS } from './file-handlers';
import type { SessionSnapshot } from './kept-snapshot';
import { LoadHistory } from './load-history';

// The indicators' prepared tables kept with the data (kept-preparation.ts): kept only when they are
// those of one complete preparation of the data kept, used on the way back only when they still fit,
// and otherwise dropped and built again — never an error, never a figure from other data or settings.

const file = (path: string) => ({ name: path.split('/').at(-1) as string, blob: new Blob([readFileSync(path)]) });
const SAMPLE = readdirSync('sample-data')
  .filter((name) => name.endsWith('.csv'))
  .map((name) => file(`sample-data/${name}`));

const store: SessionStore = {
  readMappings: () => ({ values: {}, columns: {}, dates: {} }),
  saveMappings: () => undefined,
  readHeld: () => null,
  saveHeld: () => undefined,
};

async function newSession() {
  const engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const ingest = createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS });
  const history = new LoadHistory();
  const session = new DataSession({
    open: async () => ({ engine, ingest }),
    datasets: DATASETS,
    handlers: FILE_HANDLERS,
    store,
    history,
  });
  return { engine, session, history };
}

/** Prepares every stage and tells the session, as the pages' complete stage does. */
async function prepareAndNote(
  { engine, session }: Awaited<ReturnType<typeof newSession>>,
  settings = DEFAULT_SETTINGS,
) {
  const prepared = await prepareIndicators(engine, settings);
  session.notePrepared(session.getSnapshot().dataVersion, prepared, preparationCount(engine));
  return prepared;
}

async function everyIndicator(engine: Engine, prepared: PreparedState) {
  const results = await runIndicators(engine, prepared, INDICATORS, { granularity: 'quarter' });
  return results.map((r) => (r instanceof Error ? `error: ${r.message}` : r));
}

const tableRow = z.object({ database_name: z.string(), table_name: z.string() });

/** The prepared tables that exist, in the session's database or the summary store. */
async function preparedTablesHere(engine: Engine): Promise<string[]> {
  const rows = await engine.query(
    `SELECT database_name, table_name FROM duckdb_tables() WHERE schema_name = 'main'
     AND list_contains(string_split(?, ','), table_name)`,
    [PREPARED_TABLES.join(',')],
    tableRow,
  );
  return rows.map((r) => `${r.database_name}.${r.table_name}`).sort();
}

/** A table's rows as text, in a stable order (a restored table need not keep the row order). */
async function rowsOf(engine: Engine, table: string): Promise<string[]> {
  const rows = await engine.query(`SELECT t::VARCHAR AS row FROM main.${table} t`, [], z.object({ row: z.string() }));
  return rows.map((r) => r.row).sort();
}

let before: Awaited<ReturnType<typeof newSession>>;
let prepared: PreparedState;
let snapshot: SessionSnapshot;

beforeAll(async () => {
  before = await newSession();
  await before.session.loadFiles(SAMPLE);
  prepared = await prepareAndNote(before);
  snapshot = await before.session.snapshot();
}, 240_000);

describe('prepared tables kept with the data', () => {
  it('keeps every table of a complete preparation, beside the loaded tables, under the app’s fingerprint', () => {
    const kept = snapshot.state.prepared;
    expect(kept?.fingerprint).toBe(preparationFingerprint());
    expect(kept?.state).toEqual(prepared);
    expect(kept?.tables.map((t) => t.name).sort()).toEqual([...PREPARED_TABLES].sort());
    const withRows = kept?.tables.filter((t) => t.rows > 0).map((t) => t.name) ?? [];
    expect(withRows).toEqual(expect.arrayContaining(['pi_eh_flow', 'pi_eh_cohort_single', 'pi_tr_bookings']));
    const loaded = loadedTables(DATASETS, FILE_HANDLERS);
    expect(snapshot.parts.map((p) => p.name)).toEqual([
      ...snapshot.state.tables.filter((t) => t.rows > 0).map((t) => t.name),
      ...withRows,
    ]);
    expect(PREPARED_TABLES.some((t) => loaded.includes(t))).toBe(false);
  });

  it('puts them back so every indicator reads them as they were, with nothing built again', async () => {
    const after = await newSession();
    await after.session.restore(structuredClone(snapshot));
    const count = preparationCount(after.engine);
    const version = after.session.getSnapshot().dataVersion;
    const kept = after.session.keptPreparation(version, DEFAULT_SETTINGS, count);
    // Every table but the full summaries, which go back in after (putDeferredPreparation).
    const deferred = DEFERRABLE_TABLES.filter((t) =>
      snapshot.state.prepared?.tables.some((k) => k.name === t && k.rows > 0),
    );
    expect(deferred).toEqual(expect.arrayContaining(['pi_eh_flow', 'pi_eh_wait']));
    expect(kept).toEqual({ ...prepared, deferred });
    expect(await preparedTablesHere(after.engine)).not.toContain('memory.pi_eh_flow');
    await resumePreparation(after.engine, kept as PreparedState);
    // What reads none of them is the same already: every indicator at its first grain (no filter).
    const firstGrain = INDICATORS.filter(
      (i) => !tablesReadAt(i, getFamily(i.family), 'all').some((t) => deferred.includes(t)),
    );
    expect(firstGrain.length).toBe(INDICATORS.length);
    expect(await after.session.putDeferredPreparation(version, count)).toBe(true);
    expect(await after.session.putDeferredPreparation(version, count), 'once').toBe(false);
    expect(await everyIndicator(after.engine, kept as PreparedState)).toEqual(
      await everyIndicator(before.engine, prepared),
    );
    for (const table of snapshot.state.prepared?.tables ?? []) {
      expect(await rowsOf(after.engine, table.name), table.name).toEqual(await rowsOf(before.engine, table.name));
    }
    expect(preparationCount(after.engine), 'no prepared table was built').toBe(count);
    // Other settings, another data version, or a table built since: not the kept preparation.
    expect(after.session.keptPreparation(version, { ...DEFAULT_SETTINGS, ehReReferralDays: 100 }, count)).toBeNull();
    expect(after.session.keptPreparation(version + 1, DEFAULT_SETTINGS, count)).toBeNull();
    await prepareIndicators(after.engine, DEFAULT_SETTINGS, { stage: 'first' });
    expect(after.session.keptPreparation(version, DEFAULT_SETTINGS, preparationCount(after.engine))).toBeNull();
  }, 240_000);

  it('uses none that do not fit, drops them and goes on: another version of the app, odd types, damage', async () => {
    const kept = snapshot.state.prepared;
    if (!kept) throw new Error('no prepared tables kept');
    const flow = kept.tables.find((t) => t.name === 'pi_eh_flow');
    const oddType = kept.tables.map((t) =>
      t === flow ? { ...t, columns: [{ name: 'x', type: 'INTEGER); DROP TABLE schools; --' }] } : t,
    );
    const cases: [string, SessionSnapshot][] = [
      ['another fingerprint', { ...snapshot, state: { ...snapshot.state, prepared: { ...kept, fingerprint: 'x' } } }],
      [
        'a column type that is not one',
        { ...snapshot, state: { ...snapshot.state, prepared: { ...kept, tables: oddType } } },
      ],
      [
        'a table missing (and its part)',
        {
          state: { ...snapshot.state, prepared: { ...kept, tables: kept.tables.filter((t) => t !== flow) } },
          parts: snapshot.parts.filter((p) => p.name !== 'pi_eh_flow'),
        },
      ],
      [
        'a damaged part',
        {
          ...snapshot,
          parts: snapshot.parts.map((p) =>
            p.name === 'pi_eh_flow__agency' ? { ...p, bytes: p.bytes.slice(0, 100) } : p,
          ),
        },
      ],
    ];
    for (const [why, damaged] of cases) {
      const after = await newSession();
      await after.session.restore(structuredClone(damaged));
      const version = after.session.getSnapshot().dataVersion;
      expect(after.session.keptPreparation(version, DEFAULT_SETTINGS, preparationCount(after.engine)), why).toBeNull();
      expect(await preparedTablesHere(after.engine), why).toEqual([]);
      expect(after.session.getSnapshot().rowsInDatabase, why).toBe(before.session.getSnapshot().rowsInDatabase);
      // Built again as after a load: the same figures.
      const again = await prepareIndicators(after.engine);
      expect(await everyIndicator(after.engine, again), why).toEqual(await everyIndicator(before.engine, prepared));
    }
  }, 480_000);

  it('keeps none once tables were built again since; keeps an unchanged preparation without writing it', async () => {
    await prepareIndicators(before.engine, { ...DEFAULT_SETTINGS, ehReReferralDays: 100 }, { stage: 'first' });
    const stale = await before.session.snapshot({ changedOnly: true });
    expect(stale.state.prepared).toBeNull();
    expect(stale.parts.some((p) => PREPARED_TABLES.includes(p.name))).toBe(false);
    await prepareAndNote(before);
    const fresh = await before.session.snapshot({ changedOnly: true });
    const preparedParts = fresh.parts.filter((p) => PREPARED_TABLES.includes(p.name));
    expect(preparedParts.length).toBeGreaterThan(0);
    expect(preparedParts.every((p) => p.bytes !== null)).toBe(true);
    const again = await before.session.snapshot({ changedOnly: true });
    expect(again.state.prepared).toEqual(fresh.state.prepared);
    expect(again.parts.filter((p) => PREPARED_TABLES.includes(p.name)).every((p) => p.bytes === null)).toBe(true);
  }, 240_000);

  it('keeps tables moved to the summary store; clearing the data drops every prepared table, there too', async () => {
    await prepareAndNote(before);
    expect(await compressSummaries(before.engine, { minRows: 1 })).not.toEqual([]);
    const moved = (await preparedTablesHere(before.engine)).filter((t) => t.startsWith(`${SUMMARY_STORE}.`));
    expect(moved.length).toBeGreaterThan(0);
    const kept = await before.session.snapshot();
    const after = await newSession();
    await after.session.restore(structuredClone(kept));
    const version = after.session.getSnapshot().dataVersion;
    expect(await after.session.putDeferredPreparation(version, preparationCount(after.engine))).toBe(true);
    for (const table of kept.state.prepared?.tables ?? []) {
      expect(await rowsOf(after.engine, table.name), table.name).toEqual(await rowsOf(before.engine, table.name));
    }
    await before.session.clearData();
    expect(await preparedTablesHere(before.engine)).toEqual([]);
    expect((await before.session.snapshot()).state.prepared).toBeNull();
  }, 240_000);

  it('uses none when a preparation begun before the restore is still under way', async () => {
    const after = await newSession();
    // A preparation of what the tab held, one of its statements held back in the queue until the
    // restore is done (as background statements wait in the browser's engine queue).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = after.engine.run.bind(after.engine);
    let holding = true;
    after.engine.run = async (sql, ...rest) => {
      if (holding && sql.includes('CREATE OR REPLACE TABLE pi_eh_flow ')) {
        holding = false;
        await held;
      }
      return run(sql, ...rest);
    };
    const stale = prepareIndicators(after.engine);
    expect(preparationCount(after.engine)).toBeNull();
    await after.session.restore(structuredClone(snapshot));
    const version = after.session.getSnapshot().dataVersion;
    release();
    await stale;
    expect(after.session.keptPreparation(version, DEFAULT_SETTINGS, preparationCount(after.engine))).toBeNull();
    expect((await after.session.snapshot()).state.prepared).toBeNull();
  }, 240_000);

  it('a restored preparation noted again by the pages is not written again', async () => {
    const after = await newSession();
    await after.session.restore(structuredClone(snapshot));
    const version = after.session.getSnapshot().dataVersion;
    const kept = after.session.keptPreparation(version, DEFAULT_SETTINGS, preparationCount(after.engine));
    after.session.notePrepared(version, kept as PreparedState, preparationCount(after.engine));
    expect(after.session.getSnapshot().preparationsNoted).toBe(0);
    const next = await after.session.snapshot({ changedOnly: true });
    expect(next.state.prepared?.tables.length).toBe(PREPARED_TABLES.length);
    const preparedParts = next.parts.filter((p) => PREPARED_TABLES.includes(p.name));
    expect(preparedParts.length).toBeGreaterThan(0);
    expect(preparedParts.every((p) => p.bytes === null)).toBe(true);
  }, 240_000);

  it('damaged kept bytes of a prepared table refuse the unlock, as the data’s own would, or are said when put back', async () => {
    const damaged = (name: string) =>
      snapshot.parts.map((part) =>
        part.name === name
          ? {
              name: part.name,
              length: part.bytes.length,
              async *pieces(): AsyncGenerator<Uint8Array> {
                yield part.bytes.slice(0, 1000);
                throw new VaultError(
                  'damaged',
                  `The kept data cannot be opened: part “${name}” chunk 2 has been changed or damaged.`,
                );
              },
            }
          : part,
      );
    const after = await newSession();
    await expect(
      after.session.restore({ state: structuredClone(snapshot.state), parts: damaged('pi_eh_flow__agency') }),
    ).rejects.toThrow(/could not be restored\. .*part “pi_eh_flow__agency” chunk 2 has been changed or damaged/);
    expect(after.session.getSnapshot().rowsInDatabase).toBe(0);
    expect(await preparedTablesHere(after.engine)).toEqual([]);
    // A full summary goes back in after the unlock: its damage is said then, and nothing of it is used.
    const later = await newSession();
    await later.session.restore({ state: structuredClone(snapshot.state), parts: damaged('pi_eh_flow') });
    const version = later.session.getSnapshot().dataVersion;
    const history = later.history.getSnapshot().length;
    expect(await later.session.putDeferredPreparation(version, preparationCount(later.engine))).toBe(false);
    // Said in the history; the caller then works the summaries out again.
    expect(
      later.history
        .getSnapshot()
        .slice(history)
        .map((e) => e.summary),
    ).toEqual([
      expect.stringMatching(
        /^Part of the kept data could not be opened \(.*part “pi_eh_flow” chunk 2 has been changed or damaged.*\): the summaries it held were worked out again from the data$/,
      ),
    ]);
    expect(later.session.keptPreparation(version, DEFAULT_SETTINGS, preparationCount(later.engine))).toBeNull();
    expect(await preparedTablesHere(later.engine)).not.toContain('memory.pi_eh_flow');
  }, 240_000);

  it('before the full summaries are back, a save carries the kept ones over; after a build they are not used', async () => {
    const after = await newSession();
    await after.session.restore(structuredClone(snapshot));
    const version = after.session.getSnapshot().dataVersion;
    const pending = await after.session.snapshot({ changedOnly: true });
    expect(pending.state.prepared?.tables).toEqual(snapshot.state.prepared?.tables);
    const preparedParts = pending.parts.filter((p) => PREPARED_TABLES.includes(p.name));
    expect(preparedParts.map((p) => p.name).sort()).toEqual(
      (snapshot.state.prepared?.tables ?? [])
        .filter((t) => t.rows > 0)
        .map((t) => t.name)
        .sort(),
    );
    expect(preparedParts.every((p) => p.bytes === null)).toBe(true);
    // A save that must be whole cannot carry them: it keeps none rather than some.
    expect((await after.session.snapshot()).state.prepared).toBeNull();
    // Tables built in between (other settings): the full summaries are not put back; the caller builds them.
    await prepareIndicators(after.engine, { ...DEFAULT_SETTINGS, ehReReferralDays: 100 }, { stage: 'first' });
    expect(await after.session.putDeferredPreparation(version, preparationCount(after.engine))).toBe(false);
  }, 240_000);

  it('a save while the full summaries go back in carries the kept ones over, never a table half put back', async () => {
    const after = await newSession();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reached: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const parts = snapshot.parts.map((part) =>
      part.name === 'pi_eh_wait'
        ? {
            name: part.name,
            length: part.bytes.length,
            async *pieces(): AsyncGenerator<Uint8Array> {
              reached();
              await held;
              yield part.bytes;
            },
          }
        : part,
    );
    await after.session.restore({ state: structuredClone(snapshot.state), parts });
    const version = after.session.getSnapshot().dataVersion;
    const putting = after.session.putDeferredPreparation(version, preparationCount(after.engine));
    await waiting;
    const during = await after.session.snapshot({ changedOnly: true });
    expect(during.state.prepared?.tables).toEqual(snapshot.state.prepared?.tables);
    expect(during.parts.filter((p) => PREPARED_TABLES.includes(p.name)).every((p) => p.bytes === null)).toBe(true);
    release();
    expect(await putting).toBe(true);
    const wait = snapshot.state.prepared?.tables.find((t) => t.name === 'pi_eh_wait');
    expect(await rowsOf(after.engine, 'pi_eh_wait')).toHaveLength(wait?.rows ?? -1);
  }, 240_000);
});

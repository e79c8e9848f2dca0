import type { Engine } from '../engine/engine';
import { SUMMARY_STORE } from '../engine/session-settings';
import {
  DEFERRABLE_TABLES,
  dropPreparedTables,
  PREPARED_TABLES,
  type PreparedState,
  parsePreparedState,
  preparationCount,
  preparationFingerprint,
} from '../indicators/prepare-indicators';
import type { IndicatorSettings } from '../indicators/settings';
import { VaultError } from '../vault/vault';
import {
  countRows,
  describeTables,
  importPart,
  type KeptPrepared,
  type KeptTable,
  type RestorePart,
  type SnapshotPart,
  tableBytes,
} from './kept-snapshot';

// The indicators' prepared tables, kept with the data they were built from, so that a return to kept
// data draws its pages without building them again (building them is most of what a return of a large
// file would otherwise wait for: docs/performance.md). They are derived data: kept only when they are certainly those of the data kept beside them (one
// complete preparation of this data version, under these settings, by this version of the app); used
// only when the same holds on the way back; anything that does not fit is dropped and built again. Kept
// bytes that are damaged, though, refuse the unlock as the data's own would (the vault's errors pass on).

interface Noted {
  dataVersion: number;
  state: PreparedState;
  /** preparationCount when the preparation ended: tables read out under another (or none) are not its. */
  count: number;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A column type as DuckDB names it (INTEGER, VARCHAR, DECIMAL(18,3), DATE[], TIMESTAMP WITH TIME ZONE):
 * a type word, nothing after it that could be a collation, a default or a constraint.
 */
const COLUMN_TYPE =
  /^(?:[A-Z][A-Z0-9_]*(?:\(\d+(?:, ?\d+)?\))?|TIMESTAMP WITH TIME ZONE|TIME WITH TIME ZONE)(?:\[\])?$/;

const sameSettings = (a: IndicatorSettings, b: IndicatorSettings) => JSON.stringify(a) === JSON.stringify(b);

/** The full summaries of a restored preparation, put back after the pages have what they draw first. */
interface Deferred {
  tables: KeptTable[];
  parts: RestorePart[];
  /** Being put back (putDeferred): once only. */
  putting?: boolean;
  /** Every kept table of the preparation, as the kept copy lists them (a save carries them over). */
  all: KeptTable[];
}

export class KeptPreparation {
  #noted: Noted | null = null;
  /** The preparation the last snapshot held (its parts are then carried over, unchanged). */
  #saved: Noted | null = null;
  #deferred: Deferred | null = null;

  /**
   * A complete preparation (stage 'later') of `dataVersion` has ended, with the engine's count then (null
   * while another is under way: nothing is noted). Says whether this is news (a snapshot should keep it).
   */
  note(dataVersion: number, state: PreparedState, count: number | null): boolean {
    if (state.stage !== 'later' || count === null) return false;
    // The same preparation again (a restored one, its stages passing through): the one noted stays, so
    // the next snapshot still knows it is the one saved.
    if (this.#noted?.dataVersion === dataVersion && this.#noted.count === count) return false;
    const { deferred: _, ...kept } = state;
    this.#noted = { dataVersion, state: kept, count };
    this.#deferred = null;
    return true;
  }

  /** The data went (cleared, locked, restored over): nothing prepared is kept for it. */
  forget(): void {
    this.#noted = null;
    this.#saved = null;
    this.#deferred = null;
  }

  /**
   * The state restored with the data, when a page asks for this data version under the same settings
   * and nothing has been built since (`count`, the engine's preparation count now): a preparation under
   * other settings in between has replaced the tables.
   */
  resumable(dataVersion: number, settings: IndicatorSettings, count: number | null): PreparedState | null {
    const noted = this.#noted;
    if (!noted || count === null || noted.dataVersion !== dataVersion || noted.count !== count) return null;
    if (!sameSettings(noted.state.settings, settings)) return null;
    const deferred = this.#deferred?.tables.map((t) => t.name);
    return deferred ? { ...noted.state, deferred } : noted.state;
  }

  /**
   * Puts back the full summaries a restore left for later (`restore`), in the background, when the data
   * version and the count are still those of the restore. Returns false when there are none to put
   * back or they no longer fit (the caller builds them); damaged kept bytes throw.
   */
  async putDeferred(engine: Engine, dataVersion: number, count: number | null): Promise<boolean> {
    const deferred = this.#deferred;
    const noted = this.#noted;
    if (!deferred || deferred.putting || !noted || noted.dataVersion !== dataVersion || noted.count !== count) {
      return false;
    }
    // Still listed while they go in: a save meanwhile carries the kept copy's parts over (or keeps none).
    deferred.putting = true;
    const ours = () => preparationCount(engine) === count && this.#noted === noted;
    try {
      for (const table of deferred.tables) {
        // A build begun since (other settings) owns the tables now: nothing more of the kept ones goes in.
        if (!ours()) return this.#abandon(deferred);
        await putBack(engine, [table], deferred.parts, true);
      }
    } catch (error) {
      if (ours()) await dropTables(engine, deferred.tables);
      this.#abandon(deferred);
      if (error instanceof VaultError) throw error;
      return false;
    }
    if (!ours()) return this.#abandon(deferred);
    this.#deferred = null;
    return true;
  }

  /** Not all of the kept preparation is here: nothing of it is kept, or resumed, from now on. */
  #abandon(deferred: Deferred): false {
    if (this.#deferred === deferred) {
      this.#deferred = null;
      this.#noted = null;
      this.#saved = null;
    }
    return false;
  }

  /**
   * The prepared tables to keep with a snapshot of `dataVersion`: null (and no parts) unless the last
   * complete preparation is of that version and nothing was built since. With `changedOnly`, tables the
   * last snapshot already held come with `bytes: null`.
   */
  async snapshot(
    engine: Engine,
    dataVersion: number,
    changedOnly: boolean,
  ): Promise<{ prepared: KeptPrepared | null; parts: SnapshotPart[] }> {
    const noted = this.#noted;
    const none = () => {
      // What this save keeps is none: the next cannot carry anything over from it.
      this.#saved = null;
      return { prepared: null, parts: [] };
    };
    if (!noted || noted.dataVersion !== dataVersion || noted.count !== preparationCount(engine)) return none();
    const deferred = this.#deferred;
    if (deferred) {
      // Some not back yet: the kept copy's own parts stay as they are (or, if it must be written whole, none).
      if (!changedOnly || this.#saved !== noted) return none();
      const prepared = { fingerprint: preparationFingerprint(), state: noted.state, tables: deferred.all };
      return { prepared, parts: deferred.all.filter((t) => t.rows > 0).map((t) => ({ name: t.name, bytes: null })) };
    }
    const tables = await describeTables(engine, PREPARED_TABLES);
    const unchanged = changedOnly && this.#saved === noted;
    const { exportTable } = tableBytes(engine);
    const parts: SnapshotPart[] = [];
    for (const table of tables) {
      if (table.columns.length === 0) return none(); // not built: not a complete preparation
      if (table.rows > 0)
        parts.push({ name: table.name, bytes: unchanged ? null : await exportTable.call(engine, table.name) });
    }
    // Built again while being read out (a settings change, an effect preview): not one preparation.
    if (noted.count !== preparationCount(engine) || this.#noted !== noted) return none();
    // The next snapshot may leave these tables out only if this one was saved: a failed save makes the
    // keeper ask for everything again (changedOnly false).
    this.#saved = noted;
    return { prepared: { fingerprint: preparationFingerprint(), state: noted.state, tables }, parts };
  }

  /**
   * Puts kept prepared tables back, after the data's own tables, for the data version the restore will
   * give (`dataVersion`). Returns whether they were used: when anything does not fit (another version of
   * the app, a table missing or damaged) they are dropped, and the indicators build them again as after
   * a load.
   */
  async restore(
    engine: Engine,
    kept: KeptPrepared | null,
    parts: readonly RestorePart[],
    dataVersion: number,
  ): Promise<boolean> {
    this.forget();
    const state = kept ? usable(kept, parts) : null;
    if (!kept || !state) return false;
    // The full summaries (most of the bytes) go in after the pages drawn first: see putDeferred.
    const later = kept.tables.filter((t) => DEFERRABLE_TABLES.includes(t.name) && t.rows > 0);
    try {
      await dropPreparedTables(engine);
      await putBack(
        engine,
        kept.tables.filter((t) => !later.includes(t)),
        parts,
      );
    } catch (error) {
      await dropPreparedTables(engine);
      if (error instanceof VaultError) throw error; // damaged or replaced: refused like the data's own
      return false;
    }
    // A preparation under way (begun before the restore: its statements may still be queued) could
    // write over them: not used, built again.
    const count = preparationCount(engine);
    if (count === null) {
      await dropPreparedTables(engine);
      return false;
    }
    this.#noted = { dataVersion, state, count };
    this.#saved = this.#noted;
    const laterParts = parts.filter((p) => later.some((t) => t.name === p.name));
    this.#deferred = later.length > 0 ? { tables: later, parts: laterParts, all: kept.tables } : null;
    return true;
  }
}

/** The kept state, when the tables are this app's and complete: built the same way, each with its part. */
function usable(kept: KeptPrepared, parts: readonly RestorePart[]): PreparedState | null {
  const state = parsePreparedState(kept.state);
  if (state?.stage !== 'later' || kept.fingerprint !== preparationFingerprint()) return null;
  const names = kept.tables.map((t) => t.name);
  const complete =
    names.length === PREPARED_TABLES.length &&
    PREPARED_TABLES.every((name) => names.includes(name)) &&
    kept.tables.every(
      (t) =>
        t.columns.length > 0 &&
        t.columns.every((c) => COLUMN_TYPE.test(c.type)) &&
        (t.rows === 0 || parts.some((p) => p.name === t.name)),
    );
  return complete ? state : null;
}

/**
 * Each table created with its declared columns, its rows put in, and its count checked; in the
 * background (queries a user waits for first) when `background`.
 */
async function putBack(
  engine: Engine,
  tables: readonly KeptTable[],
  parts: readonly RestorePart[],
  background = false,
): Promise<void> {
  if (tables.length === 0) return;
  await dropTables(engine, tables);
  const creates = tables.map(
    (table) =>
      `CREATE TABLE main.${table.name} (${table.columns.map((c) => `${quoted(c.name)} ${c.type}`).join(', ')})`,
  );
  await engine.run(creates.join(';\n'), [], { background });
  for (const table of tables) {
    const part = parts.find((p) => p.name === table.name);
    if (part) await importPart(engine, table.name, part, { background });
  }
  const rows = await countRows(
    engine,
    tables.map((t) => t.name),
  );
  if (tables.some((t) => rows.get(t.name) !== t.rows)) throw new Error('The kept prepared tables are incomplete');
}

/** Drops some prepared tables (their names are PREPARED_TABLES', checked by `usable`), wherever they are. */
async function dropTables(engine: Engine, tables: readonly KeptTable[]): Promise<void> {
  const drops = tables.flatMap((t) => [
    `DROP TABLE IF EXISTS main.${t.name}`,
    `DROP TABLE IF EXISTS ${SUMMARY_STORE}.main.${t.name}`,
  ]);
  await engine.run(drops.join(';\n'));
}

import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { dropPreparedTables, type PreparedState } from '../indicators/prepare-indicators';
import type { IndicatorSettings } from '../indicators/settings';
import type { ChosenDateOrder } from '../ingest/date-order';
import type { DuplicatePolicy } from '../ingest/dedupe-stage';
import type { FileHandler } from '../ingest/file-handlers';
import { headerSignature } from '../ingest/header-match';
import type { LoadProgress } from '../ingest/load-file';
import type { IngestSession, NamedBlob } from '../ingest/load-files';
import { type FileReport, type LoadReport, summariseLoad } from '../ingest/load-report';
import { clearLoadedData, loadedTables, newTableColumnOrder } from '../ingest/prepare-database';
import { type SetAside, setTablesAside, tablesOfFile } from '../ingest/set-aside';
import { type RecordChange, recordChanges } from '../ingest/update-stage';
import {
  applyValueMapping,
  applyValueMappings,
  type MappingProfile,
  withDateOrder,
  withMapping,
} from '../ingest/value-mapping';
import { shownFileName } from '../shared/file-name';
import { ChangedTables, type TablesChanged } from './changed-tables';
import { type EffectPreview, headlinesNow, indicatorsReading } from './effect-preview';
import type { HeldFile, HeldFiles } from './held-files';
import { KeptPreparation } from './kept-preparation';
import {
  type ChangedSnapshot,
  checkSnapshot,
  KEPT_FORMAT,
  KeptSnapshotError,
  type RestorePart,
  restoreTables,
  type SessionSnapshot,
  snapshotTables,
} from './kept-snapshot';
import type { LoadHistory } from './load-history';
import type { SavedMappings } from './saved-mappings';
import type { WarmUp } from './warm-up';

/** What the app's pages see of the data: one immutable snapshot, replaced on every change. */
export interface DataState {
  loading: boolean;
  progress: LoadProgress | null;
  lastReport: LoadReport | null;
  /** A message when the load itself could not run (e.g. the database failed to start). */
  loadError: string | null;
  /** Bumps after every change of the data: queries key on it so every chart refreshes. */
  dataVersion: number;
  /** Bumps after each load of new files (not after a mapping or a reload of one file). */
  loadCount: number;
  /** When files were last loaded (ISO date and time), for the footer of printed and exported packs. */
  loadedAt: string | null;
  rowsInDatabase: number;
  /** What the user has taught the app (codes, columns, date orders): kept in this browser. */
  mappings: SavedMappings;
  /** The files this tab held before the page was reloaded (the reload cleared them), until dismissed or a load. */
  clearedByReload: HeldFiles | null;
  /** The ingest session, once the engine is open (the report's "Change" and "Remove" need it). */
  ingestReady: boolean;
  /** A file's removal or replacement, made but not yet confirmed, with its effect on the indicators. */
  effectPreview: EffectPreview | null;
  /** Bumps when a complete preparation of the indicators is noted (notePrepared): kept data keeps it too. */
  preparationsNoted: number;
}

/** The engine and what works on it, opened once. */
export interface OpenedEngine {
  engine: Engine;
  ingest: IngestSession;
  /** Running from the moment the engine opens until the app first needs the engine. */
  warmUp?: WarmUp;
}

/** Where the user's mappings and the tab's list of held files are kept (the browser's storage, or memory). */
export interface SessionStore {
  readMappings(): SavedMappings;
  saveMappings(mappings: SavedMappings): void;
  readHeld(): HeldFiles | null;
  saveHeld(held: HeldFiles): void;
}

export interface DataSessionOptions {
  open(): Promise<OpenedEngine>;
  datasets: readonly DatasetDefinition[];
  /** The other kinds of file the ingest was given (their tables are cleared with the datasets'). */
  handlers?: readonly FileHandler[];
  store: SessionStore;
  /** After every change of the data (e.g. the query cache asks again); awaited before the change ends. */
  afterChange?: () => Promise<void> | void;
  /** Performance marks for the benchmark ('pi-load-start', …); nothing by default. */
  mark?: (name: string) => void;
  now?: () => Date;
  /** Where loads, removals and clearing are recorded (the load history page); nowhere by default. */
  history?: LoadHistory;
}

type Reload = { datasetId?: string; columnMapping?: Record<string, string>; duplicates?: DuplicatePolicy };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The report with one local code no longer listed as unmapped (it has just been mapped). */
function withoutUnmapped(report: LoadReport, datasetId: string, field: string, raw: string): LoadReport {
  return {
    ...report,
    files: report.files.map((file) =>
      file.datasetId === datasetId
        ? { ...file, unmappedCodes: file.unmappedCodes.filter((c) => !(c.field === field && c.value === raw)) }
        : file,
    ),
  };
}

/** The report with one file replaced by the result of loading it again (or by nothing). */
function replaceFile(report: LoadReport | null, fileId: number, files: FileReport[]): LoadReport | null {
  if (!report) return files.length > 0 ? summariseLoad(files) : null;
  const next = report.files.flatMap((f) => (f.fileId === fileId ? files : [f]));
  return next.length > 0 ? summariseLoad(next) : null;
}

/** Rows a file adds to the database: those it loaded, less the earlier versions its updates set aside. */
const netRows = (file: { rowsLoaded: number; rowsUpdated?: number }) => file.rowsLoaded - (file.rowsUpdated ?? 0);

/** A change shown before it is confirmed: the tables as they were, and how to undo the rest. */
interface Pending {
  aside: SetAside;
  /** How many fewer rows the database holds once the file's rows are removed. */
  fewer: number;
  /** Puts the ingest's memory of files back as it was. */
  undo: () => void;
}

/** The files of a report that put rows in the database. */
const heldOf = (files: readonly FileReport[]): HeldFile[] =>
  files.filter((f) => f.rowsLoaded > 0).map((f) => ({ fileId: f.fileId, name: f.fileName, rows: f.rowsLoaded }));

const rowWords = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'row' : 'rows'}`;

/** What a file's load put in the data, in plain words, for the load history. */
function loadedWords(file: FileReport, datasets: readonly DatasetDefinition[]): string {
  const name = `“${shownFileName(file.fileName)}”`;
  if (file.rowsLoaded === 0) return `${name}: nothing loaded from it${file.message ? ` (${file.message})` : ''}`;
  const dataset = datasets.find((d) => d.id === file.datasetId)?.title ?? 'data';
  const rejected = file.rowsRejected > 0 ? `, ${rowWords(file.rowsRejected)} rejected` : '';
  return `${name} as ${dataset}: ${rowWords(file.rowsLoaded)} of ${file.rowsRead.toLocaleString('en-GB')} read${rejected}`;
}

/**
 * The loaded data of one page, without React: loading, loading again with the user's choices, mapping
 * codes, removing and clearing, the warm-up's hand-over and the data version. Pages read it through
 * `subscribe`/`getSnapshot` (useSyncExternalStore); tests drive it in Node on a real engine.
 */
export class DataSession {
  #state: DataState;
  readonly #listeners = new Set<() => void>();
  readonly #options: DataSessionOptions;
  #opened: Promise<OpenedEngine> | null = null;
  #ingest: IngestSession | null = null;
  #held: HeldFile[] = [];
  /** The files of the report that came back from kept data: their rows are here, their bytes are not. */
  #keptFileIds = new Set<number>();
  /** Which kept tables changed since the last snapshot. */
  readonly #tables: ChangedTables;
  /** The indicators' prepared tables, kept with the data when they are certainly of it. */
  readonly #preparation = new KeptPreparation();
  #pending: Pending | null = null;
  #working: Promise<void> | null = null;

  constructor(options: DataSessionOptions) {
    this.#options = options;
    this.#tables = new ChangedTables(options.datasets, options.handlers);
    this.#state = {
      loading: false,
      progress: null,
      lastReport: null,
      loadError: null,
      dataVersion: 0,
      loadCount: 0,
      loadedAt: null,
      rowsInDatabase: 0,
      mappings: options.store.readMappings(),
      // What a reload cleared: read once, as the page starts (the database starts empty).
      clearedByReload: options.store.readHeld(),
      ingestReady: false,
      effectPreview: null,
      preparationsNoted: 0,
    };
  }

  readonly getSnapshot = (): DataState => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #set(patch: Partial<DataState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  /** Opens the engine (once) without stopping its warm-up: as soon as the page is up. */
  start(): Promise<OpenedEngine> {
    if (!this.#opened) {
      const opening = this.#options.open();
      this.#opened = opening;
      opening.then(
        (opened) => {
          this.#ingest = opened.ingest;
          this.#set({ ingestReady: true });
          this.#options.mark?.('pi-engine-ready');
          void opened.warmUp?.finished.then((whole) => {
            if (whole) this.#options.mark?.('pi-engine-warm');
          });
        },
        (error: unknown) => {
          this.#opened = null;
          this.#set({ loadError: `The in-browser database could not start: ${message(error)}` });
        },
      );
    }
    return this.#opened;
  }

  /** The engine for the app's own work: the warm-up is stopped and cleared away first. */
  async #ready(): Promise<OpenedEngine> {
    const opened = await this.start();
    await opened.warmUp?.stop();
    return opened;
  }

  readonly getEngine = async (): Promise<Engine> => (await this.#ready()).engine;

  /**
   * Every chart and table asks again; `tables` are those the change touched (all, unless it says);
   * `patch` goes with the new data version.
   */
  async #changed(tables: TablesChanged = 'all', patch: Partial<DataState> = {}): Promise<void> {
    this.#tables.note(tables);
    this.#set({ ...patch, dataVersion: this.#state.dataVersion + 1 });
    await this.#options.afterChange?.();
  }

  /** Changes what the tab holds, and remembers it for the note after a reload. */
  #hold(change: (files: HeldFile[]) => HeldFile[], loadedAt: string | null): void {
    this.#held = change(this.#held);
    this.#options.store.saveHeld({ files: this.#held, loadedAt });
  }

  #remember(mappings: SavedMappings): void {
    this.#set({ mappings });
    this.#options.store.saveMappings(mappings);
  }

  /** Starts again from these mappings, which are not saved (the kept ones were just set aside). */
  forgetMappings(mappings: SavedMappings): void {
    this.#set({ mappings });
  }

  async loadFiles(files: readonly NamedBlob[]): Promise<void> {
    if (files.length === 0) return;
    await this.cancelPreview();
    this.#options.mark?.('pi-load-start');
    this.#set({ loading: true, loadError: null });
    try {
      const { ingest } = await this.#ready();
      const report = await ingest.loadFiles(files, this.#throttledProgress(), this.#state.mappings);
      this.#options.mark?.('pi-load-end');
      const now = (this.#options.now?.() ?? new Date()).toISOString();
      this.#hold((held) => [...held, ...heldOf(report.files)], now);
      this.#set({
        lastReport: report,
        loadCount: this.#state.loadCount + 1,
        loadedAt: now,
        rowsInDatabase: this.#state.rowsInDatabase + netRows(report),
        clearedByReload: null,
      });
      for (const file of report.files)
        this.#options.history?.record({
          action: 'load',
          summary: `${file.rowsLoaded > 0 ? 'Loaded' : 'Read'} ${loadedWords(file, this.#options.datasets)}`,
          file: file.fileName,
          rows: file.rowsLoaded,
        });
      await this.#changed(this.#tables.ofFiles(report.files));
    } catch (error) {
      this.#tables.note('all'); // a load that failed may have written part of a file
      this.#set({
        loadError: `The files could not be loaded: ${message(error)}. Reload the page and try again.`,
      });
    } finally {
      this.#set({ loading: false, progress: null });
    }
  }

  /** Passes progress on at most every 2% of a file, so a big load stays smooth. */
  #throttledProgress(): (p: LoadProgress) => void {
    let lastShown = 0;
    return (p) => {
      const fraction = p.fraction ?? -1;
      if (p.phase !== 'reading' || fraction - lastShown >= 0.02 || fraction === 1 || fraction === 0) {
        lastShown = fraction;
        this.#set({ progress: p });
      }
    };
  }

  /** Loads one file of the report again with the user's choice, and puts the result in its place. */
  async #reload(file: FileReport, choice: Reload, mappings: SavedMappings): Promise<void> {
    await this.cancelPreview();
    const { ingest } = await this.#ready();
    this.#set({ loading: true, loadError: null });
    try {
      const report = await ingest.reloadFile(file, choice, mappings);
      this.#hold(
        (held) => [...held.filter((f) => f.fileId !== file.fileId), ...heldOf(report.files)],
        this.#state.loadedAt,
      );
      const replaced = report.files.reduce((sum, f) => sum + (f.duplicates?.replaced ?? 0), 0);
      this.#set({
        lastReport: replaceFile(this.#state.lastReport, file.fileId, report.files),
        rowsInDatabase: this.#state.rowsInDatabase - netRows(file) + netRows(report) - replaced,
      });
      for (const again of report.files)
        this.#options.history?.record({
          action: 'replace',
          summary: `Loaded again with your choices (${rowWords(file.rowsLoaded)} before): ${loadedWords(again, this.#options.datasets)}${replaced > 0 ? `; ${rowWords(replaced)} loaded earlier replaced by this file’s` : ''}`,
          file: again.fileName,
          rows: again.rowsLoaded,
        });
      await this.#changed(this.#tables.ofFiles([file, ...report.files]));
    } catch (error) {
      this.#tables.note('all');
      this.#set({ loadError: `“${shownFileName(file.fileName)}” could not be loaded again: ${message(error)}` });
    } finally {
      this.#set({ loading: false });
    }
  }

  /** Loads a file of the report again as the given dataset, with the columns the user chose. */
  async mapColumns(file: FileReport, datasetId: string, columns: Record<string, string>): Promise<void> {
    const mappings = this.#state.mappings;
    const next = {
      ...mappings,
      columns: { ...mappings.columns, [headerSignature(file.header)]: { datasetId, columns } },
    };
    this.#remember(next);
    await this.#reload(file, { datasetId, columnMapping: columns }, next);
  }

  /** Says how a date column of a file is written (remembered for its header) and loads the file again. */
  async setDateOrder(file: FileReport, field: string, order: ChosenDateOrder): Promise<void> {
    const mappings = this.#state.mappings;
    const next = { ...mappings, dates: withDateOrder(mappings.dates, headerSignature(file.header), field, order) };
    this.#remember(next);
    await this.#reload(file, {}, next);
  }

  /** Loads a file again treating records already loaded as the user says: skip, replace, or keep both. */
  async setDuplicatePolicy(file: FileReport, policy: DuplicatePolicy): Promise<void> {
    // A file loaded with a column mapping keeps it: the saved mapping for its header applies again.
    await this.#reload(file, { duplicates: policy }, this.#state.mappings);
  }

  /** Maps one local code, for the rows loaded so far and every later file. */
  async mapValue(datasetId: string, field: string, raw: string, value: string): Promise<void> {
    const dataset = this.#options.datasets.find((d) => d.id === datasetId);
    if (!dataset) return;
    const { engine } = await this.#ready();
    this.#tables.note([datasetId]);
    await applyValueMapping(engine, dataset, field, raw, value);
    const mappings = this.#state.mappings;
    this.#remember({ ...mappings, values: withMapping(mappings.values, datasetId, field, raw, value) });
    const report = this.#state.lastReport;
    this.#set({ lastReport: report && withoutUnmapped(report, datasetId, field, raw) });
    await this.#changed([datasetId]);
  }

  /** Adds a mapping profile's mappings (from a file a colleague shared) and applies them. */
  async importMappings(profile: Pick<MappingProfile, 'values' | 'columns' | 'dateOrders'>): Promise<void> {
    const { engine } = await this.#ready();
    const mappings = this.#state.mappings;
    let values = mappings.values;
    let report = this.#state.lastReport;
    for (const [datasetId, fields] of Object.entries(profile.values)) {
      const dataset = this.#options.datasets.find((d) => d.id === datasetId);
      if (!dataset) continue;
      this.#tables.note([datasetId]);
      for (const [field, pairs] of Object.entries(fields)) {
        const entries = Object.entries(pairs);
        await applyValueMappings(engine, dataset, field, entries);
        for (const [raw, value] of entries) {
          values = withMapping(values, datasetId, field, raw, value);
          report = report && withoutUnmapped(report, datasetId, field, raw);
        }
      }
    }
    this.#remember({
      values,
      columns: { ...mappings.columns, ...profile.columns },
      dates: { ...mappings.dates, ...profile.dateOrders },
    });
    this.#set({ lastReport: report });
    await this.#changed(Object.keys(profile.values).filter((id) => this.#options.datasets.some((d) => d.id === id)));
  }

  /**
   * Whether a file of the report came back from kept data: it cannot be changed or loaded again (see
   * KEPT_FILE_NOTE), as only its rows were kept, never the file.
   */
  readonly isKeptFile = (file: FileReport): boolean => this.#keptFileIds.has(file.fileId);

  /** Whether a file of the report can be loaded again (its bytes are still at hand). */
  readonly canRemap = (file: FileReport): boolean => this.#ingest?.canReload(file) === true;

  /** Forgets one file's (or sheet's) rows and rejections, and takes it off the load report. */
  async removeFile(file: FileReport): Promise<void> {
    await this.cancelPreview();
    const { ingest } = await this.#ready();
    const tables = this.#tables.ofFiles([file]);
    this.#tables.note(tables);
    this.#removed(file, [], await ingest.removeFile(file));
    this.#recordRemoval(file);
    await this.#changed(tables);
  }

  #recordReplacement(file: FileReport, files: readonly FileReport[]): void {
    this.#keptFileIds.delete(file.fileId);
    for (const next of files)
      this.#options.history?.record({
        action: 'replace',
        summary: `Replaced “${shownFileName(file.fileName)}” (${rowWords(file.rowsLoaded)}) with a new version: ${loadedWords(next, this.#options.datasets)}`,
        file: next.fileName,
        rows: next.rowsLoaded,
      });
  }

  #recordRemoval(file: FileReport): void {
    this.#keptFileIds.delete(file.fileId);
    this.#options.history?.record({
      action: 'remove',
      summary: `Removed “${shownFileName(file.fileName)}”: its ${rowWords(file.rowsLoaded)} and rejections taken out of the data`,
      file: file.fileName,
      rows: file.rowsLoaded,
    });
  }

  /**
   * The report, the tab's files and the row count once a file is removed (`fewer` rows in the database),
   * or replaced by `files`.
   */
  #removed(file: FileReport, files: FileReport[], fewer: number): void {
    this.#hold((held) => [...held.filter((f) => f.fileId !== file.fileId), ...heldOf(files)], this.#state.loadedAt);
    const added = files.reduce((sum, f) => sum + netRows(f), 0);
    this.#set({
      lastReport: replaceFile(this.#state.lastReport, file.fileId, files),
      rowsInDatabase: Math.max(0, this.#state.rowsInDatabase - fewer + added),
    });
  }

  /** Every value a file changed in records loaded before it (for the download: all of them). */
  async recordChanges(file: FileReport): Promise<RecordChange[]> {
    const { engine } = await this.#ready();
    return recordChanges(engine, file.fileId);
  }

  /**
   * Removes a file's records for now, and works out each indicator's headline before and after: kept
   * with `confirmPreview`, undone with `cancelPreview`.
   */
  async previewRemoval(file: FileReport, settings: IndicatorSettings): Promise<void> {
    await this.#preview({ kind: 'remove', file, replacement: null }, settings, async (ingest, pending) => {
      pending.fewer = await ingest.removeRows(file);
      pending.undo = ingest.forgetFile(file);
    });
  }

  /**
   * Loads a new version of a file (as the same dataset) in place of the old one for now, and works out
   * each indicator's headline before and after: kept with `confirmPreview`, undone with `cancelPreview`.
   */
  async previewReplacement(file: FileReport, next: NamedBlob, settings: IndicatorSettings): Promise<void> {
    const replacement = { name: next.name, report: null };
    await this.#preview({ kind: 'replace', file, replacement }, settings, async (ingest, pending) => {
      pending.fewer = await ingest.removeRows(file);
      const putBack = ingest.forgetFile(file);
      pending.undo = putBack;
      const datasetId = file.datasetId ?? undefined;
      const report = await ingest.loadFiles([{ ...next, datasetId }], undefined, this.#state.mappings);
      pending.undo = () => {
        for (const f of report.files) ingest.forgetFile(f);
        putBack();
      };
      const preview = this.#state.effectPreview;
      if (preview) this.#set({ effectPreview: { ...preview, replacement: { name: next.name, report } } });
    });
  }

  async #preview(
    what: Pick<EffectPreview, 'kind' | 'file' | 'replacement'>,
    settings: IndicatorSettings,
    apply: (ingest: IngestSession, pending: Pending) => Promise<void>,
  ): Promise<void> {
    await this.cancelPreview();
    this.#set({ effectPreview: { ...what, state: 'working', effects: [], message: null } });
    const working = this.#work(what, settings, apply);
    // Cancelling (or another change) waits for the change to be made before undoing it.
    this.#working = working;
    await working;
    if (this.#working === working) this.#working = null;
  }

  async #work(
    what: Pick<EffectPreview, 'kind' | 'file' | 'replacement'>,
    settings: IndicatorSettings,
    apply: (ingest: IngestSession, pending: Pending) => Promise<void>,
  ): Promise<void> {
    try {
      const { engine, ingest } = await this.#ready();
      const dataset = this.#options.datasets.find((d) => d.id === what.file.datasetId);
      const indicators = indicatorsReading(dataset);
      const before = await headlinesNow(engine, settings, indicators);
      const aside = await setTablesAside(engine, tablesOfFile(dataset));
      const pending: Pending = { aside, fewer: 0, undo: () => undefined };
      this.#pending = pending;
      await apply(ingest, pending);
      const after = await headlinesNow(engine, settings, indicators);
      const effects = indicators.map((indicator, i) => ({
        indicator,
        before: before[i] ?? null,
        after: after[i] ?? null,
      }));
      const preview = this.#state.effectPreview ?? { ...what, message: null };
      this.#set({ effectPreview: { ...preview, state: 'ready', effects } });
    } catch (error) {
      await this.#undo();
      const failed = `The effect could not be worked out: ${message(error)}.`;
      this.#set({ effectPreview: { ...what, state: 'failed', effects: [], message: failed } });
    }
  }

  /** Keeps the removal or replacement shown. */
  async confirmPreview(): Promise<void> {
    const preview = this.#state.effectPreview;
    const pending = this.#pending;
    if (!preview || !pending || preview.state !== 'ready') return;
    this.#pending = null;
    await pending.aside.release();
    const files = preview.replacement?.report?.files ?? [];
    this.#removed(preview.file, files, pending.fewer);
    if (preview.kind === 'remove') this.#recordRemoval(preview.file);
    else this.#recordReplacement(preview.file, files);
    // The panel goes as the pages are told to ask again, so none shows a figure from before.
    await this.#changed('all', { effectPreview: null });
  }

  /** Undoes the removal or replacement shown: the tables and the files known go back exactly as they were. */
  async cancelPreview(): Promise<void> {
    await this.#working?.catch(() => undefined);
    await this.#undo({ effectPreview: null });
    if (this.#state.effectPreview) this.#set({ effectPreview: null });
  }

  /** Puts back what a preview changed; `patch` goes with the new data version. */
  async #undo(patch: Partial<DataState> = {}): Promise<void> {
    const pending = this.#pending;
    this.#pending = null;
    if (!pending) return;
    await pending.aside.restore();
    pending.undo();
    // The summaries were prepared from the changed data: every page prepares them again.
    await this.#changed('all', patch);
  }

  /** Forgets every loaded row and rejection (nothing is stored anywhere else). */
  async clearData({ quietly = false }: { quietly?: boolean } = {}): Promise<void> {
    await this.cancelPreview();
    const { engine, ingest } = await this.#ready();
    const { rowsInDatabase } = this.#state;
    await this.#forgetLoaded(engine, ingest);
    // Locking kept data also takes the rows out of the tab: the history says "locked", not "cleared".
    if (!quietly) {
      this.#options.history?.record({
        action: 'clear',
        summary: `Cleared all loaded data: ${rowWords(rowsInDatabase)} taken out`,
        rows: rowsInDatabase,
      });
    }
    await this.#changed();
  }

  /**
   * Everything loaded, to keep on this computer: each loaded table's rows as a part, and what the session
   * knows of them (the load report, counts, the files' fingerprints and ids) as a JSON-able state. With
   * `changedOnly`, a table unchanged since the last snapshot (or since a restore) is listed with
   * `bytes: null`: the kept copy already holds it.
   */
  snapshot(): Promise<SessionSnapshot>;
  snapshot(options: { changedOnly: boolean }): Promise<ChangedSnapshot>;
  async snapshot(options: { changedOnly?: boolean } = {}): Promise<ChangedSnapshot> {
    if (this.#state.loading) throw new Error('Files are still loading: keep the data once they are loaded.');
    const { engine, ingest } = await this.#ready();
    // Taken before the tables are read, so a change while they are read counts for the next snapshot.
    const changed = this.#tables.take();
    try {
      return await this.#snapshot(engine, ingest, options.changedOnly ? changed : undefined);
    } catch (error) {
      this.#tables.note('all');
      throw error;
    }
  }

  async #snapshot(engine: Engine, ingest: IngestSession, changed?: ReadonlySet<string>): Promise<ChangedSnapshot> {
    const names = this.#loadedTables();
    const order = newTableColumnOrder(this.#options.datasets);
    const { tables, parts } = changed
      ? await snapshotTables(engine, names, order, changed)
      : await snapshotTables(engine, names, order);
    const s = this.#state;
    const kept = await this.#preparation.snapshot(engine, s.dataVersion, changed !== undefined);
    const now = (this.#options.now?.() ?? new Date()).toISOString();
    return {
      state: {
        format: KEPT_FORMAT,
        takenAt: now,
        lastReport: s.lastReport,
        loadCount: s.loadCount,
        loadedAt: s.loadedAt,
        rowsInDatabase: s.rowsInDatabase,
        held: this.#held,
        files: ingest.keptFiles(),
        tables,
        prepared: kept.prepared,
      },
      parts: [...parts, ...kept.parts],
    };
  }

  /**
   * Puts a snapshot back in place of what is loaded: every chart asks again and the indicators are built
   * again. A snapshot that cannot be read is refused before anything changes; one that fails part-way
   * leaves nothing loaded rather than part of it. Either way the error says why.
   */
  async restore(snapshot: { state: unknown; parts: readonly RestorePart[] }): Promise<void> {
    if (this.#state.loading) throw new Error('Files are still loading: restore the kept data once they are loaded.');
    const { engine, ingest } = await this.#ready();
    this.#options.mark?.('pi-restore-ready');
    const state = await checkSnapshot(engine, snapshot, this.#loadedTables());
    this.#set({ loading: true, loadError: null });
    try {
      await this.#forgetLoaded(engine, ingest);
      this.#options.mark?.('pi-restore-checked');
      await restoreTables(engine, state, snapshot.parts);
      this.#options.mark?.('pi-restore-tables');
      // For the data version the restore ends with (#changed below): the pages find them prepared.
      await this.#preparation.restore(engine, state.prepared, snapshot.parts, this.#state.dataVersion + 1);
      this.#options.mark?.('pi-restore-prepared');
      ingest.restoreKeptFiles(state.files);
      this.#keptFileIds = new Set(state.lastReport?.files.map((f) => f.fileId));
      this.#hold(() => state.held, state.loadedAt);
      this.#set({
        lastReport: state.lastReport,
        loadCount: state.loadCount,
        loadedAt: state.loadedAt,
        rowsInDatabase: state.rowsInDatabase,
        clearedByReload: null,
      });
      this.#tables.noteNone(); // what is loaded now is what the kept copy holds
    } catch (error) {
      await this.#forgetLoaded(engine, ingest);
      const why = error instanceof KeptSnapshotError ? error.message : message(error);
      throw new KeptSnapshotError(`The kept data could not be restored. ${why} Nothing of it was loaded.`);
    } finally {
      this.#set({ loading: false });
      await this.#changed([]);
    }
  }

  /**
   * Every prepared table of the data version `dataVersion` has been built (stage 'later'), and the
   * engine's preparation count was then `count`: a snapshot of that version keeps them too.
   */
  notePrepared(dataVersion: number, state: PreparedState, count: number | null): void {
    if (dataVersion !== this.#state.dataVersion) return;
    if (this.#preparation.note(dataVersion, state, count)) {
      this.#set({ preparationsNoted: this.#state.preparationsNoted + 1 });
    }
  }

  /**
   * The prepared state that came back with kept data, for this data version and these settings, when no
   * table was built since (`count`: the engine's preparationCount now); else null.
   */
  keptPreparation(dataVersion: number, settings: IndicatorSettings, count: number | null): PreparedState | null {
    return this.#preparation.resumable(dataVersion, settings, count);
  }

  /**
   * Puts back the full summaries a restore of kept data left for later (in the background); false when
   * there are none or they no longer fit this data version and count (the caller then builds them).
   */
  async putDeferredPreparation(dataVersion: number, count: number | null): Promise<boolean> {
    const { engine } = await this.#ready();
    try {
      return await this.#preparation.putDeferred(engine, dataVersion, count);
    } catch (error) {
      // Damaged kept bytes of derived tables: said in the history (the evidence a scrutineer reads), and
      // the tables are worked out again from the data, which opened whole.
      this.#options.history?.record({
        action: 'restore',
        summary: `Part of the kept data could not be opened (${message(error)}): the summaries it held were worked out again from the data`,
      });
      return false;
    }
  }

  #loadedTables(): string[] {
    return loadedTables(this.#options.datasets, this.#options.handlers);
  }

  async #forgetLoaded(engine: Engine, ingest: IngestSession): Promise<void> {
    this.#tables.note('all');
    await clearLoadedData(engine, this.#options.datasets, this.#options.handlers);
    // What the indicators built from the rows goes with them (a child's episodes are in some).
    this.#preparation.forget();
    await dropPreparedTables(engine);
    ingest.forgetLoadedFiles();
    this.#keptFileIds = new Set();
    this.#hold(() => [], null);
    this.#set({ lastReport: null, rowsInDatabase: 0, loadedAt: null });
  }

  dismissClearedByReload(): void {
    this.#set({ clearedByReload: null });
    // Forgotten for good, unless files have been loaded since (they are what the tab holds now).
    if (this.#held.length === 0) this.#options.store.saveHeld({ files: [], loadedAt: null });
  }
}

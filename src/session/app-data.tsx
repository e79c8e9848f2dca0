import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { clearPublished } from '../benchmarks/published-store';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import type { ChosenDateOrder, DateOrders } from '../ingest/date-order';
import type { DuplicatePolicy } from '../ingest/dedupe-stage';
import { headerSignature } from '../ingest/header-match';
import type { LoadProgress } from '../ingest/load-file';
import { createIngestSession, type IngestSession, type NamedBlob } from '../ingest/load-files';
import { type FileReport, type LoadReport, summariseLoad } from '../ingest/load-report';
import { prepareDatabase } from '../ingest/prepare-database';
import {
  applyValueMapping,
  applyValueMappings,
  type ColumnMappings,
  type MappingProfile,
  type ValueMappings,
  withDateOrder,
  withMapping,
} from '../ingest/value-mapping';
import { FILE_HANDLERS } from './file-handlers';
import { type HeldFile, type HeldFiles, readHeldFiles, saveHeldFiles } from './held-files';
import { sampleFiles } from './sample-files';
import { readSavedMappings, type SavedMappings, saveMappings } from './saved-mappings';
import { startWarmUp, type WarmUp } from './warm-up';

interface Started {
  engine: Engine;
  session: IngestSession;
  /** Running from the moment the engine opens until the app first needs the engine. */
  warmUp: WarmUp;
}

export interface AppData {
  /** Starts (once) and returns the in-browser database. */
  getEngine(): Promise<Engine>;
  loadFiles(files: readonly NamedBlob[]): Promise<void>;
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
  /** Forgets every loaded row and rejection (nothing is stored anywhere else). */
  clearData(): Promise<void>;
  /** Forgets one file's (or sheet's) rows and rejections, and takes it off the load report. */
  removeFile(file: FileReport): Promise<void>;
  /** Local codes mapped to canonical values: saved in this browser, applied to every load. */
  valueMappings: ValueMappings;
  /** Maps one local code, for the rows loaded so far and every later file. */
  mapValue(datasetId: string, field: string, raw: string, value: string): Promise<void>;
  /** Adds a mapping profile's mappings (from a file a colleague shared) and applies them. */
  importMappings(profile: Pick<MappingProfile, 'values' | 'columns' | 'dateOrders'>): Promise<void>;
  /** Column mappings chosen for files, by header: reused for the next file with the same header. */
  columnMappings: ColumnMappings;
  /** Loads a file of the report again as the given dataset, with the columns the user chose. */
  mapColumns(file: FileReport, datasetId: string, columns: Record<string, string>): Promise<void>;
  /** Date columns said to be day/month or month/day, by file header. */
  dateOrders: DateOrders;
  /** Says how a date column of a file is written (remembered for its header) and loads the file again. */
  setDateOrder(file: FileReport, field: string, order: ChosenDateOrder): Promise<void>;
  /** Loads a file again treating records already loaded as the user says: skip, replace, or keep both. */
  setDuplicatePolicy(file: FileReport, policy: DuplicatePolicy): Promise<void>;
  /** Whether a file of the report can be loaded again (its bytes are still at hand). */
  canRemap(file: FileReport): boolean;
  /** The files this tab held before the page was reloaded (the reload cleared them), until dismissed or a load. */
  clearedByReload: HeldFiles | null;
  dismissClearedByReload(): void;
}

const AppDataContext = createContext<AppData | null>(null);

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

async function start(): Promise<Started> {
  const { getBrowserEngine } = await import('../engine/browser-engine');
  const engine = await getBrowserEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);

  const readWorkbook = async (
    ...args: Parameters<typeof import('../ingest/workbook/workbook-client').readWorkbookInWorker>
  ) => (await import('../ingest/workbook/workbook-client')).readWorkbookInWorker(...args);
  const { scanRecordsInWorker: scanRecords } = await import('../ingest/scan-client');
  return {
    engine,
    session: createIngestSession(engine, DATASETS, { readWorkbook, scanRecords, handlers: FILE_HANDLERS }),
    // The warm-up scans its files with the app's scanner, so the scan worker is started and warm too.
    warmUp: startWarmUp(engine, () => sampleFiles(), { scanRecords }),
  };
}

/** The files of a report that put rows in the database. */
const heldOf = (files: readonly FileReport[]): HeldFile[] =>
  files.filter((f) => f.rowsLoaded > 0).map((f) => ({ fileId: f.fileId, name: f.fileName, rows: f.rowsLoaded }));

/** Asks before the tab is closed or reloaded while data is loaded: it lives only in this tab. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}

export function AppDataProvider({ children }: { children: ReactNode }) {
  const started = useRef<Promise<Started> | null>(null);
  const [loading, setLoading] = useState(false);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [lastReport, setLastReport] = useState<LoadReport | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [loadCount, setLoadCount] = useState(0);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [rowsInDatabase, setRowsInDatabase] = useState(0);
  const [mappings, setMappings] = useState<SavedMappings>(readSavedMappings);
  const [session, setSession] = useState<IngestSession | null>(null);
  const queryClient = useQueryClient();
  useLeaveWarning(rowsInDatabase > 0);
  // What a reload cleared: read once, as the page starts (the database starts empty).
  const [clearedByReload, setClearedByReload] = useState<HeldFiles | null>(readHeldFiles);
  const held = useRef<HeldFile[]>([]);
  /** Changes what the tab holds, and remembers it for the note after a reload. */
  const hold = useCallback((change: (files: HeldFile[]) => HeldFile[], loadedAt: string | null) => {
    held.current = change(held.current);
    saveHeldFiles({ files: held.current, loadedAt });
  }, []);

  /** The engine, opened once (and warming up until first needed). */
  const open = useCallback(() => {
    if (!started.current) {
      started.current = start();
      started.current.catch(() => {
        started.current = null;
      });
    }
    return started.current;
  }, []);

  /** The engine for the app's own work: the warm-up is stopped and cleared away first. */
  const ensureStarted = useCallback(async () => {
    const ready = await open();
    await ready.warmUp.stop();
    return ready;
  }, [open]);

  // Start the database as soon as the page is up, so it is ready (and warm) by the time a file is chosen.
  useEffect(() => {
    open()
      .then((ready) => {
        setSession(ready.session);
        performance.mark('pi-engine-ready');
        void ready.warmUp.finished.then((whole) => {
          if (whole) performance.mark('pi-engine-warm');
        });
      })
      .catch((error: unknown) => {
        setLoadError(
          `The in-browser database could not start: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  }, [open]);

  /** Every chart and table asks again. */
  const refresh = useCallback(async () => {
    setDataVersion((v) => v + 1);
    await queryClient.invalidateQueries();
  }, [queryClient]);

  const remember = useCallback((next: SavedMappings) => {
    setMappings(next);
    saveMappings(next);
  }, []);

  const loadFiles = useCallback(
    async (files: readonly NamedBlob[]) => {
      if (files.length === 0) return;
      performance.mark('pi-load-start');
      setLoading(true);
      setLoadError(null);
      let lastShown = 0;
      try {
        const { session } = await ensureStarted();
        const report = await session.loadFiles(
          files,
          (p) => {
            // Re-render at most every 2% of a file so a big load stays smooth.
            const fraction = p.fraction ?? -1;
            if (p.phase !== 'reading' || fraction - lastShown >= 0.02 || fraction === 1 || fraction === 0) {
              lastShown = fraction;
              setProgress(p);
            }
          },
          mappings,
        );
        performance.mark('pi-load-end');
        setLastReport(report);
        setLoadCount((n) => n + 1);
        const now = new Date().toISOString();
        setLoadedAt(now);
        setRowsInDatabase((n) => n + report.rowsLoaded);
        hold((files) => [...files, ...heldOf(report.files)], now);
        setClearedByReload(null);
        await refresh();
      } catch (error) {
        setLoadError(
          `The files could not be loaded: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`,
        );
      } finally {
        setLoading(false);
        setProgress(null);
      }
    },
    [ensureStarted, refresh, mappings, hold],
  );

  /** Loads one file of the report again with the user's choice, and puts the result in its place. */
  const reload = useCallback(
    async (
      file: FileReport,
      choice: { datasetId?: string; columnMapping?: Record<string, string>; duplicates?: DuplicatePolicy },
      next: SavedMappings,
    ) => {
      const { session } = await ensureStarted();
      setLoading(true);
      setLoadError(null);
      try {
        const report = await session.reloadFile(file, choice, next);
        setLastReport((previous) => replaceFile(previous, file.fileId, report.files));
        hold((files) => [...files.filter((f) => f.fileId !== file.fileId), ...heldOf(report.files)], loadedAt);
        const replaced = report.files.reduce((sum, f) => sum + (f.duplicates?.replaced ?? 0), 0);
        setRowsInDatabase((n) => n - file.rowsLoaded + report.rowsLoaded - replaced);
        await refresh();
      } catch (error) {
        setLoadError(
          `“${file.fileName}” could not be loaded again: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        setLoading(false);
      }
    },
    [ensureStarted, refresh, hold, loadedAt],
  );

  const mapColumns = useCallback(
    async (file: FileReport, datasetId: string, columns: Record<string, string>) => {
      const next = {
        ...mappings,
        columns: { ...mappings.columns, [headerSignature(file.header)]: { datasetId, columns } },
      };
      remember(next);
      await reload(file, { datasetId, columnMapping: columns }, next);
    },
    [mappings, remember, reload],
  );

  const setDateOrder = useCallback(
    async (file: FileReport, field: string, order: ChosenDateOrder) => {
      const next = { ...mappings, dates: withDateOrder(mappings.dates, headerSignature(file.header), field, order) };
      remember(next);
      await reload(file, {}, next);
    },
    [mappings, remember, reload],
  );

  const setDuplicatePolicy = useCallback(
    async (file: FileReport, policy: DuplicatePolicy) => {
      // A file loaded with a column mapping keeps it: the saved mapping for its header applies again.
      await reload(file, { duplicates: policy }, mappings);
    },
    [mappings, reload],
  );

  const mapValue = useCallback(
    async (datasetId: string, field: string, raw: string, value: string) => {
      const dataset = DATASETS.find((d) => d.id === datasetId);
      if (!dataset) return;
      const { engine } = await ensureStarted();
      await applyValueMapping(engine, dataset, field, raw, value);
      remember({ ...mappings, values: withMapping(mappings.values, datasetId, field, raw, value) });
      setLastReport((report) => report && withoutUnmapped(report, datasetId, field, raw));
      await refresh();
    },
    [ensureStarted, refresh, mappings, remember],
  );

  const importMappings = useCallback(
    async (profile: Pick<MappingProfile, 'values' | 'columns' | 'dateOrders'>) => {
      const { engine } = await ensureStarted();
      let values = mappings.values;
      let report = lastReport;
      for (const [datasetId, fields] of Object.entries(profile.values)) {
        const dataset = DATASETS.find((d) => d.id === datasetId);
        if (!dataset) continue;
        for (const [field, pairs] of Object.entries(fields)) {
          const entries = Object.entries(pairs);
          await applyValueMappings(engine, dataset, field, entries);
          for (const [raw, value] of entries) {
            values = withMapping(values, datasetId, field, raw, value);
            report = report && withoutUnmapped(report, datasetId, field, raw);
          }
        }
      }
      remember({
        values,
        columns: { ...mappings.columns, ...profile.columns },
        dates: { ...mappings.dates, ...profile.dateOrders },
      });
      setLastReport(report);
      await refresh();
    },
    [ensureStarted, refresh, mappings, remember, lastReport],
  );

  const canRemap = useCallback((file: FileReport) => session?.canReload(file) === true, [session]);

  const removeFile = useCallback(
    async (file: FileReport) => {
      const { session } = await ensureStarted();
      await session.removeFile(file);
      setLastReport((previous) => replaceFile(previous, file.fileId, []));
      setRowsInDatabase((n) => Math.max(0, n - file.rowsLoaded));
      hold((files) => files.filter((f) => f.fileId !== file.fileId), loadedAt);
      await refresh();
    },
    [ensureStarted, refresh, hold, loadedAt],
  );

  const clearData = useCallback(async () => {
    const { engine, session } = await ensureStarted();
    for (const dataset of DATASETS) await engine.run(`DELETE FROM ${dataset.id}`);
    session.forgetLoadedFiles();
    await engine.run('DELETE FROM pi_rejections');
    await engine.run('DELETE FROM pi_warnings');
    await clearPublished(engine);
    setLastReport(null);
    setRowsInDatabase(0);
    setLoadedAt(null);
    hold(() => [], null);
    await refresh();
  }, [ensureStarted, refresh, hold]);

  const dismissClearedByReload = useCallback(() => {
    setClearedByReload(null);
    // Forgotten for good, unless files have been loaded since (they are what the tab holds now).
    if (held.current.length === 0) saveHeldFiles({ files: [], loadedAt: null });
  }, []);

  const value = useMemo<AppData>(
    () => ({
      getEngine: async () => (await ensureStarted()).engine,
      loadFiles,
      loading,
      progress,
      lastReport,
      loadError,
      dataVersion,
      loadCount,
      loadedAt,
      rowsInDatabase,
      clearData,
      removeFile,
      valueMappings: mappings.values,
      mapValue,
      importMappings,
      columnMappings: mappings.columns,
      mapColumns,
      setDateOrder,
      setDuplicatePolicy,
      dateOrders: mappings.dates,
      canRemap,
      clearedByReload,
      dismissClearedByReload,
    }),
    [
      ensureStarted,
      loadFiles,
      loading,
      progress,
      lastReport,
      loadError,
      dataVersion,
      loadCount,
      loadedAt,
      rowsInDatabase,
      clearData,
      removeFile,
      mappings,
      mapValue,
      importMappings,
      mapColumns,
      setDateOrder,
      setDuplicatePolicy,
      canRemap,
      clearedByReload,
      dismissClearedByReload,
    ],
  );
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext);
  if (!value) throw new Error('useAppData must be used inside AppDataProvider');
  return value;
}

import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import type { IndicatorSettings } from '../indicators/settings';
import type { ChosenDateOrder, DateOrders } from '../ingest/date-order';
import type { DuplicatePolicy } from '../ingest/dedupe-stage';
import type { LoadProgress } from '../ingest/load-file';
import { createIngestSession, type NamedBlob } from '../ingest/load-files';
import type { FileReport, LoadReport } from '../ingest/load-report';
import { prepareDatabase } from '../ingest/prepare-database';
import type { RecordChange } from '../ingest/update-stage';
import type { ColumnMappings, MappingProfile, ValueMappings } from '../ingest/value-mapping';
import { DataSession, type DataState, type OpenedEngine } from './data-session';
import type { EffectPreview } from './effect-preview';
import { FILE_HANDLERS } from './file-handlers';
import { type HeldFiles, readHeldFiles, saveHeldFiles } from './held-files';
import { tabHistory } from './load-history';
import { sampleFiles } from './sample-files';
import { MAPPINGS_KEY, NO_MAPPINGS, readSavedMappings, saveMappings } from './saved-mappings';
import { useStoredReset } from './stored';
import { startWarmUp } from './warm-up';

/** Opens the browser's engine, its ingest session and the warm-up (the heavy modules load only now). */
async function openBrowserEngine(): Promise<OpenedEngine> {
  const { getBrowserEngine } = await import('../engine/browser-engine');
  const engine = await getBrowserEngine();
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const readWorkbook = async (
    ...args: Parameters<typeof import('../ingest/workbook/workbook-client').readWorkbookInWorker>
  ) => (await import('../ingest/workbook/workbook-client')).readWorkbookInWorker(...args);
  const { scanRecordsInWorker: scanRecords } = await import('../ingest/scan-client');
  return {
    engine,
    ingest: createIngestSession(engine, DATASETS, { readWorkbook, scanRecords, handlers: FILE_HANDLERS }),
    // The warm-up scans its files with the app's scanner, so the scan worker is started and warm too.
    warmUp: startWarmUp(engine, () => sampleFiles(), { scanRecords }),
  };
}

const DataSessionContext = createContext<DataSession | null>(null);

/** Asks before the tab is closed or reloaded while loaded data would be lost (see KeptDataProvider). */
export function useLeaveWarning(active: boolean) {
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

/** Holds the page's one data session; the engine starts as soon as the page is up, to be warm when needed. */
export function AppDataProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session] = useState(
    () =>
      new DataSession({
        open: openBrowserEngine,
        datasets: DATASETS,
        handlers: FILE_HANDLERS,
        store: { readMappings: readSavedMappings, saveMappings, readHeld: readHeldFiles, saveHeld: saveHeldFiles },
        afterChange: () => queryClient.invalidateQueries(),
        mark: (name) => performance.mark(name),
        history: tabHistory,
      }),
  );
  useEffect(() => {
    void session.start().catch(() => undefined);
  }, [session]);
  // The Data page's reset sets the kept mappings aside; the session starts again without them.
  useStoredReset(MAPPINGS_KEY, () => session.forgetMappings(NO_MAPPINGS));
  return <DataSessionContext.Provider value={session}>{children}</DataSessionContext.Provider>;
}

/** The page's data session (stable: reading it re-renders nothing). */
export function useDataSession(): DataSession {
  const session = useContext(DataSessionContext);
  if (!session) throw new Error('useDataSession must be used inside AppDataProvider');
  return session;
}

/** One value of the session's state; the component re-renders only when that value changes. */
export function useDataState<T>(select: (state: DataState) => T): T {
  const session = useDataSession();
  return useSyncExternalStore(session.subscribe, () => select(session.getSnapshot()));
}

/** Starts (once) and returns the in-browser database; stable, so asking for it re-renders nothing. */
export function useEngine(): () => Promise<Engine> {
  return useDataSession().getEngine;
}

/** Bumps after every change of the data: queries key on it so every chart refreshes. */
export function useDataVersion(): number {
  return useDataState((s) => s.dataVersion);
}

/** When files were last loaded (ISO date and time), for the footer of printed and exported packs. */
export function useLoadedAt(): string | null {
  return useDataState((s) => s.loadedAt);
}

export interface AppData {
  getEngine(): Promise<Engine>;
  loadFiles(files: readonly NamedBlob[]): Promise<void>;
  loading: boolean;
  progress: LoadProgress | null;
  lastReport: LoadReport | null;
  loadError: string | null;
  dataVersion: number;
  loadCount: number;
  loadedAt: string | null;
  rowsInDatabase: number;
  clearData(): Promise<void>;
  removeFile(file: FileReport): Promise<void>;
  /** A file's removal, or its replacement by a new version, made for now with its effect on the headlines. */
  effectPreview: EffectPreview | null;
  previewRemoval(file: FileReport, settings: IndicatorSettings): Promise<void>;
  previewReplacement(file: FileReport, next: NamedBlob, settings: IndicatorSettings): Promise<void>;
  confirmPreview(): Promise<void>;
  cancelPreview(): Promise<void>;
  /** Every value a file changed in records loaded before it. */
  recordChanges(file: FileReport): Promise<RecordChange[]>;
  valueMappings: ValueMappings;
  mapValue(datasetId: string, field: string, raw: string, value: string): Promise<void>;
  importMappings(profile: Pick<MappingProfile, 'values' | 'columns' | 'dateOrders'>): Promise<void>;
  columnMappings: ColumnMappings;
  mapColumns(file: FileReport, datasetId: string, columns: Record<string, string>): Promise<void>;
  dateOrders: DateOrders;
  setDateOrder(file: FileReport, field: string, order: ChosenDateOrder): Promise<void>;
  setDuplicatePolicy(file: FileReport, policy: DuplicatePolicy): Promise<void>;
  canRemap(file: FileReport): boolean;
  clearedByReload: HeldFiles | null;
  dismissClearedByReload(): void;
}

/**
 * Everything at once, for the Data page's own components (which show progress and the report): they
 * re-render on every change. Pages that only query use `useEngine` and `useDataVersion` instead.
 */
export function useAppData(): AppData {
  const session = useDataSession();
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return {
    ...state,
    getEngine: session.getEngine,
    loadFiles: (files) => session.loadFiles(files),
    clearData: () => session.clearData(),
    removeFile: (file) => session.removeFile(file),
    previewRemoval: (...args) => session.previewRemoval(...args),
    previewReplacement: (...args) => session.previewReplacement(...args),
    confirmPreview: () => session.confirmPreview(),
    cancelPreview: () => session.cancelPreview(),
    recordChanges: (file) => session.recordChanges(file),
    valueMappings: state.mappings.values,
    columnMappings: state.mappings.columns,
    dateOrders: state.mappings.dates,
    mapValue: (...args) => session.mapValue(...args),
    importMappings: (profile) => session.importMappings(profile),
    mapColumns: (...args) => session.mapColumns(...args),
    setDateOrder: (...args) => session.setDateOrder(...args),
    setDuplicatePolicy: (...args) => session.setDuplicatePolicy(...args),
    // Reads the session's state when called; re-rendered once the ingest session is ready.
    canRemap: (file) => state.ingestReady && session.canRemap(file),
    dismissClearedByReload: () => session.dismissClearedByReload(),
  };
}

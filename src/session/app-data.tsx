import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { headerSignature } from '../ingest/header-match';
import type { LoadProgress } from '../ingest/load-file';
import { createIngestSession, type IngestSession, type NamedBlob } from '../ingest/load-files';
import { type FileReport, type LoadReport, summariseLoad } from '../ingest/load-report';
import { prepareDatabase } from '../ingest/prepare-database';
import {
  applyValueMapping,
  type ColumnMappings,
  parseProfile,
  toProfile,
  type ValueMappings,
  withMapping,
} from '../ingest/value-mapping';

interface Started {
  engine: Engine;
  session: IngestSession;
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
  /** Bumps after every load: queries key on it so every chart refreshes. */
  dataVersion: number;
  rowsInDatabase: number;
  /** Forgets every loaded row and rejection (nothing is stored anywhere else). */
  clearData(): Promise<void>;
  /** Local codes mapped to canonical values: saved in this browser, applied to every load. */
  valueMappings: ValueMappings;
  /** Maps one local code, for the rows loaded so far and every later file. */
  mapValue(datasetId: string, field: string, raw: string, value: string): Promise<void>;
  /** Adds a mapping profile's mappings (from a file a colleague shared) and applies them. */
  importMappings(values: ValueMappings, columns?: ColumnMappings): Promise<void>;
  /** Column mappings chosen for files, by header: reused for the next file with the same header. */
  columnMappings: ColumnMappings;
  /** Loads a file of the last load again as the given dataset, with the columns the user chose. */
  mapColumns(file: FileReport, datasetId: string, columns: Record<string, string>): Promise<void>;
  /** Whether a file of the last load can be loaded again with a mapping (its bytes are still at hand). */
  canRemap(file: FileReport): boolean;
}

const MAPPINGS_KEY = 'partnership-insight:value-mappings';

function readSavedProfile(): { values: ValueMappings; columns: ColumnMappings } {
  try {
    const text = localStorage.getItem(MAPPINGS_KEY);
    const profile = text ? parseProfile(text, DATASETS) : undefined;
    return { values: profile?.values ?? {}, columns: profile?.columns ?? {} };
  } catch {
    // A damaged or outdated entry is ignored rather than breaking the app.
    return { values: {}, columns: {} };
  }
}

function saveMappings(values: ValueMappings, columns: ColumnMappings) {
  try {
    localStorage.setItem(MAPPINGS_KEY, JSON.stringify(toProfile(values, columns)));
  } catch {
    // Storage can be full or blocked by policy; mappings then last for this visit only.
  }
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

async function start(): Promise<Started> {
  const { getBrowserEngine } = await import('../engine/browser-engine');
  const engine = await getBrowserEngine();
  await prepareDatabase(engine, DATASETS);
  return { engine, session: createIngestSession(engine, DATASETS) };
}

export function AppDataProvider({ children }: { children: ReactNode }) {
  const started = useRef<Promise<Started> | null>(null);
  const [loading, setLoading] = useState(false);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [lastReport, setLastReport] = useState<LoadReport | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [dataVersion, setDataVersion] = useState(0);
  const [rowsInDatabase, setRowsInDatabase] = useState(0);
  const [valueMappings, setValueMappings] = useState<ValueMappings>(() => readSavedProfile().values);
  const [columnMappings, setColumnMappings] = useState<ColumnMappings>(() => readSavedProfile().columns);
  /** The files of the last load, so one can be loaded again with a column mapping. */
  const lastFiles = useRef(new Map<string, Blob>());
  const queryClient = useQueryClient();

  const ensureStarted = useCallback(() => {
    if (!started.current) {
      started.current = start();
      started.current.catch(() => {
        started.current = null;
      });
    }
    return started.current;
  }, []);

  // Start the database as soon as the page is up, so it is ready by the time a file is chosen.
  useEffect(() => {
    ensureStarted()
      .then(() => performance.mark('pi-engine-ready'))
      .catch((error: unknown) => {
        setLoadError(
          `The in-browser database could not start: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
  }, [ensureStarted]);

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
            if (p.phase !== 'reading' || fraction - lastShown >= 0.02 || fraction === 1) {
              lastShown = fraction;
              setProgress(p);
            }
          },
          { values: valueMappings, columns: columnMappings },
        );
        lastFiles.current = new Map(files.map((f) => [f.name, f.blob]));
        performance.mark('pi-load-end');
        setLastReport(report);
        setRowsInDatabase((n) => n + report.rowsLoaded);
        setDataVersion((v) => v + 1);
        await queryClient.invalidateQueries();
      } catch (error) {
        setLoadError(
          `The files could not be loaded: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`,
        );
      } finally {
        setLoading(false);
        setProgress(null);
      }
    },
    [ensureStarted, queryClient, valueMappings, columnMappings],
  );

  const mapValue = useCallback(
    async (datasetId: string, field: string, raw: string, value: string) => {
      const dataset = DATASETS.find((d) => d.id === datasetId);
      if (!dataset) return;
      const { engine } = await ensureStarted();
      await applyValueMapping(engine, dataset, field, raw, value);
      const next = withMapping(valueMappings, datasetId, field, raw, value);
      setValueMappings(next);
      saveMappings(next, columnMappings);
      setLastReport((report) => report && withoutUnmapped(report, datasetId, field, raw));
      setDataVersion((v) => v + 1);
      await queryClient.invalidateQueries();
    },
    [ensureStarted, queryClient, valueMappings, columnMappings],
  );

  const importMappings = useCallback(
    async (values: ValueMappings, columns: ColumnMappings = {}) => {
      const { engine } = await ensureStarted();
      let next = valueMappings;
      for (const [datasetId, fields] of Object.entries(values)) {
        const dataset = DATASETS.find((d) => d.id === datasetId);
        if (!dataset) continue;
        for (const [field, pairs] of Object.entries(fields)) {
          for (const [raw, value] of Object.entries(pairs)) {
            await applyValueMapping(engine, dataset, field, raw, value);
            next = withMapping(next, datasetId, field, raw, value);
            setLastReport((report) => report && withoutUnmapped(report, datasetId, field, raw));
          }
        }
      }
      const nextColumns = { ...columnMappings, ...columns };
      setValueMappings(next);
      setColumnMappings(nextColumns);
      saveMappings(next, nextColumns);
      setDataVersion((v) => v + 1);
      await queryClient.invalidateQueries();
    },
    [ensureStarted, queryClient, valueMappings, columnMappings],
  );

  const canRemap = useCallback((file: FileReport) => lastFiles.current.has(file.fileName), []);

  const mapColumns = useCallback(
    async (file: FileReport, datasetId: string, columns: Record<string, string>) => {
      const blob = lastFiles.current.get(file.fileName);
      if (!blob) return;
      const { session } = await ensureStarted();
      const nextColumns = { ...columnMappings, [headerSignature(file.header)]: { datasetId, columns } };
      setColumnMappings(nextColumns);
      saveMappings(valueMappings, nextColumns);
      setLoading(true);
      setLoadError(null);
      try {
        await session.removeFile(file);
        const report = await session.loadFiles(
          [{ name: file.fileName, blob, datasetId, columnMapping: columns }],
          undefined,
          {
            values: valueMappings,
            columns: nextColumns,
          },
        );
        // The remapped file's new result replaces its old one in the report.
        setLastReport((previous) =>
          previous
            ? summariseLoad(previous.files.flatMap((f) => (f.fileId === file.fileId ? report.files : [f])))
            : report,
        );
        setDataVersion((v) => v + 1);
        await queryClient.invalidateQueries();
      } catch (error) {
        setLoadError(
          `“${file.fileName}” could not be loaded again: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        setLoading(false);
      }
    },
    [ensureStarted, queryClient, valueMappings, columnMappings],
  );

  const clearData = useCallback(async () => {
    const { engine, session } = await ensureStarted();
    for (const dataset of DATASETS) await engine.run(`DELETE FROM ${dataset.id}`);
    session.forgetLoadedFiles();
    await engine.run('DELETE FROM pi_rejections');
    setLastReport(null);
    setRowsInDatabase(0);
    setDataVersion((v) => v + 1);
    await queryClient.invalidateQueries();
  }, [ensureStarted, queryClient]);

  const value = useMemo<AppData>(
    () => ({
      getEngine: async () => (await ensureStarted()).engine,
      loadFiles,
      loading,
      progress,
      lastReport,
      loadError,
      dataVersion,
      rowsInDatabase,
      clearData,
      valueMappings,
      mapValue,
      importMappings,
      columnMappings,
      mapColumns,
      canRemap,
    }),
    [
      ensureStarted,
      loadFiles,
      loading,
      progress,
      lastReport,
      loadError,
      dataVersion,
      rowsInDatabase,
      clearData,
      valueMappings,
      mapValue,
      importMappings,
      columnMappings,
      mapColumns,
      canRemap,
    ],
  );
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext);
  if (!value) throw new Error('useAppData must be used inside AppDataProvider');
  return value;
}

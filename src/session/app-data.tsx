import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import type { LoadProgress } from '../ingest/load-file';
import { createIngestSession, type IngestSession, type NamedBlob } from '../ingest/load-files';
import type { LoadReport } from '../ingest/load-report';
import { prepareDatabase } from '../ingest/prepare-database';

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
}

const AppDataContext = createContext<AppData | null>(null);

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
        const report = await session.loadFiles(files, (p) => {
          // Re-render at most every 2% of a file so a big load stays smooth.
          const fraction = p.fraction ?? -1;
          if (p.phase !== 'reading' || fraction - lastShown >= 0.02 || fraction === 1) {
            lastShown = fraction;
            setProgress(p);
          }
        });
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
    [ensureStarted, queryClient],
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
    }),
    [ensureStarted, loadFiles, loading, progress, lastReport, loadError, dataVersion, rowsInDatabase, clearData],
  );
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext);
  if (!value) throw new Error('useAppData must be used inside AppDataProvider');
  return value;
}

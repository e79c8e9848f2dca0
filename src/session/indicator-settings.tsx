import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Engine } from '../engine/engine';
import { compressSummaries } from '../indicators/compress-summaries';
import { grainFor, type PrepareStage, tablesReadAt } from '../indicators/family-definition';
import type { Dimension, IndicatorFamily } from '../indicators/indicator-definition';
import {
  type PreparedState,
  preparationCount,
  prepareFull,
  prepareIndicators,
  prepareLater,
  resumePreparation,
  stageFor,
  stageNeeded,
} from '../indicators/prepare-indicators';
import { getFamily } from '../indicators/registry';
import { DEFAULT_SETTINGS, type IndicatorSettings, indicatorSettingsSchema } from '../indicators/settings';
import { useDataSession, useDataVersion, useEngine } from './app-data';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

export const SETTINGS_KEY = 'partnership-insight:indicator-settings';

/** How long after every table is built the large summaries move into the compressed store. */
const COMPRESS_AFTER_MS = 500;

/** Read back as completely as a file is: a damaged entry is set aside, with a notice (stored.ts). */
const readSettings = (): IndicatorSettings =>
  readStored(SETTINGS_KEY, schemaCheck(indicatorSettingsSchema), () => DEFAULT_SETTINGS);

interface IndicatorSettingsValue {
  settings: IndicatorSettings;
  /**
   * Bumps at every change of the settings: the prepared tables are rebuilt for each, so a prepared state
   * from an earlier change no longer describes them, even for the same settings (A, then B, then A).
   */
  revision: number;
  /** Saves the settings in this browser (they are not data, so they may be kept) and recomputes. */
  saveSettings(settings: IndicatorSettings): void;
}

const SettingsContext = createContext<IndicatorSettingsValue | null>(null);

/** Local standards (working-day targets, closure days, report date) for every indicator. */
export function IndicatorSettingsProvider({ children }: { children: ReactNode }) {
  const [{ settings, revision }, setState] = useState(() => ({ settings: readSettings(), revision: 0 }));
  const saveSettings = useCallback((next: IndicatorSettings) => {
    const checked = indicatorSettingsSchema.parse(next);
    setState((s) => ({ settings: checked, revision: s.revision + 1 }));
    writeStored(SETTINGS_KEY, checked);
  }, []);
  useStoredReset(SETTINGS_KEY, () => setState((s) => ({ settings: DEFAULT_SETTINGS, revision: s.revision + 1 })));
  const value = useMemo(() => ({ settings, revision, saveSettings }), [settings, revision, saveSettings]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useIndicatorSettings(): IndicatorSettingsValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useIndicatorSettings must be used inside IndicatorSettingsProvider');
  return value;
}

/**
 * The prepared (summary) tables for the loaded data and the current settings: built once per load or
 * settings change; every indicator on every page then reads them. This is the first stage, enough for
 * a page with no filter; `useFullPreparation` and `useCompletePreparation` add the others.
 */
/** A prepared stage's query key: the data, the settings, and which change of the settings made them. */
export function preparedKey(
  name: string,
  dataVersion: number,
  { settings, revision }: Pick<IndicatorSettingsValue, 'settings' | 'revision'>,
  previous?: PreparedState,
): unknown[] {
  return previous === undefined
    ? [name, dataVersion, revision, settings]
    : [name, dataVersion, revision, settings, previous];
}

export function usePreparedIndicators() {
  const session = useDataSession();
  const dataVersion = useDataVersion();
  const current = useIndicatorSettings();
  const { settings } = current;
  return useQuery<PreparedState>({
    queryKey: preparedKey('prepared-indicators', dataVersion, current),
    queryFn: async () => {
      const engine = await session.getEngine();
      // Data that came back from kept data may have come with every prepared table (kept-preparation.ts).
      const kept = session.keptPreparation(dataVersion, settings, preparationCount(engine));
      const prepared = kept
        ? await resumePreparation(engine, kept)
        : await prepareIndicators(engine, settings, { stage: 'first' });
      // For the benchmark's account of a return to kept data, and the test that the kept tables served.
      performance.mark(kept ? 'pi-prepared-kept' : 'pi-prepared-first');
      return prepared;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A stage built on the one before (`previous`), in the background, once that one exists. */
function useStageAfter(
  name: string,
  previous: PreparedState | undefined,
  build: (engine: Engine, state: PreparedState, dataVersion: number) => Promise<PreparedState>,
) {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
  const current = useIndicatorSettings();
  return useQuery<PreparedState>({
    queryKey: preparedKey(name, dataVersion, current, previous),
    queryFn: async () => build(await getEngine(), previous as PreparedState, dataVersion),
    enabled: previous !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The full summary tables too (filters, filter lists, breakdowns), built after the first stage. */
export function useFullPreparation() {
  const session = useDataSession();
  return useStageAfter('prepared-indicators-full', usePreparedIndicators().data, async (engine, first, version) => {
    if (!first.deferred?.length) return prepareFull(engine, first);
    // Restored from kept data: its full summaries go back in now (in the background) — or, if they no
    // longer fit or are damaged, are built as after a load. Unless a build for other settings has begun
    // meanwhile: its tables are not this state's to overwrite (and nothing reads this state any more).
    const count = preparationCount(engine);
    if (await session.putDeferredPreparation(version, count)) return { ...first, deferred: [] };
    if (preparationCount(engine) !== count) return first;
    return prepareFull(engine, { ...first, stage: 'first', deferred: undefined });
  });
}

/** Every prepared table, the slower ones included (built after the full ones). */
export function useCompletePreparation() {
  const session = useDataSession();
  return useStageAfter('prepared-indicators-complete', useFullPreparation().data, async (engine, full, version) => {
    const complete = await prepareLater(engine, full);
    // Complete: kept data keeps these tables with the data, if it is kept (the count says none was built since).
    session.notePrepared(version, complete, preparationCount(engine));
    // Then, in the background, the large summary tables into the compressed store, for faster filters:
    // a moment later, so that the charts this stage unlocks ask first (started at once, its first
    // statement went ahead of the Overview's last card). A failure leaves them where they are (every
    // query still finds them), so it is not reported.
    setTimeout(() => void compressSummaries(engine).catch(() => undefined), COMPRESS_AFTER_MS);
    return complete;
  });
}

/**
 * The prepared state of a stage once it is built (undefined until then, or with no first stage yet). A
 * complete preparation restored from kept data has every table but its deferred ones already: what
 * reads none of those (`tables`) reads it at once.
 */
function useStage(
  stage: PrepareStage,
  first: PreparedState | undefined,
  tables: readonly string[],
): PreparedState | undefined {
  const full = useFullPreparation();
  const complete = useCompletePreparation();
  if (first === undefined || stage === 'first') return first;
  if (first.stage === 'later' && !tables.some((t) => first.deferred?.includes(t))) return first;
  return stage === 'full' ? full.data : complete.data;
}

/**
 * The prepared state an indicator (or profile) can be computed from with some filters: the first
 * stage, or — when it reads a table built later at that grain — that stage's once it exists (undefined
 * until then).
 */
export function usePreparedFor(
  item: { family: IndicatorFamily; reads: readonly string[]; breakdowns: readonly Dimension[] },
  first: PreparedState,
  filters?: Partial<Record<Dimension, readonly string[]>>,
): PreparedState | undefined {
  const grain = grainFor(filters, item.breakdowns);
  return useStage(stageNeeded(item, grain), first, tablesReadAt(item, getFamily(item.family), grain));
}

/** The prepared state from which some prepared tables can be read (undefined until they exist). */
export function usePreparedForTables(
  tables: readonly string[],
  first: PreparedState | undefined,
): PreparedState | undefined {
  return useStage(stageFor(tables), first, tables);
}

import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { compressSummaries } from '../indicators/compress-summaries';
import {
  needsSecondStage,
  type PreparedState,
  prepareIndicators,
  prepareSecondStage,
} from '../indicators/prepare-indicators';
import { DEFAULT_SETTINGS, type IndicatorSettings, indicatorSettingsSchema } from '../indicators/settings';
import { useAppData } from './app-data';

const SETTINGS_KEY = 'partnership-insight:indicator-settings';

function readSettings(): IndicatorSettings {
  try {
    const text = localStorage.getItem(SETTINGS_KEY);
    const parsed = text ? indicatorSettingsSchema.safeParse(JSON.parse(text)) : null;
    return parsed?.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

interface IndicatorSettingsValue {
  settings: IndicatorSettings;
  /** Saves the settings in this browser (they are not data, so they may be kept) and recomputes. */
  saveSettings(settings: IndicatorSettings): void;
}

const SettingsContext = createContext<IndicatorSettingsValue | null>(null);

/** Local standards (working-day targets, closure days, report date) for every indicator. */
export function IndicatorSettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<IndicatorSettings>(readSettings);
  const saveSettings = useCallback((next: IndicatorSettings) => {
    const checked = indicatorSettingsSchema.parse(next);
    setSettings(checked);
    try {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(checked));
    } catch {
      // Storage blocked by policy: the settings last for this visit.
    }
  }, []);
  const value = useMemo(() => ({ settings, saveSettings }), [settings, saveSettings]);
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
 * most charts; `useCompletePreparation` adds the slower tables.
 */
export function usePreparedIndicators() {
  const { getEngine, dataVersion } = useAppData();
  const { settings } = useIndicatorSettings();
  return useQuery<PreparedState>({
    queryKey: ['prepared-indicators', dataVersion, settings],
    queryFn: async () => prepareIndicators(await getEngine(), settings, { stage: 'first' }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Every prepared table, the slower ones included (built after the first stage). */
export function useCompletePreparation() {
  const { getEngine, dataVersion } = useAppData();
  const { settings } = useIndicatorSettings();
  const first = usePreparedIndicators();
  return useQuery<PreparedState>({
    queryKey: ['prepared-indicators-complete', dataVersion, settings, first.data],
    queryFn: async () => {
      const engine = await getEngine();
      const complete = await prepareSecondStage(engine, first.data as PreparedState);
      // Then, in the background, the large summary tables into the compressed store, for faster filters.
      // A failure leaves them where they are (every query still finds them), so it is not reported.
      void compressSummaries(engine).catch(() => undefined);
      return complete;
    },
    enabled: first.data !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The prepared state an indicator can be computed from: the first stage, or — for an indicator that
 * reads a slower table — the complete one once it exists (undefined until then).
 */
export function usePreparedFor(item: { reads: readonly string[] }, first: PreparedState): PreparedState | undefined {
  const complete = useCompletePreparation();
  if (!needsSecondStage(item)) return first;
  return complete.data;
}

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import type { Direction } from '../benchmarks/published-store';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

export const BENCHMARK_SETTINGS_KEY = 'partnership-insight:benchmarks';
const KEY = BENCHMARK_SETTINGS_KEY;
const schema = z.object({
  la: z
    .string()
    .regex(/^([0-9]{3}|[A-Z][0-9]{8})$/)
    .nullable(),
  /** Other authorities the partnership covers, shown after ours. */
  others: z
    .array(z.string().regex(/^([0-9]{3}|[A-Z][0-9]{8})$/))
    .max(10)
    .default([]),
  /** Directions of good the user set, by measure (column name). */
  directions: z.array(z.tuple([z.string().max(200), z.enum(['up', 'down', 'neutral'])])).max(500),
  /** Neighbours chosen by hand, by authority (codes), used instead of the neighbour file's. */
  neighbours: z
    .array(z.tuple([z.string().max(9), z.array(z.string().max(9)).max(200)]))
    .max(200)
    .default([]),
});
type Settings = z.infer<typeof schema>;

const NONE: Settings = { la: null, others: [], directions: [], neighbours: [] };

/** Read back as completely as a file is: a damaged entry is set aside, with a notice (stored.ts). */
const read = (): Settings => readStored(KEY, schemaCheck(schema), () => NONE);

function useSavedSettings() {
  const [settings, setSettings] = useState<Settings>(read);
  const save = useCallback((next: Settings) => {
    setSettings(next);
    writeStored(KEY, next);
  }, []);
  useStoredReset(KEY, () => setSettings(NONE));
  return useMemo(() => {
    const directions = new Map(settings.directions);
    const neighbours = new Map(settings.neighbours);
    return {
      la: settings.la,
      setLa: (la: string | null) => save({ ...settings, la }),
      others: settings.others,
      setOthers: (others: string[]) => save({ ...settings, others }),
      directionOf: (measure: string): Direction | undefined => directions.get(measure),
      /** Neighbours chosen by hand for an authority (empty: the neighbour file's). */
      neighboursOf: (la: string): readonly string[] => neighbours.get(la) ?? [],
      setNeighbours: (la: string, codes: readonly string[]) =>
        save({ ...settings, neighbours: [...settings.neighbours.filter(([l]) => l !== la), [la, [...codes]]] }),
      setDirection: (measure: string, direction: Direction) =>
        save({
          ...settings,
          directions: [...settings.directions.filter(([m]) => m !== measure), [measure, direction]],
        }),
    };
  }, [settings, save]);
}

type BenchmarkSettings = ReturnType<typeof useSavedSettings>;
const BenchmarkSettingsContext = createContext<BenchmarkSettings | null>(null);

/**
 * The Published statistics choices, saved in this browser (choices, never data): our local authority
 * and the others the partnership covers, neighbours chosen by hand, directions of good set by hand.
 * One copy for the whole app, so the page, the board pack and the yearly report see the same.
 * Measures are looked up in a Map, never as keys of a plain object (a column could be `constructor`).
 */
export function BenchmarkSettingsProvider({ children }: { children: ReactNode }) {
  const value = useSavedSettings();
  return <BenchmarkSettingsContext.Provider value={value}>{children}</BenchmarkSettingsContext.Provider>;
}

export function useBenchmarkSettings(): BenchmarkSettings {
  const value = useContext(BenchmarkSettingsContext);
  if (!value) throw new Error('useBenchmarkSettings outside BenchmarkSettingsProvider');
  return value;
}

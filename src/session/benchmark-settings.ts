import { useCallback, useState } from 'react';
import { z } from 'zod';
import type { Direction } from '../benchmarks/published-store';

const KEY = 'partnership-insight:benchmarks';
const schema = z.object({
  la: z
    .string()
    .regex(/^([0-9]{3}|[A-Z][0-9]{8})$/)
    .nullable(),
  /** Directions of good the user set, by measure (column name). */
  directions: z.array(z.tuple([z.string().max(200), z.enum(['up', 'down', 'neutral'])])).max(500),
});
type Settings = z.infer<typeof schema>;

function read(): Settings {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : { la: null, directions: [] };
  } catch {
    return { la: null, directions: [] };
  }
}

/**
 * The Published statistics page's choices, saved in this browser (choices, never data): our local
 * authority and the directions of good set by hand. Measures are looked up in a Map, never as keys of
 * a plain object (a column could be called `constructor`).
 */
export function useBenchmarkSettings() {
  const [settings, setSettings] = useState<Settings>(read);
  const save = useCallback((next: Settings) => {
    setSettings(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Storage blocked: the choice lasts for this visit.
    }
  }, []);
  const directions = new Map(settings.directions);
  return {
    la: settings.la,
    setLa: (la: string | null) => save({ ...settings, la }),
    directionOf: (measure: string): Direction | undefined => directions.get(measure),
    setDirection: (measure: string, direction: Direction) =>
      save({ ...settings, directions: [...settings.directions.filter(([m]) => m !== measure), [measure, direction]] }),
  };
}

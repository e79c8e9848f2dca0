import { filterPairs } from '../benchmarks/breakdown-filters';
import { knownDirection } from '../benchmarks/directions';
import {
  type ComparisonPoint,
  compareAuthority,
  publishedAuthorities,
  publishedMeasures,
} from '../benchmarks/published-store';
import type { Engine } from '../engine/engine';

/** One measure and year for the authority, as `npm run indicators -- --la CODE` prints it. */
export type BenchmarkEntry = {
  file: string;
  measure: string;
  /** The file's breakdown columns and this selection's values (empty when it has none). */
  filters: Record<string, string>;
  direction: 'up' | 'down' | 'neutral';
} & ComparisonPoint;

/** Whether a code (old 3-digit or new 9-character) is a local authority of the loaded files. */
export async function isKnownAuthority(engine: Engine, la: string): Promise<boolean> {
  return (await publishedAuthorities(engine)).some((a) => a.old_la_code === la || a.new_la_code === la);
}

/** Every measure of every loaded published file, year by year, for one authority. */
export async function buildBenchmarks(engine: Engine, la: string): Promise<BenchmarkEntry[]> {
  const entries: BenchmarkEntry[] = [];
  for (const choice of await publishedMeasures(engine)) {
    const { direction } = knownDirection(choice.measure);
    const filters = Object.fromEntries(filterPairs(choice.filters) ?? []);
    const points = await compareAuthority(engine, {
      fileId: choice.file_id,
      measure: choice.measure,
      filters: choice.filters,
      la,
      direction,
    });
    for (const p of points) {
      entries.push({ file: choice.file_name, measure: choice.measure, filters, direction, ...p });
    }
  }
  return entries;
}

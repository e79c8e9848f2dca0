/** A published-statistics comparison in a pack: which file's measure and breakdown (never figures). */
export interface BenchmarkItem {
  file: string;
  measure: string;
  filters: string;
}

/** One key per comparison, whatever its text holds. */
export const benchmarkKey = (item: BenchmarkItem) => JSON.stringify([item.file, item.measure, item.filters]);

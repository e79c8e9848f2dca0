import type { PublishedPair } from '../indicators/indicator-definition';
import type { MeasureChoice } from './published-store';

/** Whether a breakdown selection is the whole (no breakdown, or a "Total" one): preferred to a part. */
const isWhole = (filters: string) => filters === '' || filters === '[]' || /\btotal\b/i.test(filters);

/**
 * The loaded measure a local indicator sits beside: the first (in load order) whose column name matches
 * every pattern of its pair, its whole rather than a breakdown; null when none is loaded.
 */
export function findPublishedMeasure(
  pair: PublishedPair | undefined,
  measures: readonly MeasureChoice[],
): MeasureChoice | null {
  if (!pair) return null;
  const patterns = pair.patterns.map((p) => new RegExp(p, 'i'));
  const matching = measures.filter((m) => patterns.every((p) => p.test(m.measure.toLowerCase())));
  return matching.find((m) => isWhole(m.filters)) ?? matching[0] ?? null;
}

/**
 * Whether a published measure is a count (children in need, referrals, social workers: it grows with
 * the size of the area) or a rate, share or average (comparable between areas of any size). A count
 * for one authority drawn on England's axis is a flat line at the bottom, and its rank says how big the
 * authority is: counts are drawn on their own scale and never ranked by size.
 *
 * Decided by, in order: the file's metadata unit ("%" is a share); the column name (percent, rate, per
 * 10,000, average, median …); then the figures themselves. England's figure for a count is the sum of
 * every authority's, so it is many times the largest; for a rate it is a weighted average, so it lies
 * among the authorities' own. A measure whose England figure is more than twice the largest
 * authority's in every year with both is a count.
 */
export type MeasureScale = 'count' | 'rate';

const SHARE_OR_RATE =
  /(percent|pct|perc|rate|proportion|ratio|per_?\d|per_?cent|average|avg|mean|median|percentile|caseload)/i;
const COUNT_WORDS = /(count|number|headcount|total)/i;

/** England's figure is more than this many times the largest authority's: a total, so a count. */
const TOTAL_RATIO = 2;

export function measureScale(
  measure: string,
  evidence: {
    /** The metadata's indicator_unit ('%', '£', '' …), when a metadata file was loaded. */
    unit?: string | null;
    /** The smallest, over the years, of England's figure divided by the largest authority's (null: no year with both). */
    englandToLargest?: number | null;
  } = {},
): MeasureScale {
  if (evidence.unit?.trim() === '%') return 'rate';
  if (SHARE_OR_RATE.test(measure)) return 'rate';
  const ratio = evidence.englandToLargest ?? null;
  if (ratio !== null) return ratio > TOTAL_RATIO ? 'count' : 'rate';
  return COUNT_WORDS.test(measure) ? 'count' : 'rate';
}

/** The stem of a column name without its count or share word: `rereferral_count` → `rereferral`. */
function stem(measure: string): string {
  return measure
    .toLowerCase()
    .replace(/[_\s.-]*(count|number|num|percent|pct|perc|rate|proportion)(?=$|[_\s.-])/g, '')
    .replace(/[_\s.-]+$/g, '');
}

/**
 * The rate or share published beside a count for the same thing (`rereferral_count` →
 * `rereferral_percent`), from the same file and breakdown: what a board should compare instead.
 */
export function rateBeside<T extends { file_id: number; measure: string; filters: string }>(
  count: T,
  others: readonly T[],
): T | undefined {
  const own = stem(count.measure);
  return others.find(
    (o) =>
      o !== count &&
      o.file_id === count.file_id &&
      o.filters === count.filters &&
      SHARE_OR_RATE.test(o.measure) &&
      stem(o.measure) === own,
  );
}

/** The scale of a loaded measure, from its metadata unit and its figures (publishedMeasures). */
export function choiceScale(choice: {
  measure: string;
  unit: string | null;
  england_to_largest: number | null;
}): MeasureScale {
  return measureScale(choice.measure, { unit: choice.unit, englandToLargest: choice.england_to_largest });
}

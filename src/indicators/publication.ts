import { protectCells, protectWithin, type Relation, SUPPRESSED } from './disclosure';
import type { Unit } from './indicator-definition';
import type { Granularity } from './periods';

/**
 * Publishing one indicator at every granularity the tool offers (months, financial quarters and
 * years, academic years, rolling 12 months, and the whole range) so that no hidden count can be worked
 * out from anything else the tool publishes: the cells of every granularity are protected together.
 * The sums that tie them are found from the figures themselves — a quarter that equals the sum of its
 * months, or a year-end stock that equals the last month's — so an attacker's knowledge is exactly
 * what holds in the data.
 *
 * Rolling 12-month windows are not published with suppression: one window minus the next is one month
 * minus another, so beside months they would give hidden counts away one after another (and hiding
 * enough to stop that hides nearly everything). `protectSeries` refuses them; the command line says why. */

export type Published = number | typeof SUPPRESSED | null;

/**
 * The granularities published with suppression, protected together. "Year" is the indicator's own
 * year: financial (April–March), or academic (September–August) for Section 175.
 */
export const PUBLISHABLE_WITH_SUPPRESSION = ['month', 'quarter', 'year'] as const;

export const ROLLING_NOT_PUBLISHABLE =
  'Rolling 12-month figures cannot be published with small numbers suppressed: each window shares 11 months with the next, so a hidden count could be worked out by subtracting one window from the next. Publish months, quarters or years instead.';

const ACADEMIC_NOT_PUBLISHABLE =
  'With small numbers suppressed, years are published one way only — financial years, and academic years for Section 175 schools, whose cycle they are — because academic and financial years overlap, and a hidden count could be worked out from the two together. Use --period year.';

/** Why a granularity cannot be published with suppression, or null when it can. */
export function suppressionRefusal(granularity: Granularity): string | null {
  if (granularity === 'rolling_12') return ROLLING_NOT_PUBLISHABLE;
  if (granularity === 'academic_year') return ACADEMIC_NOT_PUBLISHABLE;
  return null;
}

export interface PublishablePoint {
  periodStart: string;
  periodEnd: string;
  effectiveEnd: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface PublishedCell {
  numerator: Published;
  denominator: Published;
  /** Withheld (`c`) when the numerator or denominator is hidden. */
  value: Published;
  suppressed: boolean;
}

export interface Located {
  granularity: string;
  index: number;
  point: PublishablePoint;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** The points of a finer granularity inside a coarser period: from its start to its effective end. */
function pointsIn(period: PublishablePoint, finer: readonly Located[]): Located[] {
  return finer.filter((m) => m.point.periodStart >= period.periodStart && m.point.periodStart <= period.effectiveEnd);
}

/** Months are inside quarters, and both inside years; academic years (September–August) hold months only. */
const FINER = new Map<string, readonly string[]>([
  ['quarter', ['month']],
  ['year', ['month', 'quarter']],
  ['academic_year', ['month']],
]);

/**
 * The cells of one measure (numerator or denominator) over every granularity, the whole-range total,
 * and the relations that hold between them: a coarser figure that is the sum of the finer ones inside
 * it, or (a stock) the last of them. A relation is kept only when it holds in the figures: an attacker
 * can use exactly those.
 */
function measureCells(all: readonly Located[], measure: 'numerator' | 'denominator', range: number) {
  const values = all.map((c) => c.point[measure]);
  const months = all.filter((c) => c.granularity === 'month');
  const at = new Map(all.map((c, i) => [c, i]));
  const relations: Relation[] = [];
  let additive = false;
  all.forEach((cell, i) => {
    const total = values[i];
    if (total === null || total === undefined) return;
    for (const granularity of FINER.get(cell.granularity) ?? []) {
      const parts = pointsIn(
        cell.point,
        all.filter((c) => c.granularity === granularity),
      );
      const partValues = parts.map((p) => p.point[measure]);
      if (parts.length === 0 || partValues.some((v) => v === null)) continue;
      const indices = parts.map((p) => at.get(p) as number);
      const sum = partValues.reduce<number>((a, v) => a + (v as number), 0);
      // Every relation that holds is one an attacker can use: a sum, a last figure (a stock), or both.
      if (close(total, sum)) {
        relations.push({ total: i, parts: indices });
        if (parts.length > 1) additive = true;
      }
      if (parts.length > 1 && close(total, partValues.at(-1) as number)) {
        relations.push({ total: i, parts: [indices.at(-1) as number] });
      }
    }
  });
  // The whole range (cell `range`), as a board pack's total would publish it: the sum of the months
  // for a measure that adds up, else not published (null).
  const monthValues = months.map((m) => m.point[measure]);
  values[range] = null;
  if (additive && monthValues.length > 1 && monthValues.every((v) => v !== null)) {
    values[range] = monthValues.reduce<number>((a, v) => a + (v as number), 0);
    relations.push({ total: range, parts: months.map((m) => at.get(m) as number) });
  }
  return { values, relations };
}

/** One indicator's cells at every granularity, ready to be protected (alone, or with a whole pack). */
export interface SeriesProblem {
  cells: readonly Located[];
  numerators: { values: (number | null)[]; relations: Relation[] };
  denominators: { values: (number | null)[]; relations: Relation[] };
  /** Whether the numerator is a count to protect (a sum of days or scores is not). */
  countsNumerator: boolean;
}

/** The dates a cell covers, as `start|end`: cells with the same span describe the same time. */
export const spanOf = (point: { periodStart: string; effectiveEnd: string }) =>
  `${point.periodStart}|${point.effectiveEnd}`;

/**
 * The cells of one indicator's series at every granularity, the whole-range total, and the sums that
 * hold between them. `series` must hold the months.
 */
export function seriesProblem(series: ReadonlyMap<string, readonly PublishablePoint[]>, unit: Unit): SeriesProblem {
  if (series.has('rolling_12')) throw new Error(ROLLING_NOT_PUBLISHABLE);
  if (series.has('academic_year') && series.has('year')) throw new Error(ACADEMIC_NOT_PUBLISHABLE);
  const listed: Located[] = [...series].flatMap(([granularity, points]) =>
    points.map((point, index) => ({ granularity, index, point })),
  );
  const months = series.get('month') ?? [];
  const rangePoint: PublishablePoint = {
    periodStart: months[0]?.periodStart ?? '',
    periodEnd: months.at(-1)?.periodEnd ?? '',
    effectiveEnd: months.at(-1)?.effectiveEnd ?? '',
    numerator: null,
    denominator: null,
    value: null,
  };
  const cells = [...listed, { granularity: 'range', index: 0, point: rangePoint }];
  const range = cells.length - 1;
  const numerators = measureCells(listed, 'numerator', range);
  const denominators = measureCells(listed, 'denominator', range);
  // The range's value is its numerator over its denominator when both add up (a percentage), else its sum.
  const rangeNumerator = numerators.values[range] ?? null;
  const rangeDenominator = denominators.values[range] ?? null;
  rangePoint.numerator = rangeNumerator;
  rangePoint.denominator = rangeDenominator;
  rangePoint.value =
    rangeDenominator !== null && rangeNumerator !== null
      ? rangeDenominator > 0
        ? (100 * rangeNumerator) / rangeDenominator
        : null
      : unit === 'count'
        ? rangeNumerator
        : null;
  // Counts of people and records are hidden when small; a sum of scores or days is not a count.
  const countsNumerator = unit === 'count' || unit === 'percent';
  if (!countsNumerator) numerators.relations.length = 0;
  return { cells, numerators, denominators, countsNumerator };
}

/** The published cells of a series problem, given which numerators and denominators are hidden. */
export function publishSeries(
  problem: SeriesProblem,
  hideNumerator: readonly boolean[],
  hideDenominator: readonly boolean[],
): Map<string, PublishedCell[]> {
  const out = new Map<string, PublishedCell[]>();
  problem.cells.forEach((cell, i) => {
    const den = hideDenominator[i] === true;
    const num = (problem.countsNumerator && hideNumerator[i] === true) || (!problem.countsNumerator && den);
    const suppressed = num || den;
    const show = (v: number | null, hide: boolean): Published => (v === null ? null : hide ? SUPPRESSED : v);
    const list = out.get(cell.granularity) ?? [];
    list[cell.index] = {
      numerator: show(cell.point.numerator, num),
      denominator: show(cell.point.denominator, den),
      value: show(cell.point.value, suppressed),
      suppressed,
    };
    out.set(cell.granularity, list);
  });
  return out;
}

/**
 * Protects one indicator's series at every granularity together. `series` must hold the months; the
 * result has the same granularities and points, each cell published or `c`, and `range`: the total of
 * the whole range (one cell; null when the measure does not add up over time).
 */
export function protectSeries(
  series: ReadonlyMap<string, readonly PublishablePoint[]>,
  unit: Unit,
  threshold?: number,
): Map<string, PublishedCell[]> {
  const problem = seriesProblem(series, unit);
  const { numerators, denominators } = problem;
  if (!problem.countsNumerator) {
    const hideDenominator = protectCells(denominators.values, denominators.relations, threshold);
    return publishSeries(
      problem,
      numerators.values.map(() => false),
      hideDenominator,
    );
  }
  // Numerators and denominators as one problem: a percentage's count is part of what it is out of.
  const n = numerators.values.length;
  const hidden = protectWithin(
    [...numerators.values, ...denominators.values],
    [
      ...numerators.relations,
      ...denominators.relations.map((r) => ({ total: r.total + n, parts: r.parts.map((p) => p + n) })),
    ],
    unit === 'percent' ? numerators.values.map((_, i) => ({ part: i, whole: n + i })) : [],
    threshold,
  );
  return publishSeries(problem, hidden.slice(0, n), hidden.slice(n));
}

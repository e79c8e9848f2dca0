import type { Engine } from '../engine/engine';
import type { IndicatorDefinition } from './indicator-definition';
import { type Granularity, lastCompleteEnd } from './periods';
import type { PreparedState } from './prepare-indicators';
import { getFamily } from './registry';
import { effectiveGranularity, type IndicatorPoint, type IndicatorQuery, runIndicators } from './run-indicator';

/**
 * What the Overview's card of an indicator shows: its series up to the last complete period (or an
 * earlier one chosen), and — a lagged cohort's latest periods not being followed up yet — cut to the
 * last period that is. The Overview and the effect of removing or replacing a file both read it here.
 */
export function headlineQuery(
  indicator: IndicatorDefinition,
  prepared: PreparedState,
  granularity: Granularity,
  periodEnding?: string,
): IndicatorQuery {
  const reportDate = prepared.families[indicator.family].reportDate;
  const complete = reportDate ? lastCompleteEnd(effectiveGranularity(indicator, granularity), reportDate) : undefined;
  const to = periodEnding && complete && periodEnding < complete ? periodEnding : complete;
  return { granularity, to };
}

/** The points a card shows: a lagged cohort's up to its last followed-up period. */
export function headlinePoints(indicator: IndicatorDefinition, all: readonly IndicatorPoint[]): IndicatorPoint[] {
  const lastReady = all.findLastIndex((p) => p.value !== null);
  return indicator.periodRule === 'lagged_cohort' && lastReady >= 0 ? all.slice(0, lastReady + 1) : [...all];
}

/** A card's headline: its latest period's value and count; null when the indicator has no data. */
export type Headline = IndicatorPoint | null;

/** The granularity the Overview shows an indicator at: an area with yearly returns by year. */
export const overviewGranularity = (indicator: IndicatorDefinition, chosen: Granularity): Granularity =>
  getFamily(indicator.family).yearlyCycle ? 'year' : chosen;

/**
 * The headline of each indicator (in their order), as the Overview's cards show them at a granularity:
 * the latest period's point, or null when the indicator cannot be computed from the data loaded.
 */
export async function headlineFigures(
  engine: Engine,
  prepared: PreparedState,
  indicators: readonly IndicatorDefinition[],
  granularity: Granularity,
): Promise<Headline[]> {
  const figures: Headline[] = [];
  // Indicators asked together when their query is the same (one statement per area).
  const queries = indicators.map((indicator) =>
    headlineQuery(indicator, prepared, overviewGranularity(indicator, granularity)),
  );
  const keys = [...new Set(queries.map((q) => JSON.stringify(q)))];
  for (const key of keys) {
    const at = queries.flatMap((q, i) => (JSON.stringify(q) === key ? [i] : []));
    const results = await runIndicators(
      engine,
      prepared,
      at.map((i) => indicators[i] as IndicatorDefinition),
      JSON.parse(key) as IndicatorQuery,
    );
    for (const [n, i] of at.entries()) {
      const result = results[n];
      const indicator = indicators[i] as IndicatorDefinition;
      if (!result || result instanceof Error) throw result ?? new Error(`${indicator.id} could not be calculated`);
      figures[i] = result.status === 'ok' ? (headlinePoints(indicator, result.points).at(-1) ?? null) : null;
    }
  }
  return figures;
}

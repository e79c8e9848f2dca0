import type { Engine } from '../engine/engine';
import { countsAboutChildren } from '../indicators/disclosure-scope';
import type { Direction, IndicatorFamily, Unit } from '../indicators/indicator-definition';
import { indicatorSpc, warmUpOf } from '../indicators/indicator-spc';
import type { Granularity } from '../indicators/periods';
import type { PreparedState } from '../indicators/prepare-indicators';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { PUBLISHABLE_WITH_SUPPRESSION, type PublishedCell, protectSeries } from '../indicators/publication';
import { INDICATORS } from '../indicators/registry';
import { type IndicatorPoint, type IndicatorResult, runIndicators } from '../indicators/run-indicator';
import type { IndicatorSettings } from '../indicators/settings';
import type { PointType } from '../indicators/spc';
import type { Published } from '../indicators/suppression';
import { csvText } from '../shared/csv';

/** One period of one indicator, as the command line prints it (documented in docs/command-line.md). */
export interface ReportPoint {
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  /** The last day measured (the report date for the latest, unfinished period). */
  effectiveEnd: string;
  partial: boolean;
  numerator: Published;
  denominator: Published;
  value: Published;
  suppressed: boolean;
  spcPointType: PointType | null;
}

export interface ReportIndicator {
  id: string;
  family: IndicatorFamily;
  title: string;
  unit: Unit;
  direction: Direction;
  reportDate: string;
  granularity: Granularity;
  spcChart: 'xmr' | 'run' | 'none';
  points: ReportPoint[];
}

export interface IndicatorsReport {
  period: Granularity;
  from: string | null;
  to: string | null;
  suppressed: boolean;
  indicators: ReportIndicator[];
  notComputed: { id: string; title: string; missingDatasets: string[] }[];
}

export interface ReportOptions {
  granularity: Granularity;
  from?: string;
  to?: string;
  suppress: boolean;
  settings: IndicatorSettings;
}

/**
 * The requested points as published with suppression: the indicator is computed at every granularity
 * over the whole data (`full`), protected together (publication.ts), and the requested periods taken
 * from that, so that no run of the tool — at any period or range — gives away a count another run hides.
 */
function publishedPoints(
  full: ReadonlyMap<Granularity, readonly (IndicatorResult | Error)[]>,
  at: number,
  result: Extract<IndicatorResult, { status: 'ok' }>,
): (PublishedCell | undefined)[] {
  const series = new Map<string, IndicatorPoint[]>();
  for (const results of full.values()) {
    const run = results[at];
    if (run instanceof Error) throw run;
    if (run?.status === 'ok') series.set(run.granularity, run.points);
  }
  const protectedSeries = protectSeries(series, result.indicator.unit);
  const wanted = series.get(result.granularity) ?? [];
  const cells = protectedSeries.get(result.granularity) ?? [];
  const byStart = new Map(wanted.map((p, i) => [p.periodStart, cells[i]]));
  return result.points.map((p) => byStart.get(p.periodStart));
}

/** Every indicator over the whole data at each granularity published together (one statement per area each). */
async function publishableRuns(engine: Engine, prepared: PreparedState) {
  const full = new Map<Granularity, (IndicatorResult | Error)[]>();
  for (const granularity of PUBLISHABLE_WITH_SUPPRESSION) {
    full.set(granularity, await runIndicators(engine, prepared, INDICATORS, { granularity }));
  }
  return full;
}

/** Every computable indicator per period, with SPC point types and (optionally) suppression. */
export async function buildIndicatorsReport(engine: Engine, options: ReportOptions): Promise<IndicatorsReport> {
  const prepared = await prepareIndicators(engine, options.settings);
  const report: IndicatorsReport = {
    period: options.granularity,
    from: options.from ?? null,
    to: options.to ?? null,
    suppressed: options.suppress,
    indicators: [],
    notComputed: [],
  };
  const { granularity, from, to } = options;
  const full = options.suppress ? await publishableRuns(engine, prepared) : null;
  // Over the whole data at a published granularity, the report is one of those runs already.
  const whole = from === undefined && to === undefined ? full?.get(granularity) : undefined;
  const results = whole ?? (await runIndicators(engine, prepared, INDICATORS, { granularity, from, to }));
  for (const [at, indicator] of INDICATORS.entries()) {
    const result = results[at];
    if (result instanceof Error || result === undefined) throw result ?? new Error(`${indicator.id} was not run`);
    if (result.status !== 'ok') {
      report.notComputed.push({ id: indicator.id, title: indicator.title, missingDatasets: result.missingDatasets });
      continue;
    }
    const spc = indicatorSpc(indicator, result, { warmUp: warmUpOf(indicator, prepared) });
    const published = full && countsAboutChildren(indicator) ? publishedPoints(full, at, result) : null;
    report.indicators.push({
      id: indicator.id,
      family: indicator.family,
      title: indicator.title,
      unit: indicator.unit,
      direction: indicator.direction,
      reportDate: result.reportDate,
      granularity: result.granularity,
      spcChart: spc.chart,
      points: result.points.map((p, i) => {
        const cell = published?.[i];
        const suppressed = cell?.suppressed ?? false;
        return {
          periodLabel: p.label,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          effectiveEnd: p.effectiveEnd,
          partial: p.partial,
          numerator: cell ? cell.numerator : p.numerator,
          denominator: cell ? cell.denominator : p.denominator,
          value: cell ? cell.value : p.value,
          suppressed,
          // A point type could hint at a hidden value, so it goes with it.
          spcPointType: suppressed ? null : (spc.points[i]?.type ?? null),
        };
      }),
    });
  }
  return report;
}

const CSV_HEADER = [
  'indicator_id',
  'title',
  'unit',
  'period_label',
  'period_start',
  'period_end',
  'effective_end',
  'partial',
  'numerator',
  'denominator',
  'value',
  'suppressed',
  'spc_point_type',
];

/**
 * A value in the CSV. Published (`--suppress`) output follows the DfE symbols: `c` suppressed, `x` not
 * available, `z` not applicable (a rate over nothing), values to 1 decimal place. Otherwise empty for
 * none, and 3 decimal places.
 */
function csvValue(p: ReportPoint, published: boolean): string {
  if (typeof p.value === 'string') return p.value;
  if (p.value === null) return published ? (p.denominator === 0 ? 'z' : 'x') : '';
  return published ? p.value.toFixed(1) : String(Math.round(p.value * 1000) / 1000);
}

/** A count in the CSV; `z` where the indicator has no such count (a count has no denominator). */
function csvCount(n: Published, published: boolean, applicable: boolean): string | number {
  if (n === null) return published ? (applicable ? 'x' : 'z') : '';
  return n;
}

export function reportToCsv(report: IndicatorsReport): string {
  const pub = report.suppressed;
  const rows = report.indicators.flatMap((indicator) =>
    indicator.points.map((p) => [
      indicator.id,
      indicator.title,
      indicator.unit,
      p.periodLabel,
      p.periodStart,
      p.periodEnd,
      p.effectiveEnd,
      p.partial ? 'Y' : 'N',
      csvCount(p.numerator, pub, indicator.unit === 'count' || indicator.unit === 'percent'),
      csvCount(p.denominator, pub, indicator.unit !== 'count'),
      csvValue(p, pub),
      p.suppressed ? 'Y' : 'N',
      p.spcPointType ?? '',
    ]),
  );
  return csvText([CSV_HEADER, ...rows]);
}

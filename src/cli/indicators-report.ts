import { type FigurePoint, type PackFigures, publishEverything, publishedSeries } from '../board/pack-figures';
import { asFigurePoint, countMarker, publishedSpc, valueMarker } from '../board/publish';
import type { Engine } from '../engine/engine';
import { countsAboutChildren } from '../indicators/disclosure-scope';
import type { Direction, IndicatorFamily, Unit } from '../indicators/indicator-definition';
import { indicatorSpc, warmUpOf } from '../indicators/indicator-spc';
import type { Granularity } from '../indicators/periods';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { INDICATORS } from '../indicators/registry';
import { effectiveGranularity, type IndicatorResult, runIndicators } from '../indicators/run-indicator';
import type { IndicatorSettings } from '../indicators/settings';
import type { PointType } from '../indicators/spc';
import { type Published, SUPPRESSED } from '../indicators/suppression';
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

/** An indicator's requested points as published, by period; null when its counts are not protected. */
function publishedPoints(figures: PackFigures, result: Extract<IndicatorResult, { status: 'ok' }>) {
  if (!countsAboutChildren(result.indicator)) return null;
  const byStart = publishedSeries(figures, result.indicator.id, result.granularity);
  return result.points.map((p) => byStart.get(p.periodStart));
}

/**
 * Each indicator over the whole data at a granularity, taken from what was published: the statements
 * need not run twice. A hidden count is null here, and is written from the published point anyway.
 */
function wholeDataResults(figures: PackFigures, granularity: Granularity): IndicatorResult[] {
  return INDICATORS.map((indicator): IndicatorResult => {
    const outcome = figures.indicators.get(indicator.id);
    if (!outcome) throw new Error(`${indicator.id} was not published`);
    if (outcome.status !== 'ok') return outcome;
    const shown = effectiveGranularity(indicator, granularity);
    const points = outcome.published.get(shown);
    if (!points) throw new Error(`${indicator.id} was not published by ${shown}`);
    return { status: 'ok', indicator, reportDate: outcome.reportDate, granularity: shown, points, ignoredFilters: [] };
  });
}

/** A published point's counts and value, with the DfE's `c` where hidden. */
function publishedCounts(point: FigurePoint): Pick<ReportPoint, 'numerator' | 'denominator' | 'value'> {
  return {
    numerator: point.numeratorHidden ? SUPPRESSED : point.numerator,
    denominator: point.denominatorHidden ? SUPPRESSED : point.denominator,
    value: point.suppressed ? SUPPRESSED : point.value,
  };
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
  const figures = options.suppress ? await publishEverything(engine, prepared, granularity) : null;
  // Over the whole data, the published figures already hold every indicator's series at this granularity.
  const results =
    figures && from === undefined && to === undefined
      ? wholeDataResults(figures, granularity)
      : await runIndicators(engine, prepared, INDICATORS, { granularity, from, to });
  for (const [at, indicator] of INDICATORS.entries()) {
    const result = results[at];
    if (result instanceof Error || result === undefined) throw result ?? new Error(`${indicator.id} was not run`);
    if (result.status !== 'ok') {
      report.notComputed.push({ id: indicator.id, title: indicator.title, missingDatasets: result.missingDatasets });
      continue;
    }
    const published = figures ? publishedPoints(figures, result) : null;
    // SPC from the published values only (as on every published chart): a mean or a limit drawn
    // from a hidden count would give it away.
    const warmUp = warmUpOf(indicator, prepared);
    // As on every published chart, SPC is drawn from the published values only.
    const spc = published
      ? publishedSpc(
          indicator,
          result.granularity,
          result.points.map((p, i) => published[i] ?? asFigurePoint(p)),
          { warmUp },
        )
      : indicatorSpc(indicator, result, { warmUp });
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
          ...(cell ? publishedCounts(cell) : { numerator: p.numerator, denominator: p.denominator, value: p.value }),
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
  if (!published) return p.value === null ? '' : String(Math.round(Number(p.value) * 1000) / 1000);
  const marker = valueMarker({
    value: typeof p.value === 'number' ? p.value : null,
    suppressed: p.suppressed,
    denominator: typeof p.denominator === 'number' ? p.denominator : null,
  });
  return marker ?? Number(p.value).toFixed(1);
}

/** A count in the CSV; `z` where the indicator has no such count (a count has no denominator). */
function csvCount(n: Published, published: boolean, applicable: boolean): string | number {
  if (!published) return n ?? '';
  return countMarker(typeof n === 'number' ? n : null, n === SUPPRESSED, applicable) ?? Number(n);
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

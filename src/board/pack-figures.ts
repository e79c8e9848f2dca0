import { choiceLabel, comparisonSentence } from '../benchmarks/comparison-words';
import { knownDirection } from '../benchmarks/directions';
import { choiceScale, type MeasureScale } from '../benchmarks/measure-scale';
import {
  type ComparisonPoint,
  compareAuthority,
  type Direction,
  publishedAuthorities,
  publishedMeasures,
} from '../benchmarks/published-store';
import type { Engine } from '../engine/engine';
import { countsProtected } from '../indicators/disclosure-scope';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { type ChangePoint, type indicatorSpc, type WarmUpSpan, warmUpOf } from '../indicators/indicator-spc';
import { JointPublication } from '../indicators/joint-disclosure';
import { narrative, trendPhrase, unjudged, yearOnYear } from '../indicators/narrative';
import type { Granularity } from '../indicators/periods';
import type { PreparedState } from '../indicators/prepare-indicators';
import {
  type PublishedCell,
  publishSeries,
  ROLLING_NOT_PUBLISHABLE,
  type SeriesProblem,
  seriesProblem,
  spanOf,
} from '../indicators/publication';
import { getFamily, INDICATORS } from '../indicators/registry';
import { effectiveGranularity, type IndicatorPoint, runIndicator } from '../indicators/run-indicator';
import type { TargetSpec } from '../indicators/trajectory';
import { shownFileName } from '../shared/file-name';
import { type BenchmarkItem, benchmarkKey } from './benchmark-item';
import { addTable, compositionRelations, publishTable, type TableDraft, type TableFigures } from './pack-tables';
import { PACK_VIEWS, type PackGranularity, type PackViewId, packViewTables, type TimelineFigures } from './pack-views';
import { type FigurePoint, publishedSpc } from './publish';

/**
 * Every figure a board pack (or yearly report) shows, computed once and — with suppression on —
 * protected together: the series of each indicator at months, quarters and years, and every table of
 * every view, as one disclosure problem (joint-disclosure.ts). Charts, tables, narratives, the summary,
 * the slides, the PDF and the PowerPoint all read these figures and nothing else, so what one hides no
 * other shows. SPC and narratives are worked out from the published values only: a mean or a limit
 * drawn from a hidden count would give it away.
 */

export type { FigurePoint };

export interface IndicatorFigures {
  status: 'ok';
  indicator: IndicatorDefinition;
  granularity: Granularity;
  points: FigurePoint[];
  spc: ReturnType<typeof indicatorSpc>;
  /** The latest complete period with a value (a lagged cohort's latest followed-up one), or -1. */
  latestIndex: number;
  target: number | null;
  narrative: string;
  /** The judgement in a few words, for the summary table. */
  trend: string;
  /** The indicator's warm-up for the data loaded, whether or not it falls on this chart (for other periods). */
  warmUpSpan: WarmUpSpan | null;
  /** For a yearly report's row: the latest figure against the one before, judged only where it can be. */
  yearOnYear: string;
  /** Whether no judgement of change can be made (too few periods or cases, still filling), said once in a report. */
  unjudged: boolean;
  reportDate: string;
  /**
   * The series as published at each granularity computed (all three with suppression on, else the
   * one shown): what an area page's download at its own granularity takes, hidden counts and all.
   */
  published: ReadonlyMap<Granularity, FigurePoint[]>;
}

export interface BenchmarkFigures {
  laName: string;
  /** The measure's name in words (its metadata label, the known name, or its column name in words). */
  label: string;
  /** A count is drawn on its own scale and never ranked (measure-scale.ts). */
  scale: MeasureScale;
  direction: Direction;
  points: ComparisonPoint[];
  sentence: string;
}

export type { BenchmarkItem };

export type IndicatorOutcome =
  | IndicatorFigures
  | { status: 'missing_data'; indicator: IndicatorDefinition; missingDatasets: string[] };

export interface PackRequest {
  indicators: readonly IndicatorDefinition[];
  views: readonly PackViewId[];
  granularity: PackGranularity;
  /** Show periods up to the one containing this date (default: everything to the report date). */
  to?: string;
  suppress: boolean;
  targets: Readonly<Record<string, TargetSpec>>;
  changesFor: (id: string) => readonly ChangePoint[];
  minDenominatorFor: (id: string) => number | null;
  /** Limits fixed after the first N points, per indicator (none when absent). */
  fixAfterFor?: (id: string) => number | null;
  /**
   * Serious incident and rapid review counts shown as they are, small or not, as the partnership has
   * chosen (most yearly reports publish them); every other count about children is still protected.
   */
  reviewCountsShown?: boolean;
  /** Published-statistics comparisons to show, for our local authority (published figures: no suppression). */
  benchmarks?: { la: string | null; neighbours?: readonly string[]; items: readonly BenchmarkItem[] };
}

export interface PackFigures {
  suppressed: boolean;
  /** Practice review counts are shown as they are, by the partnership's choice (PackRequest). */
  reviewCountsShown: boolean;
  granularity: PackGranularity;
  indicators: Map<string, IndicatorOutcome>;
  tables: Map<PackViewId, TableFigures>;
  timeline: TimelineFigures | null;
  /** How many counts are hidden across the pack (primary and secondary). */
  hiddenCells: number;
  /** Each comparison by `benchmarkKey`, or why it cannot be shown. */
  benchmarks: Map<string, BenchmarkFigures | { missing: string }>;
}

/** The granularity an indicator is shown at in a pack: a yearly-cycle area always by year. */
export function packGranularity(indicator: IndicatorDefinition, granularity: PackGranularity): Granularity {
  return effectiveGranularity(indicator, getFamily(indicator.family).yearlyCycle ? 'year' : granularity);
}

interface IndicatorRun {
  indicator: IndicatorDefinition;
  shown: Granularity;
  reportDate: string;
  series: Map<string, IndicatorPoint[]>;
  problem: SeriesProblem | null;
  offsets: { numerators: number; denominators: number } | null;
  /** The dates of each of the problem's cells (clipped to the start of the data). */
  spans: string[];
}

/** An indicator at the granularities published together (all three with suppression, else the one shown). */
async function runSeries(
  engine: Engine,
  prepared: PreparedState,
  indicator: IndicatorDefinition,
  request: PackRequest,
): Promise<IndicatorRun | IndicatorOutcome> {
  const shown = packGranularity(indicator, request.granularity);
  const wanted: Granularity[] = request.suppress
    ? [...new Set(['month', 'quarter', 'year'].map((g) => effectiveGranularity(indicator, g as Granularity)))]
    : [shown];
  const series = new Map<string, IndicatorPoint[]>();
  let reportDate = '';
  for (const granularity of wanted) {
    const result = await runIndicator(engine, prepared, indicator, { granularity, to: request.to });
    if (result.status !== 'ok') return { status: 'missing_data', indicator, missingDatasets: result.missingDatasets };
    series.set(result.granularity, result.points);
    reportDate = result.reportDate;
  }
  return { indicator, shown, reportDate, series, problem: null, offsets: null, spans: [] };
}

/** The earliest date of an area's data: a period starting before it covers the same records as from it. */
function clipSpan(span: string, first: string | null): string {
  const [start = '', end = ''] = span.split('|');
  return first && start < first ? `${first}|${end}` : span;
}

function addSeries(joint: JointPublication, run: IndicatorRun, first: string | null) {
  const problem = seriesProblem(run.series, run.indicator.unit);
  const source = joint.item(run.indicator.datasets);
  const spans = problem.cells.map((c) => clipSpan(spanOf(c.point), first));
  const numerators = problem.countsNumerator
    ? joint.add(source, problem.numerators.values, spans, problem.numerators.relations)
    : -1;
  const denominators = joint.add(source, problem.denominators.values, spans, problem.denominators.relations);
  // A percentage's count is part of what it is out of: "7 of c" would bound the hidden count.
  if (numerators >= 0 && run.indicator.unit === 'percent') {
    problem.cells.forEach((_, i) => {
      joint.within(numerators + i, denominators + i);
    });
  }
  run.problem = problem;
  run.offsets = { numerators, denominators };
  run.spans = spans;
}

/** An indicator's count (global cell) by measure and dates, among the indicators of the pack. */
function countFinder(runs: readonly IndicatorRun[]) {
  const cells = new Map<string, number>();
  for (const run of runs) {
    if (!run.offsets) continue;
    for (const measure of ['numerator', 'denominator'] as const) {
      const offset = measure === 'numerator' ? run.offsets.numerators : run.offsets.denominators;
      if (offset < 0) continue;
      run.spans.forEach((span, i) => {
        const key = `${run.indicator.id}|${measure}|${span}`;
        if (!cells.has(key)) cells.set(key, offset + i);
      });
    }
  }
  return (indicator: string, measure: 'numerator' | 'denominator', span: string) =>
    cells.get(`${indicator}|${measure}|${span}`);
}

function hiddenSlice(hidden: readonly boolean[], offset: number, length: number): boolean[] {
  return offset < 0 ? new Array<boolean>(length).fill(false) : hidden.slice(offset, offset + length);
}

/** Every series of a run as published: hidden counts taken out, every other figure as computed. */
function publishedPoints(run: IndicatorRun, hidden: readonly boolean[] | null): Map<Granularity, FigurePoint[]> {
  let published = new Map<string, PublishedCell[]>();
  if (hidden && run.problem && run.offsets) {
    const n = run.problem.cells.length;
    published = publishSeries(
      run.problem,
      hiddenSlice(hidden, run.offsets.numerators, n),
      hiddenSlice(hidden, run.offsets.denominators, n),
    );
  }
  const out = new Map<Granularity, FigurePoint[]>();
  for (const [granularity, points] of run.series) {
    out.set(granularity as Granularity, asFigures(points, published.get(granularity) ?? []));
  }
  return out;
}

function asFigures(points: readonly IndicatorPoint[], cells: readonly (PublishedCell | undefined)[]): FigurePoint[] {
  return points.map((p, i) => {
    const cell = cells[i];
    const numeratorHidden = cell?.numerator === 'c';
    const denominatorHidden = cell?.denominator === 'c';
    const suppressed = cell?.suppressed ?? false;
    return {
      label: p.label,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      effectiveEnd: p.effectiveEnd,
      partial: p.partial,
      value: suppressed ? null : p.value,
      numerator: numeratorHidden ? null : p.numerator,
      denominator: denominatorHidden ? null : p.denominator,
      suppressed,
      numeratorHidden,
      denominatorHidden,
    };
  });
}

/** What an indicator's figures are worked out from: its published points and the partnership's choices. */
interface DescribeOptions {
  target: TargetSpec | null;
  changes: readonly ChangePoint[];
  minDenominator: number | null;
  warmUp: WarmUpSpan | null;
  fixAfter?: number | null;
}

/**
 * SPC, the latest complete period and the words, from the published points only: a mean or a limit
 * drawn from a hidden count would give it away. One computation for a pack's indicator and for an item
 * shown at its own periods (item-figures.ts).
 */
export function describePoints(
  indicator: IndicatorDefinition,
  granularity: Granularity,
  points: FigurePoint[],
  options: DescribeOptions,
): Pick<
  IndicatorFigures,
  'granularity' | 'points' | 'spc' | 'latestIndex' | 'target' | 'narrative' | 'trend' | 'yearOnYear' | 'unjudged'
> {
  const spc = publishedSpc(indicator, granularity, points, options);
  // The latest finished period: for a lagged cohort, the latest one already followed up.
  const latestIndex = points.findLastIndex((p) => !p.partial && (p.value !== null || p.suppressed));
  // The target in force at that period (a trajectory's step there), even when its figure is hidden.
  const target = spc.target?.line[latestIndex] ?? null;
  const latest = points[latestIndex];
  const before = points[latestIndex - 1];
  const words = { indicator, granularity, latest, latestIndex, spc, target, suppressed: latest?.suppressed ?? false };
  return {
    granularity,
    points,
    spc,
    latestIndex,
    target,
    narrative: narrative(words),
    trend: trendPhrase(words),
    yearOnYear: yearOnYear(words, before, before?.suppressed ?? false),
    unjudged: unjudged(words),
  };
}

function describe(
  run: IndicatorRun,
  published: Map<Granularity, FigurePoint[]>,
  request: PackRequest,
  prepared: PreparedState,
): IndicatorFigures {
  const { indicator } = run;
  const warmUpSpan = warmUpOf(indicator, prepared);
  const described = describePoints(indicator, run.shown, published.get(run.shown) ?? [], {
    target: request.targets[indicator.id] ?? null,
    changes: request.changesFor(indicator.id),
    minDenominator: request.minDenominatorFor(indicator.id),
    fixAfter: request.fixAfterFor?.(indicator.id) ?? null,
    warmUp: warmUpSpan,
  });
  return { status: 'ok', indicator, reportDate: run.reportDate, published, warmUpSpan, ...described };
}

/** Every comparison a pack shows, for our local authority. */
async function benchmarkFigures(
  engine: Engine,
  request: PackRequest['benchmarks'],
): Promise<PackFigures['benchmarks']> {
  const out: PackFigures['benchmarks'] = new Map();
  if (!request || request.items.length === 0) return out;
  const measures = await publishedMeasures(engine);
  const authority = (await publishedAuthorities(engine)).find(
    (a) => request.la !== null && (a.old_la_code === request.la || a.new_la_code === request.la),
  );
  for (const item of request.items) {
    const key = benchmarkKey(item);
    const choice = measures.find(
      (m) => m.file_name === item.file && m.measure === item.measure && m.filters === item.filters,
    );
    if (!authority || !choice) {
      out.set(key, {
        missing: !authority
          ? 'Choose our local authority on the Published statistics page.'
          : `Load ${shownFileName(item.file)} (published statistics) to show this comparison.`,
      });
      continue;
    }
    const scale = choiceScale(choice);
    const direction = scale === 'count' ? 'neutral' : knownDirection(item.measure).direction;
    const label = choiceLabel(choice);
    const la = authority.new_la_code || authority.old_la_code || '';
    const points = await compareAuthority(engine, {
      fileId: choice.file_id,
      measure: item.measure,
      filters: item.filters,
      la,
      direction,
      neighbours: request.neighbours,
    });
    const latest = points.at(-1);
    out.set(key, {
      laName: authority.la_name,
      label,
      scale,
      direction,
      points,
      sentence: latest ? comparisonSentence(authority.la_name, label, latest, direction, scale) : 'No figures.',
    });
  }
  return out;
}

/** Every figure of a pack, protected together when `request.suppress`. */
export async function packFigures(engine: Engine, prepared: PreparedState, request: PackRequest): Promise<PackFigures> {
  const joint = new JointPublication();
  const shown = request.reviewCountsShown ?? false;
  const runs: IndicatorRun[] = [];
  const indicators = new Map<string, IndicatorOutcome>();
  for (const indicator of request.indicators) {
    const run = await runSeries(engine, prepared, indicator, request);
    if ('status' in run) {
      indicators.set(indicator.id, run);
      continue;
    }
    runs.push(run);
    if (request.suppress && countsProtected(indicator, shown)) {
      addSeries(joint, run, prepared.families[indicator.family].first);
    }
  }
  const { drafts, timeline } = await packViewTables(
    engine,
    prepared,
    request.views,
    request.granularity,
    request.to,
    request.suppress,
  );
  const placed = new Map<PackViewId, { draft: TableDraft; offset: number }>();
  const cellAt = countFinder(runs);
  for (const [id, draft] of drafts) {
    const offset = request.suppress && countsProtected(draft, shown) ? addTable(joint, draft) : -1;
    if (offset >= 0) {
      for (const r of compositionRelations(draft, offset, cellAt, (cell) => joint.valueOf(cell))) joint.relate(r);
    }
    placed.set(id, { draft, offset });
  }
  const hidden = request.suppress ? joint.protect() : null;
  for (const run of runs) {
    indicators.set(run.indicator.id, describe(run, publishedPoints(run, hidden), request, prepared));
  }
  const tables = new Map<PackViewId, TableFigures>();
  for (const [id, { draft, offset }] of placed) tables.set(id, publishTable(draft, hidden, offset));
  return {
    suppressed: request.suppress,
    reviewCountsShown: request.suppress && shown,
    granularity: request.granularity,
    indicators,
    tables,
    timeline,
    hiddenCells: hidden ? hidden.filter(Boolean).length : 0,
    benchmarks: await benchmarkFigures(engine, request.benchmarks),
  };
}

/**
 * Everything the tool publishes at a granularity over the whole data, as the board pack publishes it
 * (no targets or changes: they do not alter what is hidden). Rolling periods are never published.
 */
export function publishEverything(
  engine: Engine,
  prepared: PreparedState,
  granularity: Granularity,
): Promise<PackFigures> {
  if (granularity !== 'month' && granularity !== 'quarter' && granularity !== 'year') {
    throw new Error(ROLLING_NOT_PUBLISHABLE);
  }
  return packFigures(engine, prepared, {
    indicators: INDICATORS,
    views: PACK_VIEWS,
    granularity,
    suppress: true,
    targets: {},
    changesFor: () => [],
    minDenominatorFor: () => null,
  });
}

/** An indicator's published series at a granularity, by period start (empty when not published). */
export function publishedSeries(
  figures: PackFigures,
  indicatorId: string,
  granularity: Granularity,
): ReadonlyMap<string, FigurePoint> {
  const outcome = figures.indicators.get(indicatorId);
  const points = outcome?.status === 'ok' ? (outcome.published.get(granularity) ?? []) : [];
  return new Map(points.map((p) => [p.periodStart, p]));
}

/**
 * Charts for rare events, where a count per period is mostly 0, 1 or 2 and a chart of counts cannot
 * show change: the time between events instead. Two charts, as NHS England's Making Data Count
 * guidance and PowerBI-SPC draw them:
 * - the t-chart: days between dated events, transformed by x^(1/3.6) so the skewed gaps are near enough
 *   symmetrical for an XmR chart, then the lines transformed back (x^3.6);
 * - the g-chart (Benneyan): whole days (or cases) between events, limits from the geometric
 *   distribution, the median as centre line and no lower limit.
 * Framework-free, like spc.ts, whose analysis both reuse.
 */
import type { Direction } from './indicator-definition';
import { type Granularity, PERIOD_NOUNS } from './periods';
import { analyseSpc, DEFAULT_MIN_POINTS, median, type SpcOptions, type SpcPoint, type SpcResult } from './spc';

export type RareEventChart = 't' | 'g';

export interface RareEventResult extends SpcResult {
  /**
   * Which chart. `chart` keeps its meaning from SpcResult ('xmr': process limits drawn, 'run': a run
   * chart, 'none': no gaps), so code drawing an XmR chart draws these unchanged.
   */
  kind: RareEventChart;
}

/** What may be passed on to the analysis (the direction is an argument; the limits are the chart's). */
export type RareEventOptions = Omit<SpcOptions, 'direction' | 'limits' | 'target'>;

/** The power of the t-chart's transformation (Nelson's, as NHS guidance and PowerBI-SPC use). */
export const T_CHART_POWER = 3.6;

/** Below this mean count per period, a rare-event chart is the default. */
export const RARE_EVENT_MEAN = 2;

/** When each chart is the right choice, in a sentence. */
export const RARE_EVENT_WHEN: Readonly<Record<RareEventChart, string>> = {
  t: 't-chart: when you know the date of each event. It charts the days since the event before — time, measured continuously — transformed so that its limits suit gaps that are mostly short with a few long ones.',
  g: 'g-chart: when you count whole days (or cases, or admissions) between events. Its limits come from the geometric distribution, the line is the median, and it has no lower limit.',
};

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

/** The days since the event before, for each event after the first (events on the same day: 0). */
export function daysBetween(dates: readonly string[]): { date: string; days: number }[] {
  const sorted = [...dates].sort();
  return sorted.slice(1).map((date, i) => ({
    date,
    days: Math.round(dayNumber(date) - dayNumber(sorted[i] as string)),
  }));
}

/**
 * The direction of good of the time between events, from that of the count: fewer events being better
 * means longer gaps are better. No direction stays none.
 */
export function gapDirection(countDirection: Direction): Direction {
  if (countDirection === 'neutral') return 'neutral';
  return countDirection === 'down' ? 'up' : 'down';
}

const runNote = (minPoints: number) =>
  `Run chart: fewer than ${minPoints} gaps between events, so process limits would not be reliable. The line shows the median.`;

function noteFor(kind: RareEventChart, result: SpcResult, options: RareEventOptions): string {
  if (result.chart === 'none') return 'Fewer than two events: there is no gap between events to chart.';
  if (result.chart === 'run') return options.runChartBecause ?? runNote(options.minPoints ?? DEFAULT_MIN_POINTS);
  const fixed = options.fixAfter ? ` The limits are fixed after the first ${options.fixAfter} gaps.` : '';
  if (kind === 't') {
    return `t-chart: each point is the days since the event before. The gaps are transformed (x^(1/3.6)) before the XmR limits are worked out, and the lines transformed back, so that the limits suit skewed gaps; the centre line sits below the plain average gap. A point above the upper limit is an unusually long gap.${fixed}`;
  }
  return `g-chart: each point is the days between events. The line is the median; the upper limit is the mean + 3σ of a geometric distribution (σ = √(mean × (mean + 1))), and there is no lower limit, so only a run of short gaps can signal events becoming more frequent.${fixed}`;
}

/** A line of the transformed chart back in days: x^3.6, a line below zero clipped at 0. */
const back = (y: number | null) => (y === null ? null : Math.max(0, y) ** T_CHART_POWER);

/**
 * The t-chart of days between events: each gap x transformed to x^(1/3.6), an XmR analysis of those
 * (analyseSpc: 2.66, moving-range screening, the same rules and fewest points), then the centre, limits
 * and 2σ lines back-transformed (^3.6), lower ones clipped at 0. Points keep their raw days; as the
 * transformation keeps the order of values, the rules read on the transformed gaps hold for the raw.
 * `direction` is the direction of good of the gaps (gapDirection of the count's).
 */
export function tChart(
  values: readonly number[],
  direction: Direction,
  options: RareEventOptions = {},
): RareEventResult {
  const transformed = values.map((x) => x ** (1 / T_CHART_POWER));
  const result = analyseSpc(transformed, { ...options, direction });
  // A run chart's line is the median gap itself (the transformation keeps order, but the mean of the
  // middle two transformed gaps is not their median in days).
  const runMedian = result.chart === 'run' && values.length > 0 ? median(values) : null;
  const points = result.points.map(
    (p, i): SpcPoint => ({
      ...p,
      value: values[i] ?? null,
      centre: runMedian ?? back(p.centre),
      upperLimit: back(p.upperLimit),
      lowerLimit: back(p.lowerLimit),
      upperNear: back(p.upperNear),
      lowerNear: back(p.lowerNear),
    }),
  );
  const centreLabel = result.chart === 'xmr' ? 'Centre line' : undefined;
  return { ...result, points, kind: 't', note: noteFor('t', result, options), centreLabel };
}

/**
 * Benneyan's g-chart as PowerBI-SPC computes it: ḡ the mean gap, σ = √(ḡ(ḡ + 1)), upper limit ḡ + 3σ,
 * upper 2σ line ḡ + 2σ, lower limit 0; the centre line, and the rules' reference, the median.
 * `direction` is the direction of good of the gaps (gapDirection of the count's).
 */
export function gChart(
  values: readonly number[],
  direction: Direction,
  options: RareEventOptions = {},
): RareEventResult {
  const result = analyseSpc(values, { ...options, direction, limits: 'geometric' });
  return { ...result, kind: 'g', note: noteFor('g', result, options), centreLabel: 'Median' };
}

/**
 * The chart of the gaps between dated events: the days between them, charted as `kind`, judged by the
 * direction of good of the count (reversed for gaps by gapDirection). Each point's date is its event's.
 */
export function eventGapChart(
  dates: readonly string[],
  countDirection: Direction,
  kind: RareEventChart = 't',
  options: RareEventOptions = {},
): { gaps: { date: string; days: number }[]; result: RareEventResult } {
  const gaps = daysBetween(dates);
  const chart = kind === 't' ? tChart : gChart;
  return {
    gaps,
    result: chart(
      gaps.map((g) => g.days),
      gapDirection(countDirection),
      options,
    ),
  };
}

/** The mean count per whole period (an unfinished one left out); null without one. */
export function meanPerPeriod(points: readonly { value: number | null; partial: boolean }[]): number | null {
  const counts = points.flatMap((p) => (p.partial || p.value === null ? [] : [p.value]));
  return counts.length === 0 ? null : counts.reduce((a, b) => a + b, 0) / counts.length;
}

export interface RareEventChoice {
  /** True when the mean count is below RARE_EVENT_MEAN a period: default to a rare-event chart. */
  rare: boolean;
  /** The chart to default to (the t-chart, as each event's date is known), or null for a chart of counts. */
  chart: RareEventChart | null;
  /** Why, in a sentence a board member reads beside the chart. */
  reason: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
/** One decimal place, without a trailing ".0" (1.4, 2, 0.3). */
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/**
 * Whether to default to a rare-event chart, and the sentence saying why: "Serious incident
 * notifications average 1.4 a quarter: too few for a chart of counts to show change, so this shows the
 * days between them (t-chart)." `noun` is the events, plural ("serious incident notifications").
 */
export function rareEventChoice(meanCount: number, words: { noun: string; granularity: Granularity }): RareEventChoice {
  const period = PERIOD_NOUNS[words.granularity].one;
  const average = `${capitalised(words.noun)} average ${oneDecimal(meanCount)} ${article(period)} ${period}`;
  if (meanCount < RARE_EVENT_MEAN) {
    return {
      rare: true,
      chart: 't',
      reason: `${average}: too few for a chart of counts to show change, so this shows the days between them (t-chart).`,
    };
  }
  return { rare: false, chart: null, reason: `${average}: enough for a chart of counts to show change.` };
}

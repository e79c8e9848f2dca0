import { countText, formatValue } from '../shared/format';
import type { IndicatorDefinition } from './indicator-definition';
import { formatLongDate } from './periods';
import { ASSURANCE_LABELS, centreName, POINT_TYPE_LABELS, type SpcPoint, type SpcResult } from './spc';

/**
 * An SPC chart in words, for those who cannot see it or would rather not: each period as a screen
 * reader announces it when the chart is moved through by keyboard, the chart summed up above it, and
 * where its signals are (special-cause runs, marked changes) for Page Up / Page Down.
 */

export interface WordsPoint {
  label: string;
  partial: boolean;
  value: number | null;
  /** Hidden to protect small numbers (a published figure shown as c). */
  suppressed?: boolean;
  numerator?: number | null;
  denominator?: number | null;
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? 'th'}`;
};

/** How many points, up to and including `i`, in the same phase, satisfy `same` one after another. */
function runLength(
  points: readonly SpcPoint[],
  i: number,
  same: (p: SpcPoint, before: SpcPoint | undefined) => boolean,
) {
  let n = 0;
  for (let k = i; k >= 0; k -= 1) {
    const p = points[k] as SpcPoint;
    if (p.phase !== points[i]?.phase || !same(p, points[k - 1])) break;
    n += 1;
  }
  return n;
}

/** The rule that made a point special cause, in words: "7th point in a run below the mean". */
export function ruleWords(points: readonly SpcPoint[], i: number, centre = 'mean'): string | null {
  const p = points[i];
  if (!p || p.value === null || p.centre === null || !p.decidedBy) return null;
  const above = p.value > p.centre;
  switch (p.decidedBy) {
    case 'outside_limits':
      return above ? 'above the upper process limit' : 'below the lower process limit';
    case 'two_of_three':
      return `2 of 3 points close to the ${above ? 'upper' : 'lower'} process limit`;
    case 'shift': {
      const side = (q: SpcPoint) =>
        q.value !== null && q.centre !== null && q.value > q.centre === above && q.value !== q.centre;
      return `${ordinal(runLength(points, i, side))} point in a run ${above ? 'above' : 'below'} the ${centre}`;
    }
    case 'trend': {
      const rising = (points[i - 1]?.value ?? p.value) < p.value;
      const step = (q: SpcPoint, before: SpcPoint | undefined) =>
        q.value !== null &&
        before?.value !== null &&
        before !== undefined &&
        (rising ? q.value > before.value : q.value < before.value);
      return `${ordinal(runLength(points, i, step) + 1)} point in a run of ${rising ? 'rising' : 'falling'} values`;
    }
  }
}

/** A point's variation in words, with the rule for a special cause; why none for an unjudged one. */
function variationWords(points: readonly SpcPoint[], i: number, partial: boolean, centre: string): string {
  const s = points[i];
  if (!s || s.value === null) return 'No value.';
  if (partial || s.excluded) return 'Not judged: the period is not finished.';
  if (!s.type) return 'Not judged: too few points for process limits.';
  const rule = ruleWords(points, i, centre);
  return `${POINT_TYPE_LABELS[s.type]}${rule ? ` — ${rule}` : ''}.`;
}

/** An event on a chart, as its words say it. */
export interface WordsEvent {
  date: string;
  title: string;
}

const eventWords = (events: readonly WordsEvent[]) =>
  events.map((e) => `Event: ${e.title}, ${formatLongDate(e.date)}.`).join(' ');

/**
 * One period as announced: "2024-25 Q3: 59.4%, 246 of 414. Common cause variation.", then the
 * events in it ("Event: New front door opened, 1 October 2024.").
 */
export function pointWords(
  indicator: Pick<IndicatorDefinition, 'unit'>,
  points: readonly WordsPoint[],
  spc: Pick<SpcResult, 'points' | 'target' | 'chart' | 'centreLabel'>,
  i: number,
  events: ReadonlyMap<number, readonly WordsEvent[]> = new Map(),
): string {
  const p = points[i];
  if (!p) return '';
  // A trajectory's step is said at each period; one target for all is said once, in the summary.
  const target = spc.target?.trajectory ? spc.target.line[i] : null;
  const against = target === null || target === undefined ? '' : ` Target ${formatValue(target, indicator.unit)}.`;
  const count = countText(p, indicator.unit);
  const label = `${p.label}${p.partial ? ' (to date)' : ''}`;
  const value = p.suppressed
    ? 'hidden (c) to protect small numbers'
    : p.value === null
      ? 'no value'
      : `${formatValue(p.value, indicator.unit)}${count ? `, ${count}` : ''}`;
  const happened = events.get(i) ?? [];
  const said = happened.length > 0 ? ` ${eventWords(happened)}` : '';
  return `${label}: ${value}. ${variationWords(spc.points, i, p.partial, centreName(spc).toLowerCase())}${against}${said}`;
}

interface Signal {
  start: number;
  end: number;
  words: string;
}

/** The chart's special-cause runs: consecutive points of one type, with the rule that started each. */
export function signalRuns(
  spc: Pick<SpcResult, 'points' | 'chart' | 'centreLabel'>,
  points: readonly WordsPoint[],
): Signal[] {
  const runs: Signal[] = [];
  spc.points.forEach((s, i) => {
    if (!s.type || s.type === 'common_cause') return;
    const last = runs.at(-1);
    if (last && last.end === i - 1 && spc.points[last.start]?.type === s.type) {
      last.end = i;
      return;
    }
    runs.push({
      start: i,
      end: i,
      words: `${POINT_TYPE_LABELS[s.type]} (${ruleWords(spc.points, i, centreName(spc).toLowerCase()) ?? 'a signal'})`,
    });
  });
  return runs.map((r) => ({
    ...r,
    words: `${r.words}, ${r.start === r.end ? `in ${points[r.start]?.label}` : `from ${points[r.start]?.label} to ${points[r.end]?.label}`}`,
  }));
}

/** Where Page Up / Page Down stop: the start of each signal, each marked change and each event, in order. */
export function signalStops(
  spc: Pick<SpcResult, 'points' | 'chart' | 'centreLabel'>,
  points: readonly WordsPoint[],
  changes: readonly { index: number }[],
  events: ReadonlyMap<number, readonly WordsEvent[]> = new Map(),
): number[] {
  const stops = [...signalRuns(spc, points).map((r) => r.start), ...changes.map((c) => c.index), ...events.keys()];
  return [...new Set(stops)].sort((a, b) => a - b);
}

/**
 * The target and the process's assurance against it: "Target 60.0%: will consistently miss the target."
 * A trajectory is judged at the latest period, against the step in force there, and says so.
 */
function targetWords(
  indicator: Pick<IndicatorDefinition, 'unit'>,
  spc: Pick<SpcResult, 'assurance' | 'target'>,
  latestLabel: string,
): string {
  const target = spc.target;
  if (!target) return '';
  const assurance = spc.assurance ? ASSURANCE_LABELS[spc.assurance].toLowerCase() : 'not judged against it yet';
  if (!target.trajectory) return `Target ${formatValue(target.latest, indicator.unit)}: ${assurance}.`;
  if (target.latest === null) return `Target trajectory: no step in force at ${latestLabel} yet.`;
  return `Target trajectory: ${formatValue(target.latest, indicator.unit)} at ${latestLabel}, judged against the process limits: ${assurance}.`;
}

/**
 * The chart summed up, above it: the latest complete period with its count, its variation and the
 * target's assurance in words, the signals (the last three) with their rule and when, and the changes.
 */
export function chartSummary(
  indicator: Pick<IndicatorDefinition, 'unit'>,
  points: readonly WordsPoint[],
  spc: Pick<SpcResult, 'points' | 'chart' | 'assurance' | 'fixedAfter' | 'target' | 'centreLabel'>,
  changes: readonly { index: number; label: string }[] = [],
  events: ReadonlyMap<number, readonly WordsEvent[]> = new Map(),
): string {
  const latestIndex = points.findLastIndex((p) => !p.partial && p.value !== null);
  if (latestIndex < 0) return 'No complete period with a value yet.';
  const parts = [`Latest: ${pointWords(indicator, points, { ...spc, target: null }, latestIndex)}`];
  if (spc.chart === 'run') parts.push('Too few points for process limits: drawn as a run chart around the median.');
  const latest = spc.points[latestIndex];
  if (
    spc.chart === 'xmr' &&
    latest?.centre !== null &&
    latest?.lowerLimit !== null &&
    latest?.upperLimit !== null &&
    latest
  ) {
    const f = (v: number | null) => formatValue(v, indicator.unit);
    parts.push(
      `${centreName(spc)} ${f(latest.centre)}, process limits ${f(latest.lowerLimit)} to ${f(latest.upperLimit)}.`,
    );
    if (spc.fixedAfter)
      parts.push(
        `The limits are fixed after the first ${spc.fixedAfter} points; later points are judged against them.`,
      );
  }
  if (spc.target) parts.push(targetWords(indicator, spc, points[latestIndex]?.label ?? ''));
  const runs = signalRuns(spc, points);
  parts.push(
    runs.length === 0
      ? 'No special-cause signals.'
      : `Signals: ${runs
          .slice(-3)
          .map((r) => r.words)
          .join('; ')}.${runs.length > 3 ? ` ${runs.length - 3} earlier in the table.` : ''}`,
  );
  for (const change of changes) parts.push(`Limits recalculated from ${points[change.index]?.label}: ${change.label}.`);
  const happened = [...events.entries()].sort(([a], [b]) => a - b).flatMap(([, list]) => list);
  if (happened.length > 0)
    parts.push(`Events on this chart: ${happened.map((e) => `${e.title} (${formatLongDate(e.date)})`).join('; ')}.`);
  return parts.join(' ');
}

import type { IndicatorDefinition, Unit } from './indicator-definition';
import type { IndicatorSpc } from './indicator-spc';
import { type Granularity, PERIOD_NOUNS } from './periods';

/**
 * Plain-English sentences about an indicator's latest complete period, built from its value, counts,
 * SPC variation and assurance. The rule is never to overstate: "improvement" only with special cause in
 * the improving direction, no claim of change on a run chart or on too few cases, and nothing about a
 * hidden (suppressed) figure beyond that it is hidden.
 */
export interface NarrativePoint {
  label: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface NarrativeInput {
  indicator: Pick<IndicatorDefinition, 'title' | 'unit' | 'direction'>;
  granularity: Granularity;
  /** The latest complete period (never one still running). */
  latest: NarrativePoint | undefined;
  spc: Pick<IndicatorSpc, 'chart' | 'variation' | 'assurance' | 'minDenominator' | 'points'> &
    Partial<Pick<IndicatorSpc, 'warmUp'>>;
  /** Index of `latest` in the SPC points, to read how its type was decided. */
  latestIndex: number;
  target: number | null;
  /** The latest figure is not published (small numbers). */
  suppressed: boolean;
}

const count = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A value in words with the count it rests on: "59.4% (262 of 441)", "7.0 days (median of 1,464)". */
export function valueInWords(point: NarrativePoint, unit: Unit): string {
  const v = point.value as number;
  const n = point.denominator;
  switch (unit) {
    case 'percent':
      return `${oneDecimal.format(v)}%${point.numerator !== null && n !== null ? ` (${count.format(point.numerator)} of ${count.format(n)})` : ''}`;
    case 'days':
      return `${oneDecimal.format(v)} days${n !== null ? ` (the median of ${count.format(n)})` : ''}`;
    case 'score':
      return `${oneDecimal.format(v)}${n !== null ? ` (the average of ${count.format(n)})` : ''}`;
    default:
      return count.format(v);
  }
}

function targetInWords(target: number, unit: Unit): string {
  return unit === 'percent'
    ? `${oneDecimal.format(target)}%`
    : unit === 'count'
      ? count.format(target)
      : oneDecimal.format(target);
}

function variationSentence(input: NarrativeInput): string | null {
  const { one, many } = PERIOD_NOUNS[input.granularity];
  const { spc } = input;
  if (spc.chart !== 'xmr' || spc.variation === null) return null;
  const rule = spc.points[input.latestIndex]?.decidedBy ?? null;
  const good = spc.variation === 'special_cause_improvement';
  const bad = spc.variation === 'special_cause_concern';
  if (spc.variation === 'common_cause') {
    return `This is within the range expected from recent ${many}: no sign of real change (common cause variation).`;
  }
  if (good || bad) {
    const word = good ? 'improvement' : 'deterioration';
    switch (rule) {
      case 'outside_limits':
        return `This is beyond the range expected from recent ${many}: a real ${word} (special cause).`;
      case 'trend':
        return `It is part of a run of seven or more ${many} each ${good ? 'better' : 'worse'} than the one before: a real ${word} (special cause).`;
      case 'two_of_three':
        return `Two of the last three ${many} are near the edge of the expected range: an early sign of ${word} (special cause).`;
      default:
        return `It is one of seven or more ${many} in a row on the ${good ? 'better' : 'worse'} side of the average: a sustained ${word} (special cause).`;
    }
  }
  const high = spc.variation === 'special_cause_neutral_high';
  return `This ${one} is unusually ${high ? 'high' : 'low'} compared with recent ${many} (special cause); neither higher nor lower is good in itself, so read it in context.`;
}

/** The latest period is still filling from the start of the data (the indicator's warm-up). */
function stillFilling(input: NarrativeInput): boolean {
  return (input.spc.warmUp ?? null) !== null && input.spc.points[input.latestIndex]?.excluded === true;
}

function smallNumbers(input: NarrativeInput): boolean {
  const n = input.latest?.denominator;
  return input.spc.minDenominator !== null && n !== null && n !== undefined && n < input.spc.minDenominator;
}

/** The narrative: what the figure is, whether it is changing, and whether the target will be met. */
export function narrative(input: NarrativeInput): string {
  const { indicator, latest } = input;
  const { one, many } = PERIOD_NOUNS[input.granularity];
  if (latest && input.suppressed) {
    return `${indicator.title} in ${latest.label}: not shown, because the numbers are small (1 to 5) or would let a small number be worked out.`;
  }
  if (!latest || latest.value === null) return `${indicator.title}: no complete ${one} to describe yet.`;
  const sentences = [`${indicator.title}: ${valueInWords(latest, indicator.unit)} in ${latest.label}.`];
  const warmUp = input.spc.warmUp ?? null;
  if (stillFilling(input) && warmUp) {
    sentences.push(`It is still filling from the start of the data, so no change is claimed. ${warmUp.note}`);
  } else if (smallNumbers(input)) {
    sentences.push(
      `That rests on only ${count.format(latest.denominator as number)} ${latest.denominator === 1 ? 'case' : 'cases'}, so a few cases move it a long way: no change is claimed.`,
    );
  } else {
    const variation = variationSentence(input);
    sentences.push(
      variation ??
        `There are too few ${many} (or cases) to tell real change from everyday variation, so no change is claimed.`,
    );
    // Earlier periods left unjudged shape what is judged: say so, once.
    if (warmUp) sentences.push(warmUp.note);
  }
  const { target, spc } = input;
  if (target !== null && indicator.direction !== 'neutral') {
    const t = targetInWords(target, indicator.unit);
    if (spc.chart !== 'xmr' || spc.assurance === null || smallNumbers(input) || stillFilling(input)) {
      sentences.push(`Whether the ${t} target will be met cannot be judged yet.`);
    } else if (spc.assurance === 'consistent_pass') {
      sentences.push(`The ${t} target will be met reliably if nothing changes.`);
    } else if (spc.assurance === 'consistent_fail') {
      sentences.push(`The ${t} target will not be met reliably without a change.`);
    } else {
      sentences.push(`The ${t} target will be met in some ${many} and missed in others, as things stand.`);
    }
  }
  return sentences.join(' ');
}

/** The narrative's judgement in a few words, for a summary table row ("No significant change"). */
export function trendPhrase(input: NarrativeInput): string {
  const { latest, spc } = input;
  if (latest && input.suppressed) return 'Not shown: small numbers';
  if (!latest || latest.value === null) return 'No complete period yet';
  if (stillFilling(input)) return 'Still filling: not judged';
  if (smallNumbers(input)) return 'Too few cases to judge';
  if (spc.chart !== 'xmr' || spc.variation === null)
    return spc.warmUp ? 'Too few periods since it filled' : 'Too few periods to judge';
  const rule = spc.points[input.latestIndex]?.decidedBy ?? null;
  const how =
    rule === 'outside_limits'
      ? 'beyond the expected range'
      : rule === 'trend'
        ? 'seven periods in one direction'
        : rule === 'two_of_three'
          ? 'two of three near the limit'
          : 'a run of seven on one side';
  switch (spc.variation) {
    case 'common_cause':
      return 'No significant change';
    case 'special_cause_improvement':
      return `Improving: ${how}`;
    case 'special_cause_concern':
      return `Deteriorating: ${how}`;
    case 'special_cause_neutral_high':
      return `Unusually high: ${how}`;
    default:
      return `Unusually low: ${how}`;
  }
}

/** How a figure moved since the period before, in words, from the values as shown (to 1 decimal place). */
function changeWords(latest: NarrativePoint, before: NarrativePoint | undefined, beforeHidden: boolean, unit: Unit) {
  if (beforeHidden) return `${before?.label ?? 'The year before'} is not shown (small numbers), so no change is given.`;
  if (!before || before.value === null) return 'No year before to compare with.';
  const round = (v: number) => (unit === 'count' ? Math.round(v) : Math.round(v * 10) / 10);
  const now = round(latest.value as number);
  const then = round(before.value);
  const diff = Math.abs(now - then);
  if (diff === 0) return `The same as in ${before.label}.`;
  const way = now > then ? 'Up' : 'Down';
  switch (unit) {
    case 'percent':
      return `${way} ${oneDecimal.format(diff)} percentage ${diff === 1 ? 'point' : 'points'} on ${before.label}.`;
    case 'count':
      return `${way} ${count.format(diff)}${then > 0 ? ` (${oneDecimal.format((100 * diff) / then)}%)` : ''} on ${before.label}.`;
    case 'days':
      return `${way} ${oneDecimal.format(diff)} days on ${before.label}.`;
    default:
      return `${way} ${oneDecimal.format(diff)} on ${before.label}.`;
  }
}

/**
 * A yearly report's words for a measure, beside its value and the year before's: how it moved, and a
 * judgement of change only where one can be made (enough years for process limits, not still filling,
 * enough cases). What cannot be judged is said once for the whole report, not on every row (`unjudged`).
 */
export function yearOnYear(input: NarrativeInput, before: NarrativePoint | undefined, beforeHidden: boolean): string {
  const { indicator, latest } = input;
  if (latest && input.suppressed) return 'Not shown: the numbers are small (1 to 5) or would let one be worked out.';
  if (!latest || latest.value === null) return 'No complete year to describe yet.';
  // A year still filling from the start of the data is no base to compare with (TR4's first whole
  // year is not "up" on a year whose window was half empty).
  if (stillFilling(input)) return 'Still filling from the start of the data: no change is given or judged.';
  if ((input.spc.warmUp ?? null) !== null && input.spc.points[input.latestIndex - 1]?.excluded)
    return `${before?.label ?? 'The year before'} was still filling from the start of the data, so no change is given.`;
  const sentences = [changeWords(latest, before, beforeHidden, indicator.unit)];
  if (smallNumbers(input)) sentences.push(`Only ${count.format(latest.denominator as number)} cases: not judged.`);
  else {
    const variation = variationSentence(input);
    if (variation) sentences.push(variation);
  }
  return sentences.join(' ');
}

/** Whether a measure's change can be judged at all in a report (else it is listed once as not judged). */
export function unjudged(input: NarrativeInput): boolean {
  if (input.suppressed || !input.latest || input.latest.value === null) return false;
  return stillFilling(input) || smallNumbers(input) || variationSentence(input) === null;
}

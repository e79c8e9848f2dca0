import type { Direction } from './published-store';

/**
 * The direction of good of the headline published measures, as the DfE's Local Authority Interactive
 * Tool sets them: re-referrals within 12 months and child protection plans for a second or subsequent
 * time lower; assessments within 45 working days and initial conferences within 15 working days
 * higher; plans lasting two years or more lower; referral, children-in-need and Section 47 rates have
 * none. Matched on the column name, for shares and rates only (a count depends on the size of the
 * authority, so it is never ranked as better or worse); any other measure has none until the user sets one.
 */
const RATE = /(percent|pct|rate|proportion)/i;
const KNOWN: readonly { pattern: RegExp; direction: Direction; why: string }[] = [
  { pattern: /re_?referral/i, direction: 'down', why: 're-referrals within 12 months: lower is better' },
  { pattern: /subsequent/i, direction: 'down', why: 'second or subsequent child protection plans: lower is better' },
  {
    pattern: /45_?(working_?)?days|within_?45/i,
    direction: 'up',
    why: 'assessments within 45 working days: higher is better',
  },
  {
    pattern: /icpc.*15|15_?(working_?)?days/i,
    direction: 'up',
    why: 'initial conferences within 15 working days: higher is better',
  },
  {
    pattern: /2_?years|two_?years|lasting_?2/i,
    direction: 'down',
    why: 'plans lasting two years or more: lower is better',
  },
  {
    pattern: /turnover|vacancy|agency/i,
    direction: 'down',
    why: 'social-worker turnover, vacancies and agency staff: lower is better',
  },
];

export function knownDirection(measure: string): { direction: Direction; why: string } {
  const hit = RATE.test(measure) ? KNOWN.find((k) => k.pattern.test(measure)) : undefined;
  return hit
    ? { direction: hit.direction, why: hit.why }
    : { direction: 'neutral', why: 'neither higher nor lower is better in itself' };
}

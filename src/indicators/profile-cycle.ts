import { lastCompleteEnd } from './periods';
import type { ProfileDefinition } from './profiles';
import { getFamily } from './registry';

/**
 * The date whose year a table by category covers: for an area whose returns come in yearly cycles
 * (Section 11 and 175/157: the table is by financial year), the last complete financial year by `last` — an unfinished one has a handful of returns in,
 * and the area's indicators show the last complete year beside it — unless the data has no complete one.
 */
export function cycleEnd(profile: Pick<ProfileDefinition, 'family'>, last: string, first: string | null): string {
  if (!getFamily(profile.family).yearlyCycle) return last;
  const complete = lastCompleteEnd('year', last);
  return first && complete < first ? last : complete;
}

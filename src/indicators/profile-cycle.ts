import { lastCompleteEnd } from './periods';
import type { ProfileDefinition } from './profiles';
import { getFamily } from './registry';

/**
 * The date whose year a table by category covers: for returns that come in yearly cycles (Section 11,
 * Section 175/157), the last complete cycle by `last` — an unfinished one has a handful of returns in,
 * and the area's indicators show the last complete year beside it — unless the data has no complete one.
 */
export function cycleEnd(profile: Pick<ProfileDefinition, 'family'>, last: string, first: string | null): string {
  if (!getFamily(profile.family).yearlyCycle) return last;
  const complete = lastCompleteEnd('year', last);
  return first && complete < first ? last : complete;
}

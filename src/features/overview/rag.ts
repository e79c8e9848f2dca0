import type { Direction } from '../../indicators/indicator-definition';

export type Rag = 'green' | 'amber' | 'red';

/**
 * Red / amber / green against a target: green when the target is met in the direction of good, amber
 * when missed by no more than 10 % of the target (or 1 unit for a target of 0), red otherwise. No rating
 * without a value or without a direction of good.
 */
export function ragAgainstTarget(direction: Direction, value: number | null, target: number): Rag | null {
  if (value === null || direction === 'neutral') return null;
  const shortfall = direction === 'up' ? target - value : value - target;
  if (shortfall <= 0) return 'green';
  const tolerance = target === 0 ? 1 : Math.abs(target) * 0.1;
  return shortfall <= tolerance ? 'amber' : 'red';
}

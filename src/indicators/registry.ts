import { EH1, EH2 } from './early-help-indicators';
import type { IndicatorDefinition } from './indicator-definition';

/** Every indicator the product computes. The UI, the command line and the tests all read this list. */
export const INDICATORS: readonly IndicatorDefinition[] = [EH1, EH2];

export function getIndicator(id: string): IndicatorDefinition {
  const found = INDICATORS.find((indicator) => indicator.id === id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

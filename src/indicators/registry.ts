import { AUDIT_FAMILY } from './audit-indicators';
import { CHILD_PROTECTION_FAMILY } from './child-protection-indicators';
import { EARLY_HELP_FAMILY } from './early-help-indicators';
import type { IndicatorFamilyDefinition } from './family-definition';
import type { IndicatorDefinition, IndicatorFamily } from './indicator-definition';
import { OBLIGATIONS_FAMILY } from './obligations-indicators';
import { REVIEW_FAMILY } from './review-indicators';
import { TRAINING_FAMILY } from './training-indicators';

/** Every area and its indicators. The UI, the command line and the tests all read these lists. */
export const FAMILIES: readonly IndicatorFamilyDefinition[] = [
  EARLY_HELP_FAMILY,
  TRAINING_FAMILY,
  OBLIGATIONS_FAMILY,
  AUDIT_FAMILY,
  REVIEW_FAMILY,
  CHILD_PROTECTION_FAMILY,
];

export const INDICATORS: readonly IndicatorDefinition[] = FAMILIES.flatMap((family) => family.indicators);

export function getIndicator(id: string): IndicatorDefinition {
  const found = INDICATORS.find((indicator) => indicator.id === id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

export function getFamily(id: IndicatorFamily): IndicatorFamilyDefinition {
  const found = FAMILIES.find((family) => family.id === id);
  if (!found) throw new Error(`Unknown area ${id}`);
  return found;
}

import { AGENCY_LABELS } from '../datasets/agencies';
import { AUDIT_DOMAIN_LABELS } from '../datasets/audits';
import { SOURCE_LABELS } from '../datasets/child-protection';
import { GENDER_LABELS } from '../datasets/early-help';
import { ETHNICITY_LABELS } from '../datasets/ethnicity';
import { ownValue } from '../shared/own';
import { type Dimension, NOT_MAPPED, NOT_RECORDED } from './indicator-definition';

/** Children in need census age groups, youngest first (pi_age_band writes them). */
export const AGE_BANDS = ['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'] as const;

/**
 * Agencies, the agreed multi-agency grade of a case-file audit, and the CIN census sources of contacts
 * and referrals ('2A' Schools, '6' Police): the child protection area keeps the census code as its
 * agency, so its finer health and education sources stay apart; no census code is an agency code.
 */
const AGENCY_WORDS: Readonly<Record<string, string>> = { ...AGENCY_LABELS, ...SOURCE_LABELS, MULTI: 'Multi-agency' };

/** Disability as the child protection lists record it (a yes/no flag), in words. */
export const DISABILITY_VALUES = ['Disabled', 'Not disabled'] as const;

/** Each coded dimension's values in words; the others (locality, age band) are words already. */
const LABELS: Partial<Record<Dimension, Readonly<Record<string, string>>>> = {
  agency: AGENCY_WORDS,
  gender: GENDER_LABELS,
  ethnicity: ETHNICITY_LABELS,
  domain: AUDIT_DOMAIN_LABELS,
};

/**
 * The order a dimension's values are listed in where the order means something: ages youngest first,
 * the DfE's order for gender and ethnicity, an audit's order for domains. Others go by their words.
 */
const ORDER: Partial<Record<Dimension, readonly string[]>> = {
  age_band: AGE_BANDS,
  gender: Object.keys(GENDER_LABELS),
  ethnicity: Object.keys(ETHNICITY_LABELS),
  domain: Object.keys(AUDIT_DOMAIN_LABELS),
  disability: DISABILITY_VALUES,
};

/** A dimension value as people say it: "Police" for POLICE, "White British" for WBRI. */
export function dimensionValueLabel(dimension: Dimension, value: string): string {
  const labels = LABELS[dimension];
  return (labels && ownValue(labels, value)) ?? value;
}

/** Values that say the data does not give one, listed last. */
const LAST = [NOT_MAPPED, NOT_RECORDED];

/**
 * A dimension's values in the order people expect them in a list, a legend or a table: the listed
 * order where there is one (age bands youngest first), otherwise alphabetical by their words; values
 * not in the list after, by their words; "Not mapped yet" and "Not recorded" last.
 */
export function orderDimensionValues(dimension: Dimension, values: readonly string[]): string[] {
  const listed = ORDER[dimension] ?? [];
  const rank = (value: string) => {
    const last = LAST.indexOf(value);
    if (last >= 0) return listed.length + 1 + last;
    const i = listed.indexOf(value);
    return i >= 0 ? i : listed.length;
  };
  const words = (value: string) => dimensionValueLabel(dimension, value);
  return [...values].sort((a, b) => rank(a) - rank(b) || words(a).localeCompare(words(b), 'en-GB'));
}

/** A profile's category keys (rows or columns): as a dimension's values when they are one, else as text. */
export function orderCategoryKeys(dimension: Dimension | undefined, keys: Iterable<string>): string[] {
  const unique = [...new Set(keys)];
  return dimension ? orderDimensionValues(dimension, unique) : unique.sort();
}

import { AGENCY_LABELS } from '../datasets/agencies';
import type { Dimension } from '../indicators/indicator-definition';
import { ownValue } from '../shared/own';

const GENDER_LABELS: Record<string, string> = {
  MALE: 'Male',
  FEMALE: 'Female',
  NOT_STATED: 'Not stated or recorded',
  NEITHER: 'Neither',
};

const DOMAIN_LABELS: Record<string, string> = {
  RECOGNITION: 'Recognition',
  ASSESSMENT: 'Assessment',
  PLANNING_INTERVENTION: 'Planning and intervention',
  JOINT_WORKING: 'Joint working',
  INFO_SHARING: 'Information sharing',
  VOICE_OF_CHILD: 'Voice of the child',
  TIMELINESS: 'Timeliness',
  IMPACT: 'Impact',
  OVERALL: 'Overall',
};

/** A dimension value as people say it: "Police" for POLICE, "Female" for FEMALE. */
export function dimensionValueLabel(dimension: Dimension, value: string): string {
  if (dimension === 'agency')
    return ownValue<string>(AGENCY_LABELS, value) ?? (value === 'MULTI' ? 'Multi-agency' : value);
  if (dimension === 'gender') return ownValue(GENDER_LABELS, value) ?? value;
  if (dimension === 'domain') return ownValue(DOMAIN_LABELS, value) ?? value;
  return value;
}

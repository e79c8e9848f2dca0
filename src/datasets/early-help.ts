import type { DatasetDefinition } from './dataset-definition';
import { ETHNICITIES, ETHNICITY_ALIASES, ETHNICITY_LABELS } from './ethnicity';
import { agency as agencyType } from './field-helpers';

/** Why an early help episode closed (domain.md §5.1), in words, in the order a closure chart stacks them. */
export const END_REASON_LABELS = {
  NEEDS_MET: 'Needs met',
  STEP_DOWN_UNIVERSAL: 'Stepped down to universal services',
  STEP_UP_CSC: 'Stepped up to social care',
  STEP_UP_CP: 'Stepped up to child protection',
  DISENGAGED: 'Disengaged',
  CONSENT_WITHDRAWN: 'Consent withdrawn',
  MOVED_AWAY: 'Moved away',
  TRANSFER_OTHER_SERVICE: 'Transferred to another service',
  OTHER: 'Other',
} as const;

export const EARLY_HELP_END_REASONS = Object.keys(END_REASON_LABELS) as (keyof typeof END_REASON_LABELS)[];

/** Annex A gender categories (a) Male, b) Female, c) Not stated/recorded, d) Neither). */
export const GENDER_LABELS = {
  MALE: 'Male',
  FEMALE: 'Female',
  NOT_STATED: 'Not stated or recorded',
  NEITHER: 'Neither',
} as const;

export const GENDERS = Object.keys(GENDER_LABELS) as (keyof typeof GENDER_LABELS)[];

/**
 * Early help episodes (domain.md §5.1), aligned to Ofsted Annex A List 2 and the D2I SSD table
 * `ssd_early_help_episodes`. One row per episode.
 */
export const earlyHelpEpisodes: DatasetDefinition = {
  id: 'early_help_episodes',
  about: 'children',
  title: 'Early help episodes',
  fileName: 'early_help_episodes.csv',
  description:
    'One row per early help episode: when the assessment started, when the episode ended and why, and which agency led it. Ofsted Annex A List 2 and D2I SSD extracts are recognised.',
  generatedIdField: 'episode_id',
  recordKeys: [['episode_id'], ['child_id', 'assessment_start_date']],
  dateOrder: [
    ['assessment_start_date', 'episode_end_date'],
    ['assessment_start_date', 'assessment_completion_date'],
  ],
  fields: [
    {
      name: 'episode_id',
      label: 'Episode ID',
      description: 'Unique reference of the episode. If absent, the file name and line are used.',
      type: { kind: 'text' },
      required: false,
      aliases: ['earl_episode_id', 'episode id', 'episode reference', 'eh episode id', 'early help episode id'],
      // Not in the sample's form (EH and seven digits): no sample id is shown, even as an example.
      example: 'E0001234',
    },
    {
      name: 'child_id',
      label: 'Child ID',
      description: 'Pseudonymised child identifier (Annex A "Child Unique ID").',
      type: { kind: 'text' },
      required: true,
      aliases: [
        'child unique id',
        'earl_person_id',
        'person id',
        'child identifier',
        'la child id',
        'lachildid',
        'child ref',
        'person_id',
      ],
      example: 'CH000123',
    },
    {
      name: 'request_date',
      label: 'Request date',
      description: 'Date the early help request or referral was received.',
      type: { kind: 'date' },
      required: false,
      aliases: ['date of request', 'referral date', 'date of referral', 'request received date', 'earl_request_date'],
      example: '02/05/2024',
    },
    {
      name: 'assessment_start_date',
      label: 'Assessment start date',
      description: 'Date the early help assessment started (Annex A "Assessment start date").',
      type: { kind: 'date' },
      required: true,
      aliases: [
        'assessment start date',
        'earl_episode_start_date',
        'episode start date',
        'eha start date',
        'start date',
        'date assessment started',
      ],
      example: '14/05/2024',
    },
    {
      name: 'assessment_completion_date',
      label: 'Assessment completion date',
      description: 'Date the assessment was completed (Annex A "Assessment completion date"); blank if not yet.',
      type: { kind: 'date' },
      required: false,
      aliases: [
        'assessment completion date',
        'assessment completed date',
        'date assessment completed',
        'assessment end date',
      ],
      example: '30/05/2024',
    },
    {
      name: 'episode_end_date',
      label: 'Episode end date',
      description: 'Date the episode closed; blank while it is open.',
      type: { kind: 'date' },
      required: false,
      aliases: ['earl_episode_end_date', 'episode end date', 'end date', 'closure date', 'date closed', 'close date'],
      example: '20/11/2024',
    },
    {
      name: 'end_reason',
      label: 'End reason',
      description: 'Why the episode closed; blank while open.',
      type: {
        kind: 'code',
        values: EARLY_HELP_END_REASONS,
        labels: END_REASON_LABELS,
        aliases: {
          OUTCOMES_ACHIEVED: 'NEEDS_MET',
          STEPPED_UP_TO_CSC: 'STEP_UP_CSC',
          STEP_UP: 'STEP_UP_CSC',
          STEPPED_UP_TO_CHILD_PROTECTION: 'STEP_UP_CP',
          CHILD_PROTECTION: 'STEP_UP_CP',
          MACPT: 'STEP_UP_CP',
          REFERRED_TO_MULTI_AGENCY_CHILD_PROTECTION_TEAM: 'STEP_UP_CP',
          TRANSFERRED_TO_FAMILY_HELP: 'TRANSFER_OTHER_SERVICE',
          FAMILY_HELP: 'TRANSFER_OTHER_SERVICE',
          STEPPED_DOWN_TO_UNIVERSAL_SERVICES: 'STEP_DOWN_UNIVERSAL',
          STEP_DOWN: 'STEP_DOWN_UNIVERSAL',
          MOVED_OUT_OF_AREA: 'MOVED_AWAY',
        },
      },
      required: false,
      aliases: ['earl_episode_end_reason', 'end reason', 'closure reason', 'reason for closure', 'reason closed'],
      example: 'NEEDS_MET',
    },
    {
      name: 'lead_agency',
      label: 'Lead agency',
      description: 'Agency leading the episode (Annex A "Organisation completing assessment").',
      type: agencyType,
      required: false,
      aliases: [
        'organisation completing assessment',
        'earl_episode_organisation',
        'lead agency',
        'lead organisation',
        'lead professional agency',
      ],
      example: 'SCHOOL',
    },
    {
      name: 'source_of_request',
      label: 'Source of request',
      description: 'Who asked for early help (agency list or Annex A source code).',
      type: agencyType,
      required: false,
      aliases: ['source of request', 'request source', 'referral source', 'source of referral'],
      example: 'POLICE',
    },
    {
      name: 'step_down_from_csc',
      label: 'Stepped down from CSC',
      description: 'Y if the child entered early help from children’s social care.',
      type: { kind: 'flag' },
      required: false,
      aliases: ['step down from csc', 'stepped down from csc', 'step down'],
      example: 'N',
    },
    {
      name: 'age_at_start',
      label: 'Age at start',
      description: 'Age of the child in whole years when the episode started.',
      type: { kind: 'integer', min: 0, max: 25, fraction: 'floor' },
      required: false,
      aliases: ['age of child years', 'age of child', 'age', 'age at start of episode'],
      example: '7',
    },
    {
      name: 'gender',
      label: 'Gender',
      description:
        'Gender: male, female, not stated or recorded, or neither. The words, the codes (MALE…), Annex A codes ("a) Male"), M/F and DfE codes 1/2 are recognised.',
      type: {
        kind: 'code',
        values: GENDERS,
        labels: GENDER_LABELS,
        aliases: {
          A_MALE: 'MALE',
          M: 'MALE',
          '1': 'MALE',
          B_FEMALE: 'FEMALE',
          F: 'FEMALE',
          '2': 'FEMALE',
          C_NOT_STATED_RECORDED: 'NOT_STATED',
          NOT_STATED_RECORDED: 'NOT_STATED',
          NOT_KNOWN: 'NOT_STATED',
          UNKNOWN: 'NOT_STATED',
          '0': 'NOT_STATED',
          '9': 'NOT_STATED',
          D_NEITHER: 'NEITHER',
        },
      },
      required: false,
      aliases: ['sex', 'gender current'],
      example: 'b) Female',
    },
    {
      name: 'ethnicity',
      label: 'Ethnicity',
      description:
        'The DfE ethnicity category: its code ("WBRI", or as Annex A writes it, "a) WBRI") or its name ("White British").',
      type: { kind: 'code', values: ETHNICITIES, aliases: ETHNICITY_ALIASES, labels: ETHNICITY_LABELS },
      required: false,
      aliases: ['ethnic group', 'ethnic origin'],
      example: 'a) WBRI',
    },
    {
      name: 'locality',
      label: 'Locality',
      description: 'Locality or area team.',
      type: { kind: 'text' },
      required: false,
      aliases: ['area', 'district', 'locality team'],
      example: 'Riverside',
    },
  ],
};

/**
 * The child protection system's lists, as Ofsted's Annex A asks for them at every inspection (Lists 1,
 * 3–7) and as the Standard Safeguarding Dataset (data-to-insight's SSD) names them: contacts,
 * referrals, assessments, Section 47 enquiries with their initial conferences, children in need and
 * child protection plans, and the SSD's visits to children on a plan. One canonical table each; Annex A
 * headings (in their 2019 template and later wordings) and SSD column names are aliases.
 * Child identifiers link records and count children; they are never shown (disclosure-scope.ts).
 */
import type { DatasetDefinition, FieldDefinition } from './dataset-definition';
import { GENDER_LABELS } from './early-help';
import { ETHNICITIES, ETHNICITY_ALIASES, ETHNICITY_LABELS } from './ethnicity';
import { code, date, field, flag, integer, text } from './field-helpers';

/**
 * Where a contact or referral came from: the CIN census source codes, which Annex A writes after a
 * letter with their words ("e) 2A: Schools"). 2A and 2B are the education agencies the Children's
 * Wellbeing and Schools Act 2026 designates; 3A–3F health; 6 the police.
 */
export const SOURCE_LABELS = {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance',
  '1C': 'Individual: self',
  '1D': 'Individual: other',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health: GP',
  '3B': 'Health: health visitor',
  '3C': 'Health: school nurse',
  '3D': 'Health: other primary health services',
  '3E': 'Health: A&E',
  '3F': 'Health: other',
  '4': 'Housing',
  '5A': 'Local authority: social care',
  '5B': 'Local authority: other internal departments',
  '5C': 'Local authority: external',
  '5D': 'Local authority: early help',
  '6': 'Police',
  '7': 'Other legal agency',
  '8': 'Other',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const;

/** The source codes of each named agency group (the "schools, police, health"). */
export const SOURCE_GROUPS = {
  education: ['2A', '2B'],
  schools: ['2A'],
  health: ['3A', '3B', '3C', '3D', '3E', '3F'],
  police: ['6'],
} as const;

const source = code(SOURCE_LABELS, { SCHOOL: '2A', EDUCATION: '2B', GP: '3A', HOUSING: '4', POLICE: '6' });

/** Annex A List 7's categories of abuse (and the CIN census's). */
export const ABUSE_CATEGORY_LABELS = {
  NEGLECT: 'Neglect',
  PHYSICAL: 'Physical abuse',
  EMOTIONAL: 'Emotional abuse',
  SEXUAL: 'Sexual abuse',
  MULTIPLE: 'Multiple',
} as const;

const abuseCategory = code(ABUSE_CATEGORY_LABELS, {
  PHY: 'PHYSICAL',
  EMO: 'EMOTIONAL',
  SAB: 'SEXUAL',
  NEG: 'NEGLECT',
  MUL: 'MULTIPLE',
  PHYSICAL_ABUSE: 'PHYSICAL',
  EMOTIONAL_ABUSE: 'EMOTIONAL',
  SEXUAL_ABUSE: 'SEXUAL',
  MIXED: 'MULTIPLE',
});

/** Annex A List 6's case status. */
export const CASE_STATUS_LABELS = {
  CP_PLAN: 'Child protection plan',
  LOOKED_AFTER: 'Looked after child',
  CIN_PLAN: 'Child in need plan',
  OPEN_ASSESSMENT: 'Open assessment',
  OTHER: 'Other',
} as const;

const caseStatus = code(CASE_STATUS_LABELS, {
  CHILD_PROTECTION: 'CP_PLAN',
  CP: 'CP_PLAN',
  LAC: 'LOOKED_AFTER',
  CLA: 'LOOKED_AFTER',
  CHILD_LOOKED_AFTER: 'LOOKED_AFTER',
  CIN: 'CIN_PLAN',
  CHILD_IN_NEED: 'CIN_PLAN',
  ASSESSMENT: 'OPEN_ASSESSMENT',
});

const gender = code(GENDER_LABELS, {
  M: 'MALE',
  '1': 'MALE',
  F: 'FEMALE',
  '2': 'FEMALE',
  NOT_STATED_RECORDED: 'NOT_STATED',
  NOT_KNOWN: 'NOT_STATED',
  UNKNOWN: 'NOT_STATED',
  '0': 'NOT_STATED',
  '9': 'NOT_STATED',
});

/** The columns every list has about the child: who (linked, never shown), and who they are. */
function childFields(ssdPrefix: string): FieldDefinition[] {
  return [
    field('child_id', 'Child ID', text, {
      required: true,
      description:
        'Pseudonymised child identifier (Annex A "Child Unique ID"; SSD person id). Used to link, never shown.',
      aliases: [
        'child unique id',
        `${ssdPrefix}_person_id`,
        'person id',
        'person_id',
        'la child id',
        'child identifier',
      ],
      example: 'CP000123',
    }),
    field('gender', 'Gender', gender, { aliases: ['sex', 'gender current', 'pers_sex'], example: 'b) Female' }),
    field(
      'ethnicity',
      'Ethnicity',
      { kind: 'code', values: ETHNICITIES, aliases: ETHNICITY_ALIASES, labels: ETHNICITY_LABELS },
      { aliases: ['ethnic group', 'ethnic origin', 'pers_ethnicity'], example: 'a) WBRI' },
    ),
    field('date_of_birth', 'Date of birth', date, {
      aliases: ['dob', 'pers_dob', 'birth date'],
      example: '14/06/2015',
    }),
    field(
      'age',
      'Age',
      { kind: 'integer', min: 0, max: 25, fraction: 'floor' },
      { aliases: ['age of child years', 'age of child', 'age in years'], example: '8' },
    ),
    field('disability', 'Disability', flag, {
      aliases: ['does the child have a disability', 'disabled', 'pers_disability', 'disability flag'],
      description: 'Whether the child has a disability (Annex A "a) Yes" / "b) No", or Y/N).',
      example: 'b) No',
    }),
  ];
}

const worker = [
  field('allocated_team', 'Allocated team', text, { aliases: ['team'], example: 'Locality 4 Duty Team' }),
];

/** Annex A List 1; SSD `ssd_contacts`. One row per contact. */
export const contacts: DatasetDefinition = {
  id: 'contacts',
  about: 'children',
  title: 'Contacts',
  fileName: 'contacts.csv',
  description:
    'One row per contact with children’s social care: the child, the date and who made it. Ofsted Annex A List 1 and SSD ssd_contacts are recognised.',
  generatedIdField: 'contact_id',
  recordKeys: [['contact_id'], ['child_id', 'contact_date', 'contact_source']],
  dateOrder: [['date_of_birth', 'contact_date']],
  fields: [
    field('contact_id', 'Contact ID', text, { aliases: ['cont_contact_id', 'contact reference'], example: 'C0001' }),
    ...childFields('cont'),
    field('contact_date', 'Date of contact', date, {
      required: true,
      aliases: ['date of contact', 'contact date', 'cont_contact_date', 'cont_contact_start'],
      example: '16/09/2025',
    }),
    field('contact_source', 'Contact source', source, {
      aliases: ['contact source', 'cont_contact_source_code', 'cont_contact_source', 'source of contact'],
      description: 'Who made the contact: a CIN census source code ("2A", or as Annex A writes it, "e) 2A: Schools").',
      example: 'e) 2A: Schools',
    }),
  ],
};

/** Annex A List 3; SSD `ssd_cin_episodes` (one row per referral). */
export const referrals: DatasetDefinition = {
  id: 'referrals',
  about: 'children',
  title: 'Referrals',
  fileName: 'referrals.csv',
  description:
    'One row per referral to children’s social care: the date, the source, and whether it led to no further action. Ofsted Annex A List 3 and SSD ssd_cin_episodes are recognised.',
  generatedIdField: 'referral_id',
  recordKeys: [['referral_id'], ['child_id', 'referral_date']],
  dateOrder: [['date_of_birth', 'referral_date']],
  fields: [
    field('referral_id', 'Referral ID', text, {
      aliases: ['cine_referral_id', 'referral reference', 'cin episode id'],
      example: 'R0001',
    }),
    ...childFields('cine'),
    field('referral_date', 'Date of referral', date, {
      required: true,
      aliases: ['date of referral', 'referral date', 'cine_referral_date'],
      example: '16/09/2025',
    }),
    field('referral_source', 'Referral source', source, {
      aliases: ['referral source', 'cine_referral_source_code', 'cine_referral_source', 'source of referral'],
      example: 'e) 2A: Schools',
    }),
    field('referral_nfa', 'Referral NFA', flag, {
      aliases: ['referral nfa', 'cine_referral_nfa', 'no further action'],
      description: 'Y when the referral led to no further action.',
      example: 'No',
    }),
    field('referrals_last_12_months', 'Referrals in the last 12 months', integer(0, 500), {
      aliases: ['number of referrals in last 12 months', 'referrals in last 12 months'],
      example: '1',
    }),
    ...worker,
  ],
};

/** Annex A List 4; SSD `ssd_cin_assessments`. One row per (continuous) assessment. */
export const assessments: DatasetDefinition = {
  id: 'assessments',
  about: 'children',
  title: 'Assessments',
  fileName: 'assessments.csv',
  description:
    'One row per social care assessment: when it started and when it was authorised, and whether the child was seen. Ofsted Annex A List 4 and SSD ssd_cin_assessments are recognised.',
  generatedIdField: 'assessment_id',
  recordKeys: [['assessment_id'], ['child_id', 'assessment_start_date']],
  dateOrder: [['assessment_start_date', 'assessment_authorised_date']],
  fields: [
    field('assessment_id', 'Assessment ID', text, { aliases: ['cina_assessment_id'], example: 'A0001' }),
    ...childFields('cina'),
    field('assessment_start_date', 'Assessment start date', date, {
      required: true,
      aliases: ['continuous assessment start date', 'assessment start date', 'cina_assessment_start_date'],
      example: '16/09/2025',
    }),
    field('child_seen', 'Child seen during the assessment', flag, {
      aliases: ['child seen during continuous assessment', 'child seen', 'cina_assessment_child_seen'],
      example: 'Yes',
    }),
    field('assessment_authorised_date', 'Assessment authorised', date, {
      aliases: [
        'continuous assessment date of authorisation',
        'assessment authorisation date',
        'date of authorisation',
        'cina_assessment_auth_date',
      ],
      example: '04/11/2025',
    }),
    field('further_action', 'Assessed as needing social care support', text, {
      aliases: [
        'was the child assessed as requiring la childrens social care support',
        'cina_assessment_outcome_json',
        'assessment outcome',
      ],
      example: 'Yes',
    }),
    ...worker,
  ],
};

/** Annex A List 5; SSD `ssd_s47_enquiry` with `ssd_initial_cp_conference`. One row per enquiry. */
export const section47Enquiries: DatasetDefinition = {
  id: 'section47_enquiries',
  about: 'children',
  title: 'Section 47 enquiries',
  fileName: 'section47_enquiries.csv',
  description:
    'One row per Section 47 enquiry: the strategy discussion that started it, and its initial child protection conference if one was held. Ofsted Annex A List 5 and SSD ssd_s47_enquiry are recognised.',
  generatedIdField: 's47_id',
  recordKeys: [['s47_id'], ['child_id', 'strategy_discussion_date']],
  dateOrder: [['strategy_discussion_date', 'icpc_date']],
  fields: [
    field('s47_id', 'Section 47 ID', text, { aliases: ['s47e_s47_enquiry_id', 's47 enquiry id'], example: 'S0001' }),
    ...childFields('s47e'),
    field('strategy_discussion_date', 'Strategy discussion date', date, {
      required: true,
      aliases: [
        'strategy discussion initiating section 47 enquiry start date',
        'strategy discussion date',
        's47e_s47_start_date',
        'section 47 start date',
      ],
      example: '16/09/2025',
    }),
    field('icpc_not_required', 'Initial conference deemed unnecessary', flag, {
      aliases: ['was an initial child protection conference deemed unnecessary', 's47e_s47_nfa', 'icpc not required'],
      example: 'No',
    }),
    field('icpc_date', 'Date of the initial conference', date, {
      aliases: ['date of initial child protection conference', 'icpc date', 'icpc_icpc_date'],
      example: '07/10/2025',
    }),
    field('icpc_plan', 'Initial conference led to a plan', flag, {
      aliases: [
        'did the initial child protection conference result in a child protection plan',
        'icpc_icpc_outcome_cp_flag',
        'icpc resulted in plan',
      ],
      example: 'Yes',
    }),
    field('s47_last_12_months', 'Section 47 enquiries in the last 12 months', integer(0, 500), {
      aliases: ['number of section 47 enquiries in the last 12 months'],
      example: '1',
    }),
    field('icpcs_last_12_months', 'Initial conferences in the last 12 months', integer(0, 500), {
      aliases: ['number of icpcs in the last 12 months'],
      example: '1',
    }),
    ...worker,
  ],
};

/** Annex A List 6; one row per child in need episode open in the year. */
export const childrenInNeed: DatasetDefinition = {
  id: 'children_in_need',
  about: 'children',
  title: 'Children in need',
  fileName: 'children_in_need.csv',
  description:
    'One row per child in need episode: when it started and closed, the primary need and the case status. Ofsted Annex A List 6 is recognised.',
  generatedIdField: 'cin_id',
  recordKeys: [['cin_id'], ['child_id', 'cin_start_date']],
  dateOrder: [['cin_start_date', 'cin_closure_date']],
  fields: [
    field('cin_id', 'Child in need episode ID', text, {
      aliases: ['cin episode id', 'cinp_cin_plan_id'],
      example: 'N0001',
    }),
    ...childFields('cinp'),
    field('cin_start_date', 'Child in need start date', date, {
      required: true,
      aliases: ['cin start date', 'cinp_cin_plan_start_date', 'cin_start'],
      example: '16/09/2025',
    }),
    field('primary_need', 'Primary need', text, {
      aliases: ['primary need code', 'primary need', 'cine_cin_primary_need_code'],
      example: 'N1 - Abuse or Neglect',
    }),
    field('last_seen_date', 'Date the child was last seen', date, {
      aliases: ['date child was last seen', 'date last seen'],
      example: '21/01/2026',
    }),
    field('cin_closure_date', 'Child in need closure date', date, {
      aliases: ['cin closure date', 'cinp_cin_plan_end_date', 'cin_end'],
      example: '',
    }),
    field('closure_reason', 'Reason for closure', text, {
      aliases: ['reason for closure', 'cine_close_reason'],
      example: '',
    }),
    field('case_status', 'Case status', caseStatus, { aliases: ['case status'], example: 'c) Child in need plan' }),
    ...worker,
  ],
};

/** Annex A List 7; SSD `ssd_cp_plans`. One row per child protection plan. */
export const childProtectionPlans: DatasetDefinition = {
  id: 'child_protection_plans',
  about: 'children',
  title: 'Child protection plans',
  fileName: 'child_protection_plans.csv',
  description:
    'One row per child protection plan: when it started and ended, its category, the last statutory visit and whether the child was seen alone, and previous plans. Ofsted Annex A List 7 and SSD ssd_cp_plans are recognised.',
  generatedIdField: 'cp_plan_id',
  recordKeys: [['cp_plan_id'], ['child_id', 'cp_plan_start_date']],
  dateOrder: [['cp_plan_start_date', 'cp_plan_end_date']],
  fields: [
    field('cp_plan_id', 'Plan ID', text, { aliases: ['cppl_cp_plan_id', 'cp plan id'], example: 'P0001' }),
    ...childFields('cppl'),
    field('cp_plan_start_date', 'Plan start date', date, {
      required: true,
      aliases: ['child protection plan start date', 'cp plan start date', 'cppl_cp_plan_start_date'],
      example: '07/10/2025',
    }),
    field('initial_category', 'Initial category of abuse', abuseCategory, {
      aliases: ['initial category of abuse', 'cppl_cp_plan_initial_category'],
      example: 'Neglect',
    }),
    field('latest_category', 'Latest category of abuse', abuseCategory, {
      aliases: ['latest category of abuse', 'cppl_cp_plan_latest_category'],
      example: 'Neglect',
    }),
    field('last_visit_date', 'Date of the last statutory visit', date, {
      aliases: ['date of the last statutory visit', 'last statutory visit date', 'last visit date'],
      example: '02/12/2025',
    }),
    field('seen_alone', 'Seen alone at the last visit', flag, {
      aliases: ['was the child seen alone', 'seen alone'],
      example: 'a) Yes',
    }),
    field('latest_review_date', 'Date of the latest review conference', date, {
      aliases: ['date of latest review conference', 'latest review date', 'cppr_cp_review_date'],
      example: '06/01/2026',
    }),
    field('cp_plan_end_date', 'Plan end date', date, {
      aliases: ['child protection plan end date', 'cp plan end date', 'cppl_cp_plan_end_date'],
      example: '',
    }),
    field('emergency_protection', 'Emergency protection in the last six months', flag, {
      aliases: [
        'subject to emergency protection order or protected under police powers in last six months yn',
        'subject to emergency protection order or protected under police powers in last six months',
      ],
      example: 'b) No',
    }),
    field('previous_plans', 'Number of previous plans', integer(0, 50), {
      aliases: ['number of previous child protection plans', 'previous cp plans', 'cppl_cp_plan_ola'],
      example: '0',
    }),
    ...worker,
  ],
};

/** SSD `ssd_cp_visits`: one row per statutory visit to a child on a plan (no Annex A list has them). */
export const cpVisits: DatasetDefinition = {
  id: 'cp_visits',
  about: 'children',
  title: 'Child protection visits',
  fileName: 'cp_visits.csv',
  description:
    'One row per statutory visit to a child on a child protection plan: the date, and whether the child was seen alone. SSD ssd_cp_visits is recognised.',
  generatedIdField: 'visit_id',
  recordKeys: [['visit_id'], ['child_id', 'visit_date']],
  dateOrder: [],
  fields: [
    field('visit_id', 'Visit ID', text, { aliases: ['cppv_cp_visit_id'], example: 'V0001' }),
    field('child_id', 'Child ID', text, {
      required: true,
      aliases: ['child unique id', 'cppv_person_id', 'person id', 'person_id'],
      description: 'Pseudonymised child identifier. Used to link, never shown.',
      example: 'CP000123',
    }),
    field('cp_plan_id', 'Plan ID', text, { aliases: ['cppv_cp_plan_id', 'cppl_cp_plan_id'], example: 'P0001' }),
    field('visit_date', 'Visit date', date, {
      required: true,
      aliases: ['cppv_cp_visit_date', 'date of visit', 'visit date'],
      example: '02/12/2025',
    }),
    field('seen_alone', 'Seen alone', flag, { aliases: ['cppv_cp_visit_seen_alone', 'seen alone'], example: 'Y' }),
  ],
};

export const CHILD_PROTECTION_DATASETS = [
  contacts,
  referrals,
  assessments,
  section47Enquiries,
  childrenInNeed,
  childProtectionPlans,
  cpVisits,
] as const;

import { AGENCY_ALIASES, AGENCY_LABELS } from './agencies';
import type { DatasetDefinition } from './dataset-definition';
import { actionStatus, agency, code, date, field, flag, text } from './field-helpers';

/** The practice domains a case is graded in, in the order an audit report lists them. */
export const AUDIT_DOMAIN_LABELS: Readonly<Record<string, string>> = {
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

/** Ofsted's four grades, best first. */
export const AUDIT_GRADE_LABELS: Readonly<Record<string, string>> = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  INADEQUATE: 'Inadequate',
};

/** The key that ties actions to their audit. */
const auditId = field('audit_id', 'Audit ID', text, {
  required: true,
  aliases: ['audit', 'audit reference'],
  example: 'MACFA-2025-02',
});

/** Multi-agency case-file audits (domain.md §5.4): grades per case, domain and agency; and actions. */
export const auditGrades: DatasetDefinition = {
  id: 'audit_grades',
  about: 'children',
  title: 'Case-file audit grades',
  fileName: 'audit_grades.csv',
  description: 'One row per case, domain and agency (or MULTI for the agreed multi-agency grade) in a case-file audit.',
  recordKeys: [
    ['audit_id', 'case_id', 'agency', 'domain'],
    ['audit_id', 'case_id', 'domain'],
  ],
  dateOrder: [],
  fields: [
    auditId,
    field('audit_theme', 'Theme', text, { aliases: ['theme', 'audit topic'], example: 'Neglect' }),
    field('audit_date', 'Audit date', date, { aliases: ['date', 'date of audit'], example: '14/02/2025' }),
    field('case_id', 'Case ID', text, {
      required: true,
      aliases: ['case', 'child id', 'case reference'],
      example: 'C-0192',
    }),
    field(
      'agency',
      'Agency',
      code(
        { ...AGENCY_LABELS, MULTI: 'Multi-agency' },
        { ...AGENCY_ALIASES, MULTI_AGENCY: 'MULTI', CONSENSUS: 'MULTI' },
      ),
      {
        aliases: ['organisation', 'auditing agency'],
        example: 'MULTI',
      },
    ),
    field(
      'domain',
      'Domain',
      code(AUDIT_DOMAIN_LABELS, {
        PLANNING: 'PLANNING_INTERVENTION',
        INFORMATION_SHARING: 'INFO_SHARING',
        VOICE_OF_THE_CHILD: 'VOICE_OF_CHILD',
        OVERALL_GRADE: 'OVERALL',
      }),
      { required: true, aliases: ['audit domain', 'area'], example: 'OVERALL' },
    ),
    field(
      'grade',
      'Grade',
      code(AUDIT_GRADE_LABELS, {
        RI: 'REQUIRES_IMPROVEMENT',
        REQUIRES_IMPROVEMENT_TO_BE_GOOD: 'REQUIRES_IMPROVEMENT',
        '4': 'OUTSTANDING',
        '3': 'GOOD',
        '2': 'REQUIRES_IMPROVEMENT',
        '1': 'INADEQUATE',
      }),
      { required: true, aliases: ['judgement', 'rating'], example: 'GOOD' },
    ),
    field('practitioner_involved', 'Practitioner involved', flag, {
      aliases: ['practitioners involved'],
      example: 'Y',
    }),
    field('family_feedback_obtained', 'Family feedback obtained', flag, { aliases: ['family feedback'], example: 'N' }),
  ],
};

export const auditActions: DatasetDefinition = {
  id: 'audit_actions',
  about: 'organisations',
  title: 'Case-file audit actions',
  fileName: 'audit_actions.csv',
  description: 'One row per action arising from a case-file audit.',
  recordKeys: [['audit_id', 'action_id']],
  dateOrder: [],
  fields: [
    auditId,
    field('action_id', 'Action ID', text, { required: true, aliases: ['action', 'action reference'], example: 'A-07' }),
    field('agency', 'Agency', agency, { aliases: ['owner', 'owner agency', 'organisation'], example: 'ICB' }),
    field('due_date', 'Due date', date, { aliases: ['deadline', 'target date'], example: '30/06/2025' }),
    field('completed_date', 'Completed date', date, { aliases: ['date completed'], example: '12/06/2025' }),
    field('status', 'Status', actionStatus, { aliases: ['action status'], example: 'COMPLETE' }),
  ],
};

import type { DatasetDefinition } from './dataset-definition';
import { actionStatus, agency, code, date, field, flag, text } from './field-helpers';

/** Statutory obligations (domain.md §5.3): Section 11 and Section 175/157 self-assessment returns. */
export const complianceReturns: DatasetDefinition = {
  id: 'compliance_returns',
  about: 'organisations',
  title: 'Section 11 / Section 175/157 returns',
  fileName: 'compliance_returns.csv',
  description:
    'One row per standard in an organisation’s Section 11 or Section 175/157 return: when it was due and submitted, the self-assessed rating, and any action.',
  recordKeys: [
    ['framework', 'organisation', 'cycle', 'standard_id'],
    ['framework', 'organisation', 'cycle'],
  ],
  dateOrder: [],
  fields: [
    field('return_id', 'Return ID', text, { aliases: ['audit id', 'submission id'], example: 'S11-2024-POL' }),
    field(
      'framework',
      'Framework',
      code(
        { S11: 'Section 11', S175: 'Section 175/157' },
        {
          SECTION_11: 'S11',
          SECTION_175: 'S175',
          S157: 'S175',
          SECTION_157: 'S175',
          S175_157: 'S175',
        },
      ),
      {
        required: true,
        aliases: ['audit type', 'section'],
        example: 'S11',
      },
    ),
    field('organisation', 'Organisation', text, {
      required: true,
      aliases: ['organisation name', 'school', 'school name', 'agency name'],
      example: 'Fernshire Constabulary',
    }),
    field('agency_type', 'Agency type', agency, { aliases: ['agency', 'sector'], example: 'POLICE' }),
    field('cycle', 'Cycle', text, { required: true, aliases: ['audit cycle', 'year', 'period'], example: '2024-25' }),
    field('due_date', 'Due date', date, { aliases: ['deadline', 'return due'], example: '31/10/2024' }),
    field('submitted_date', 'Submitted date', date, {
      aliases: ['date submitted', 'returned date', 'submission date'],
      example: '28/10/2024',
    }),
    field('standard_id', 'Standard', text, { aliases: ['standard', 'question', 'question id'], example: 'S11-3' }),
    field('standard_name', 'Standard name', text, {
      aliases: ['standard description', 'standard title', 'question text', 'standard wording'],
      description: 'What the standard asks, as the return words it (shown beside its code).',
      example: 'A clear line of accountability for safeguarding',
    }),
    field(
      'rating',
      'Rating',
      code(
        { MET: 'Met', PARTIAL: 'Partly met', NOT_MET: 'Not met', NA: 'Not applicable' },
        {
          GREEN: 'MET',
          FULLY_MET: 'MET',
          AMBER: 'PARTIAL',
          PARTIALLY_MET: 'PARTIAL',
          RED: 'NOT_MET',
          N_A: 'NA',
          NOT_APPLICABLE: 'NA',
        },
      ),
      { aliases: ['rag', 'rag rating', 'self assessment'], example: 'PARTIAL' },
    ),
    field('action_required', 'Action required', flag, { aliases: ['action needed'], example: 'Y' }),
    field('action_due_date', 'Action due date', date, { aliases: ['action due'], example: '31/03/2025' }),
    field('action_status', 'Action status', actionStatus, { aliases: ['action progress'], example: 'OPEN' }),
  ],
};

/** The schools expected to make a Section 175/157 return (for OB7). */
export const schools: DatasetDefinition = {
  id: 'schools',
  about: 'organisations',
  title: 'Schools list',
  fileName: 'schools.csv',
  description: 'One row per school expected to complete a Section 175/157 return.',
  recordKeys: [['urn']],
  dateOrder: [],
  fields: [
    field('urn', 'URN', text, {
      required: true,
      aliases: ['unique reference number', 'school urn'],
      example: '123456',
    }),
    field('school_name', 'School name', text, {
      required: true,
      aliases: ['name', 'establishment name', 'school'],
      example: 'Riverside Primary School',
    }),
    field('phase', 'Phase', text, { aliases: ['phase of education'], example: 'Primary' }),
    field('school_type', 'Type', text, { aliases: ['type', 'type of establishment'], example: 'Academy' }),
  ],
};

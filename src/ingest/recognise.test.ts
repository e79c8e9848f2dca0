import { describe, expect, it } from 'vitest';
import { DATASETS } from '../datasets/registry';
import { recogniseDataset } from './recognise';

describe('recogniseDataset', () => {
  it.each(DATASETS.map((d) => [d.id, d] as const))('%s is recognised from its own column names', (_id, dataset) => {
    const result = recogniseDataset(
      dataset.fields.map((f) => f.name),
      DATASETS,
    );
    expect(result.best?.dataset.id).toBe(dataset.id);
    expect(result.best?.confidence).toBe(1);
  });

  it.each(DATASETS.map((d) => [d.id, d] as const))('%s is recognised from its labels', (_id, dataset) => {
    const result = recogniseDataset(
      dataset.fields.map((f) => f.label),
      DATASETS,
    );
    expect(result.best?.dataset.id).toBe(dataset.id);
  });

  it('recognises Ofsted Annex A List 2 as early help', () => {
    const header = [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Assessment start date',
      'Assessment completion date',
      'Organisation completing assessment',
    ];
    const result = recogniseDataset(header, DATASETS);
    expect(result.best?.dataset.id).toBe('early_help_episodes');
    expect(result.best?.confidence).toBeCloseTo(7 / 8);
  });

  it('tells recommendations from the reviews they belong to', () => {
    const result = recogniseDataset(['Review ID', 'Rec ID', 'Owner', 'Due date', 'Status'], DATASETS);
    expect(result.best?.dataset.id).toBe('review_recommendations');
    expect(result.candidates.map((c) => c.dataset.id)).toContain('practice_reviews');
  });

  it('tells attendance from evaluations', () => {
    expect(recogniseDataset(['event_id', 'attendee_id', 'agency', 'status'], DATASETS).best?.dataset.id).toBe(
      'training_attendance',
    );
    expect(recogniseDataset(['event_id', 'attendee_id', 'stage', 'confidence'], DATASETS).best?.dataset.id).toBe(
      'training_evaluations',
    );
  });

  it('uses the file name to break a tie', () => {
    const header = ['audit_id', 'action_id'];
    expect(recogniseDataset(header, DATASETS, 'audit_actions (3).csv').best?.dataset.id).toBe('audit_actions');
  });

  it('recognises nothing in an SSDA903 header, and says what is closest', () => {
    const result = recogniseDataset(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE'], DATASETS);
    expect(result.best).toBeNull();
  });
});

describe('the Standard Safeguarding Dataset’s tables, by their own column names', () => {
  // Columns as data-to-insight's SSD specification names them (a typical extract's subset of each table).
  const SSD: readonly [string, readonly string[]][] = [
    ['contacts', ['cont_contact_id', 'cont_person_id', 'cont_contact_date', 'cont_contact_source_code']],
    [
      'referrals',
      ['cine_referral_id', 'cine_person_id', 'cine_referral_date', 'cine_referral_source_code', 'cine_referral_nfa'],
    ],
    [
      'assessments',
      [
        'cina_assessment_id',
        'cina_person_id',
        'cina_assessment_start_date',
        'cina_assessment_child_seen',
        'cina_assessment_auth_date',
      ],
    ],
    ['section47_enquiries', ['s47e_s47_enquiry_id', 's47e_person_id', 's47e_s47_start_date', 's47e_s47_nfa']],
    [
      'child_protection_plans',
      [
        'cppl_cp_plan_id',
        'cppl_person_id',
        'cppl_cp_plan_start_date',
        'cppl_cp_plan_end_date',
        'cppl_cp_plan_initial_category',
      ],
    ],
    [
      'cp_visits',
      ['cppv_cp_visit_id', 'cppv_person_id', 'cppv_cp_plan_id', 'cppv_cp_visit_date', 'cppv_cp_visit_seen_alone'],
    ],
  ];

  it.each(SSD)('%s from its SSD columns', (id, header) => {
    const result = recogniseDataset(header, DATASETS);
    expect(result.best?.dataset.id).toBe(id);
    expect(result.best?.confidence).toBe(1);
  });
});
